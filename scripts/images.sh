#!/usr/bin/env bash
# Builds the four Carrier images, tagged carrier/<service>:<project version from pom.xml>.
# The Dockerfiles copy prebuilt artifacts (build context: the repository root), so this script
# first builds what is missing: the Boot jars (mvn -DskipTests package) and frontend/dist.
#   scripts/images.sh            build what is missing, then the images
#   scripts/images.sh --rebuild  always rebuild jars and frontend first
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SERVICES=(gateway auth-service chat-service persistence-service)
REBUILD=false
[[ "${1:-}" == "--rebuild" ]] && REBUILD=true

say() { printf '\033[1m[images]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[images] %s\033[0m\n' "$*" >&2; exit 1; }

command -v docker >/dev/null || die "No docker CLI on PATH. Install Docker (engine and CLI) to build images."
if ! docker info >/dev/null 2>&1; then
  die "No Docker engine is reachable (docker info failed${DOCKER_HOST:+ for DOCKER_HOST=$DOCKER_HOST}).
         Start the Docker daemon, or point DOCKER_HOST at one, and run this again.
         Without an engine, use ./carrier up to run Carrier as local processes."
fi

# The project version: the first <version> after the root pom's own <artifactId>carrier</artifactId>.
VERSION=$(sed -n '/<artifactId>carrier<\/artifactId>/,/<\/version>/ s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n1)
[[ -n "$VERSION" ]] || die "Could not read the project version from $ROOT/pom.xml."
say "Carrier version $VERSION"

missing_jar=false
for s in "${SERVICES[@]}"; do
  [[ -f "$ROOT/$s/target/$s-$VERSION.jar" ]] || missing_jar=true
done
if $REBUILD || $missing_jar; then
  say "Building the service jars (mvn -DskipTests package)"
  # Java 21 bytecode; prefer a JDK 25 if the machine has one, as the rest of the project does.
  if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  fi
  (cd "$ROOT" && mvn -q -DskipTests package -pl "$(IFS=,; echo "${SERVICES[*]}")" -am)
fi

if $REBUILD || [[ ! -f "$ROOT/frontend/dist/index.html" ]]; then
  command -v npm >/dev/null || die "npm is needed to build frontend/dist (apt-get install nodejs npm)."
  say "Building the web client (npm ci && npm run build)"
  (cd "$ROOT/frontend" && npm ci --no-audit --no-fund && npm run build)
fi

# One Dockerfile for all four: the service, its port and (for the gateway) the target that adds
# the web client and the management port the health check asks.
declare -A PORT=([gateway]=8080 [auth-service]=8081 [chat-service]=8082 [persistence-service]=8083)
for s in "${SERVICES[@]}"; do
  say "docker build carrier/$s:$VERSION"
  target=service health=${PORT[$s]}
  [[ $s == gateway ]] && target=gateway health=9080
  DOCKER_BUILDKIT=1 docker build \
    --file "$ROOT/Dockerfile" \
    --target "$target" \
    --build-arg "VERSION=$VERSION" \
    --build-arg "SERVICE=$s" \
    --build-arg "PORT=${PORT[$s]}" \
    --build-arg "HEALTH_PORT=$health" \
    --tag "carrier/$s:$VERSION" \
    "$ROOT"
done

say "Built: $(printf 'carrier/%s:'"$VERSION"' ' "${SERVICES[@]}")"
say "Run them with: docker compose up   (k8s: kubectl apply -k k8s/overlays/dev)"
