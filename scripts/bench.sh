#!/usr/bin/env bash
# bench.sh [--mode default|seed|open] [--quick] [--repeats N] [--profile] [options]: load a running Carrier
# and measure it (./carrier bench). Builds bench/ when stale, caches its classpath under .carrier/bench/,
# runs dev.carrier.bench.Bench. See bench/README.md for what the figures mean.
# CARRIER_STATE_DIR points at the stack's .carrier/ (its pids/ and trust.key) when the stack was started
# from another checkout; the bench's own files (users, classpath, JFRs) stay in this checkout's .carrier/bench.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE="$ROOT/.carrier/bench"
MODULE="$ROOT/bench"
URL=${CARRIER_URL:-http://localhost:${CARRIER_GATEWAY_PORT:-8080}}

say() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[bench] %s\033[0m\n' "$*" >&2; exit 1; }

pick_java() {
  # The newest JDK >= 21 under /usr/lib/jvm (as ./carrier picks it), unless JAVA_HOME already is one.
  local best="" best_major=0 dir major
  for dir in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n "$dir" && -x "$dir/bin/javac" ]] || continue
    major=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if ((major >= 21 && major > best_major)); then best=$dir best_major=$major; fi
  done
  [[ -n "$best" ]] || die "A JDK 21 or newer is needed under /usr/lib/jvm."
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

for arg in "$@"; do
  if [[ $arg == -h || $arg == --help ]]; then
    pick_java
    [[ -s "$STATE/classpath" && -d "$MODULE/target/classes" ]] &&
      exec java -cp "$MODULE/target/classes:$(cat "$STATE/classpath")" dev.carrier.bench.Bench --help
    echo "Usage: ./carrier bench [--mode default|seed|open] [--quick] [--repeats N] [--profile] [--send-over socket|post] (see bench/README.md)"; exit 0
  fi
done

if [[ " $* " != *" --ceilings-only "* ]] && ! curl -fsS --max-time 3 "$URL/readyz" 2>/dev/null | grep -q '"status":"UP"'; then
  die "Carrier is not UP at $URL: start it with ./carrier up (for the bench, with high rate limits:
  CARRIER_API_RATE_PER_USER=1000000 CARRIER_API_BURST_PER_USER=1000000 \
  CARRIER_LOGIN_RATE_PER_IP=1000000 CARRIER_LOGIN_BURST_PER_IP=1000000 ./carrier up)"
fi

pick_java
mkdir -p "$STATE"

if ! command -v redis-benchmark >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing redis-tools (redis-benchmark) with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-tools >/dev/null 2>&1 ||
      (apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-tools >/dev/null) ||
      say "could not install redis-tools; the Redis ceiling will be skipped"
  else
    say "redis-benchmark is missing (Debian: sudo apt-get install redis-tools); the Redis ceiling will be skipped"
  fi
fi

# Build with the reactor when the lead has listed the module, else the module alone (its parent is ../pom.xml).
if grep -q '<module>bench</module>' "$ROOT/pom.xml"; then
  mvn_bench() { (cd "$ROOT" && mvn -B -q -pl bench "$@"); }
else
  mvn_bench() { (cd "$ROOT" && mvn -B -q -f bench/pom.xml "$@"); }
fi

classes="$MODULE/target/classes"
stamp="$classes/.built"
if [[ ! -f "$stamp" || "$MODULE/pom.xml" -nt "$stamp" || "$ROOT/pom.xml" -nt "$stamp" ||
  -n $(find "$MODULE/src/main" -newer "$stamp" -type f -print -quit 2>/dev/null) ]]; then
  say "building bench/"
  mvn_bench -DskipTests compile >"$STATE/build.log" 2>&1 || { cat "$STATE/build.log" >&2; die "bench build failed"; }
  touch "$stamp"
fi

cp_file="$STATE/classpath"
if [[ ! -s "$cp_file" || "$MODULE/pom.xml" -nt "$cp_file" || "$ROOT/pom.xml" -nt "$cp_file" ]]; then
  say "resolving the bench classpath"
  mvn_bench dependency:build-classpath -Dmdep.outputFile="$cp_file" >"$STATE/classpath.log" 2>&1 ||
    { cat "$STATE/classpath.log" >&2; die "could not resolve the bench classpath"; }
fi

cd "$ROOT"
exec java -Xms512m -Xmx2g -XX:+UseParallelGC -Djdk.httpclient.keepalive.timeout=120 \
  -cp "$classes:$(cat "$cp_file")" dev.carrier.bench.Bench --root "$ROOT" "$@"
