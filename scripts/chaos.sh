#!/usr/bin/env bash
# The full chaos run: a long, heavy send load with live WebSocket readers while Redis, the Kafka broker,
# MariaDB, persistence-service, chat-service-2 and the gateway are killed (kill -9) and restarted one at
# a time. It prints, per fault: acknowledged, in MySQL, lost, duplicated, failed sends and the seconds
# until every service is UP again; it fails on any loss, duplicate, hang or service that stays down.
# `./carrier test` runs the same test class in its short form.
#
#   scripts/chaos.sh                          all faults, full load (needs a running stack: ./carrier up)
#   scripts/chaos.sh redis,gateway            only these faults
#   CARRIER_CHAOS_SENDERS=32 scripts/chaos.sh heavier load
#
# It kills the servers of the stack it runs against: run it on your own machine, not on a shared one.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FAULTS=${1:-${CARRIER_CHAOS_FAULTS:-redis,kafka,mariadb,persistence-service,chat-service-2,gateway}}
GATEWAY=${CARRIER_URL:-http://localhost:${CARRIER_GATEWAY_PORT:-8080}}

say() { printf '\033[1m[chaos]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[chaos] %s\033[0m\n' "$*" >&2; exit 1; }

if [[ -z "${JAVA_HOME:-}" ]]; then
  for dir in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [[ -x "$dir/bin/javac" ]] && export JAVA_HOME=$dir && break
  done
fi
curl -fsS --max-time 3 "$GATEWAY/actuator/health" 2>/dev/null | grep -q '"UP"' ||
  die "no Carrier answers at $GATEWAY; start it first with ./carrier up"

say "full chaos run against $GATEWAY: $FAULTS"
export CARRIER_CHAOS_FULL=true CARRIER_CHAOS_FAULTS=$FAULTS CARRIER_ROOT=$ROOT
extra=()
[[ -n "${CARRIER_CHAOS_SENDERS:-}" ]] && extra+=("-Dcarrier.chaos.senders=$CARRIER_CHAOS_SENDERS")
[[ -n "${CARRIER_CHAOS_CHATS:-}" ]] && extra+=("-Dcarrier.chaos.chats=$CARRIER_CHAOS_CHATS")
cd "$ROOT"
mvn -B -Pe2e -pl e2e-tests verify -Dit.test=ChaosEndToEndTests -Dcarrier.chaos.full=true \
  "-Dcarrier.chaos.faults=$FAULTS" "${extra[@]}"
