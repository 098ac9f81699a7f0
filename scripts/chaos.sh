#!/usr/bin/env bash
# The full chaos run: a long, heavy send load with live WebSocket readers while Redis (10 times in a
# row), then the Kafka broker, MariaDB, persistence-service, chat-service-2 and the gateway are killed
# (kill -9) and restarted one at a time. It prints, per fault: acknowledged, in MySQL, lost, duplicated,
# out of order, failed sends and the seconds until every service is UP again; it fails on any loss,
# duplicate, reordering, hang or service that stays down. `./carrier test` runs the same test class in
# its short form.
#
# Run it through ./carrier, which gives it a stack of its own: the services restarted with the test
# settings on the project's own Redis and MariaDB (CARRIER_OWN_STORES=1, ports 6380 and 3307, data
# under .carrier/), which are the ones it kills; the machine's servers are never touched. The stack and
# its stores are stopped at the end (./carrier up brings the usual one back).
#
#   ./carrier chaos                                  all faults, full load
#   ./carrier chaos redis,gateway                    only these faults
#   CARRIER_CHAOS_REDIS_REPEATS=3 ./carrier chaos    the Redis fault 3 times instead of 10
#   CARRIER_CHAOS_SENDERS=32 ./carrier chaos         heavier load
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FAULTS=${1:-${CARRIER_CHAOS_FAULTS:-redis,kafka,mariadb,persistence-service,chat-service-2,gateway}}
REDIS_REPEATS=${CARRIER_CHAOS_REDIS_REPEATS:-10}
GATEWAY=${CARRIER_URL:-http://localhost:${CARRIER_GATEWAY_PORT:-8080}}

say() { printf '\033[1m[chaos]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[chaos] %s\033[0m\n' "$*" >&2; exit 1; }

[[ ${CARRIER_OWN_STORES:-} == 1 ]] ||
  die "the chaos run kills Redis and MariaDB: run it as ./carrier chaos, which starts a stack on the project's own stores"
if [[ -z "${JAVA_HOME:-}" ]]; then
  for dir in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [[ -x "$dir/bin/javac" ]] && export JAVA_HOME=$dir && break
  done
fi
curl -fsS --max-time 3 "$GATEWAY/readyz" 2>/dev/null | grep -q '"UP"' ||
  die "no Carrier answers at $GATEWAY"

say "full chaos run against $GATEWAY (Redis ${CARRIER_REDIS_URL:-}, MySQL ${CARRIER_MYSQL_URL:-}): $FAULTS, the Redis fault $REDIS_REPEATS times"
export CARRIER_CHAOS_FULL=true CARRIER_CHAOS_FAULTS=$FAULTS CARRIER_ROOT=$ROOT
extra=()
[[ -n "${CARRIER_CHAOS_SENDERS:-}" ]] && extra+=("-Dcarrier.chaos.senders=$CARRIER_CHAOS_SENDERS")
[[ -n "${CARRIER_CHAOS_CHATS:-}" ]] && extra+=("-Dcarrier.chaos.chats=$CARRIER_CHAOS_CHATS")
cd "$ROOT"
mvn -B -Pe2e -pl e2e-tests verify -Dit.test=ChaosEndToEndTests -Dcarrier.chaos.full=true \
  "-Dcarrier.chaos.faults=$FAULTS" "-Dcarrier.chaos.redis-repeats=$REDIS_REPEATS" "${extra[@]}"
