#!/bin/bash
# What the order of message ids costs MySQL (README, Performance, "Message ids in time order").
# Inserts the same rows, 500 per INSERT, into two empty copies of carrier.messages on the project's
# own MariaDB (a stack started with CARRIER_OWN_STORES=1): first with random ids (version 4), then
# with ids that grow with time (as version 7 ones do), and prints for each the time, mariadbd's CPU
# and InnoDB's buffer-pool reads and pages written. Drops its scratch database at the end.
# Usage: bench/experiments/message-id-order.sh [BATCHES] (default 1600, i.e. 800,000 rows per table)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
B=${1:-1600}
SOCK=$ROOT/.carrier/mariadb.sock
q() { mariadb -uroot --socket=$SOCK -N -e "$1"; }
q "DROP DATABASE IF EXISTS idtest; CREATE DATABASE idtest; CREATE TABLE idtest.m_v4 LIKE carrier.messages; CREATE TABLE idtest.m_v7 LIKE carrier.messages;"
PID=$(cat "$ROOT/.carrier/pids/mariadb.pid")
for v in v4 v7; do
  if [[ $v == v4 ]]; then ID="CONCAT(SUBSTR(h,1,8),'-',SUBSTR(h,9,4),'-4',SUBSTR(h,14,3),'-a',SUBSTR(h,18,3),'-',SUBSTR(h,21,12))"
  else ID="CONCAT(SUBSTR(t,1,8),'-',SUBSTR(t,9,4),'-7',SUBSTR(h,14,3),'-a',SUBSTR(h,18,3),'-',SUBSTR(h,21,12))"; fi
  q "DROP PROCEDURE IF EXISTS idtest.fill_$v"
  mariadb -uroot --socket=$SOCK idtest <<SQL
DELIMITER //
CREATE PROCEDURE fill_$v(IN batches INT)
BEGIN
  DECLARE b INT DEFAULT 0;
  WHILE b < batches DO
    INSERT INTO m_$v (id, chat_id, seq, sender_id, text, sent_at, deleted, client_message_id, generation)
    SELECT $ID, CONCAT('chat-', i MOD 100), b * 500 + i, 'sender-0000-0000-0000-000000000000',
           CONCAT('message ', i MOD 50, ' the quick brown fox jumps over the lazy dog ', ELT(1 + FLOOR(RAND() * 8), 'alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'), ' and then some more words to make it a plausible chat line'),
           NOW(6), FALSE, CONCAT('c-', b, '-', i), 1
    FROM (SELECT seq AS i, MD5(UUID()) AS h, LOWER(LPAD(HEX(1765000000000 + b * 500 + seq), 12, '0')) AS t FROM seq_0_to_499) s;
    SET b = b + 1;
  END WHILE;
END//
DELIMITER ;
SQL
  r0=$(q "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_reads'" | awk '{print $2}'); w0=$(q "SHOW GLOBAL STATUS LIKE 'Innodb_pages_written'" | awk '{print $2}')
  c0=$(awk '{print $14+$15}' /proc/$PID/stat); t0=$(date +%s.%N)
  q "CALL idtest.fill_$v($B)"
  t1=$(date +%s.%N); c1=$(awk '{print $14+$15}' /proc/$PID/stat)
  r1=$(q "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_reads'" | awk '{print $2}'); w1=$(q "SHOW GLOBAL STATUS LIKE 'Innodb_pages_written'" | awk '{print $2}')
  rows=$((B*500))
  echo "$v rows=$rows seconds=$(echo "$t1-$t0" | bc) mariadbd_cpu_s=$(echo "scale=1; ($c1-$c0)/100" | bc) us_cpu_per_row=$(echo "scale=1; ($c1-$c0)*10000/$rows" | bc) pool_reads=$((r1-r0)) pages_written=$((w1-w0))"
done
q "ANALYZE TABLE idtest.m_v4, idtest.m_v7" >/dev/null
q "SELECT table_name, CONCAT(ROUND(data_length/1048576), ' MB data'), CONCAT(ROUND(index_length/1048576), ' MB indexes') FROM information_schema.tables WHERE table_schema='idtest'; SHOW VARIABLES LIKE 'innodb_buffer_pool_size'"
q "DROP DATABASE idtest"
