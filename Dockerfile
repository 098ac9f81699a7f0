# syntax=docker/dockerfile:1
# One image recipe for the four Carrier services. Build context is the repository root and the jar
# is built beforehand (scripts/images.sh does both steps):
#   mvn -DskipTests package
#   docker build --build-arg SERVICE=chat-service --build-arg PORT=8082 -t carrier/chat-service:0.1.0 .
#   docker build --target gateway --build-arg SERVICE=gateway --build-arg PORT=8080 \
#     --build-arg HEALTH_PORT=9080 -t carrier/gateway:0.1.0 .
# The gateway's target adds the built web client; every other service uses the default target.
ARG VERSION=0.1.0
ARG SERVICE
ARG PORT
ARG HEALTH_PORT=${PORT}

# Split the Boot jar into layers (dependencies change rarely, application often) so a rebuild
# after a code change ships only the small application layer.
FROM eclipse-temurin:25.0.3_9-jre-noble AS layers
ARG VERSION
ARG SERVICE
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-${VERSION}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:25.0.3_9-jre-noble AS service
ARG PORT
ARG HEALTH_PORT
# A fixed numeric uid lets Kubernetes' runAsNonRoot verify the user without reading /etc/passwd.
RUN groupadd --system --gid 10001 carrier \
 && useradd --system --uid 10001 --gid carrier --home-dir /app --shell /usr/sbin/nologin carrier
# The JRE image has no curl or wget: bash's /dev/tcp is enough for one local HTTP GET.
COPY --chmod=755 <<'SCRIPT' /usr/local/bin/carrier-healthcheck
#!/bin/bash
# Usage: carrier-healthcheck [path]  -- exits 0 when the actuator answers 200 on CARRIER_HEALTH_PORT.
path="${1:-/actuator/health/readiness}"
exec 3<>"/dev/tcp/127.0.0.1/${CARRIER_HEALTH_PORT:?}" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3 || exit 1
[[ "$status" == *" 200 "* ]]
SCRIPT
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# The health check asks the actuator: the service's own port, or the gateway's management port.
ENV SERVER_ADDRESS=0.0.0.0 \
    CARRIER_HEALTH_PORT=${HEALTH_PORT}
USER 10001:10001
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 CMD ["carrier-healthcheck"]
# Heap follows the container's memory limit; an OutOfMemoryError ends the process so the
# orchestrator restarts it instead of leaving a half-dead JVM. Add flags with JDK_JAVA_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]

# The gateway also serves the built web client (npm run build) from the file system, so the
# frontend can be rebuilt without touching the jar; its actuator is on the management port.
FROM service AS gateway
COPY frontend/dist/ /app/static/
ENV CARRIER_GATEWAY_MANAGEMENT_PORT=9080 \
    CARRIER_GATEWAY_PORT=8080 \
    SPRING_WEB_RESOURCES_STATIC_LOCATIONS=file:/app/static/

# Without --target, the image is a plain service.
FROM service
