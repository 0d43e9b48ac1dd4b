# The MCP portal: build with the Maven wrapper on a JDK, run on a JRE as a non-root user.
#   docker build -f deploy/portal.Dockerfile -t mcp-portal .        (from the repository root)
# Needs an external PostgreSQL 14+ (SPRING_DATASOURCE_URL): with it set the portal starts no embedded database.
# See deploy/README.md for every setting.

FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /src
# Poms first: the dependency download stays cached until a pom changes.
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
COPY portal/pom.xml portal/
COPY mcp-server/pom.xml mcp-server/
RUN ./mvnw -q -B -pl mcp-server,portal dependency:go-offline
COPY db db
# The portal carries the MCP server it publishes (built first, into mcp-server/target/server-image). Without .git
# in the build context its image's revision label says "unknown".
COPY mcp-server/src/main mcp-server/src/main
COPY portal/src portal/src
RUN ./mvnw -q -B -pl mcp-server,portal package -DskipTests \
 && cp portal/target/portal-*.jar /portal.jar \
 && java -Djarmode=tools -jar /portal.jar extract --layers --destination /extracted

# Java 25 for its AOT cache (JEP 483/514, below); the jar is Java 17 bytecode and runs unchanged.
FROM eclipse-temurin:25-jre-noble
# The image already has curl (for the health check); it only needs a user that owns nothing.
RUN groupadd --system --gid 10001 portal \
 && useradd --system --uid 10001 --gid portal --home-dir /app --shell /usr/sbin/nologin portal
WORKDIR /app
# One layer per Spring Boot layer, least often changed first. Extracted without the launcher: /app/portal.jar with
# its libraries in /app/lib, a plain class path an AOT cache can hold (classes in nested jars it cannot).
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# Simulated-mode key sets are written here (PORTAL_KEYS_SIMULATED_DIR); mount a volume to share them. The server
# image's layer caches go to image-cache (PORTAL_IMAGES_CACHE_DIRECTORY): a volume there saves pulling the base image
# again after a restart.
RUN mkdir -p /var/lib/mcp-portal/keys /var/lib/mcp-portal/image-cache && chown -R portal:portal /var/lib/mcp-portal

# Serial GC (one admin web app, a few requests at a time; G1's threads and remembered sets cost memory), heap up to
# 75 % of the container's memory and given back when idle (free ratios), C1 only (C2 spent as much CPU compiling
# during start-up as the start itself; C1 code is fast enough for a portal's requests), small thread stacks, no
# perf-data file.
# portal/BENCHMARKS.md ("Start-up") has the measurements behind each flag. More flags: JAVA_TOOL_OPTIONS.
ENV JVM_FLAGS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1 -Xss512k -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError"

# The AOT cache: classes loaded and linked (and method profiles) from a training run with this image's JVM and class
# path. The run starts the portal on a throw-away embedded PostgreSQL (as the unprivileged user: PostgreSQL refuses
# root), migrates it, builds the whole context and exits before it starts serving (spring.context.exit=onRefresh).
# MaxRAM=1g as in a 1 GB container (a cache made for the build machine's heap could be ignored at run time; the
# portal then starts as without it, -Xlog:aot says why). Where no embedded PostgreSQL runs (its
# binaries are for linux/amd64 only) the image is built without the cache and says so.
USER portal
RUN mkdir /tmp/aot-training && cd /tmp/aot-training \
 && if PORTAL_EMBEDDED_POSTGRES_EPHEMERAL=true PORTAL_ADMIN_PASSWORD_FILE=/tmp/aot-training/admin-password \
        PORTAL_KEYS_SIMULATED_DIR=/tmp/aot-training/keys PORTAL_IMAGES_CACHE_DIRECTORY=/tmp/aot-training/cache \
        java $JVM_FLAGS -XX:MaxRAM=1g -XX:AOTCacheOutput=/tmp/portal.aot -Dspring.context.exit=onRefresh \
             -jar /app/portal.jar >/tmp/aot-training/output.txt 2>&1; \
    then echo "AOT cache written"; else tail -20 /tmp/aot-training/output.txt; echo "no AOT cache: the training run failed"; fi \
 && cd / && rm -rf /tmp/aot-training /tmp/embedded-pg
USER root
RUN if [ -f /tmp/portal.aot ]; then mv /tmp/portal.aot /app/portal.aot && chmod 444 /app/portal.aot; fi
USER portal

# Without PORTAL_ADMIN_PASSWORD the first start writes the admin's one-time password there (owner-only file).
ENV SERVER_PORT=8080 \
    PORTAL_KEYS_SIMULATED_DIR=/var/lib/mcp-portal/keys \
    PORTAL_ADMIN_PASSWORD_FILE=/var/lib/mcp-portal/initial-admin-password \
    PORTAL_IMAGES_CACHE_DIRECTORY=/var/lib/mcp-portal/image-cache
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS "http://localhost:${SERVER_PORT}/actuator/health/liveness" || exit 1
# An OutOfMemoryError ends the process so the orchestrator restarts it. exec: java is PID 1 and gets SIGTERM.
ENTRYPOINT ["bash", "-c", "exec java $JVM_FLAGS $([ -f /app/portal.aot ] && echo -XX:AOTCache=/app/portal.aot) -jar /app/portal.jar \"$@\"", "portal"]
