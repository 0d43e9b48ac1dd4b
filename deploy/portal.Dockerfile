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
 && java -Djarmode=tools -jar /portal.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17-jre-noble
# The image already has curl (for the health check); it only needs a user that owns nothing.
RUN groupadd --system --gid 10001 portal \
 && useradd --system --uid 10001 --gid portal --home-dir /app --shell /usr/sbin/nologin portal
WORKDIR /app
# One layer per Spring Boot layer, least often changed first.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# Simulated-mode key sets are written here (PORTAL_KEYS_SIMULATED_DIR); mount a volume to share them. The server
# image's layer caches go to image-cache (PORTAL_IMAGES_CACHE_DIRECTORY): a volume there saves pulling the base image
# again after a restart.
RUN mkdir -p /var/lib/mcp-portal/keys /var/lib/mcp-portal/image-cache && chown -R portal:portal /var/lib/mcp-portal
USER portal

# Without PORTAL_ADMIN_PASSWORD the first start writes the admin's one-time password there (owner-only file).
ENV SERVER_PORT=8080 \
    PORTAL_KEYS_SIMULATED_DIR=/var/lib/mcp-portal/keys \
    PORTAL_ADMIN_PASSWORD_FILE=/var/lib/mcp-portal/initial-admin-password \
    PORTAL_IMAGES_CACHE_DIRECTORY=/var/lib/mcp-portal/image-cache
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS "http://localhost:${SERVER_PORT}/actuator/health/liveness" || exit 1
# Heap from the container's memory limit; an OutOfMemoryError ends the process so the orchestrator restarts it.
# More flags: JAVA_TOOL_OPTIONS (the JVM notes it once on stderr). Exec form: java is PID 1 and gets SIGTERM.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
            "org.springframework.boot.loader.launch.JarLauncher"]
