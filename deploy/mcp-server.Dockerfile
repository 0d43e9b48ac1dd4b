# syntax=docker/dockerfile:1
#
# The ElevenLabs MCP server, for a 0.25 vCPU / 0.5 GB Fargate task (linux/arm64 or linux/amd64).
# Build from the repository root:
#
#   docker build -f deploy/mcp-server.Dockerfile -t mcp-server .
#   docker buildx build --platform linux/arm64,linux/amd64 -f deploy/mcp-server.Dockerfile -t REPO/mcp-server --push .
#
# Configuration is environment variables only (see mcp-server/README.md).

# ---- build: the jar is platform-independent, so it is built once on the builder's own platform.
FROM --platform=$BUILDPLATFORM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
# The reactor needs every module's POM, even when building only mcp-server.
COPY portal/pom.xml portal/pom.xml
COPY mcp-server/pom.xml mcp-server/pom.xml
COPY mcp-server/src/main mcp-server/src/main
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl mcp-server package -DskipTests \
    && cp mcp-server/target/mcp-server.jar /mcp-server.jar

# ---- run: JRE only, non-root. Java 25 for its AOT cache (JEP 483): classes loaded and linked ahead of time, about
# 120 ms less CPU to the first answer than an AppCDS archive on Java 17 (mcp-server/BENCHMARKS.md). The jar is Java 17
# bytecode and runs unchanged.
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 mcp \
    && useradd --system --uid 10001 --gid mcp --home-dir /app --shell /usr/sbin/nologin mcp
WORKDIR /app
COPY --from=build /mcp-server.jar /app/mcp-server.jar

# Sized for 512 MB: heap up to 75 % of the task's memory, returned to the OS when idle (free ratios); one serial GC
# thread; a 24 MB young generation whose survivor spaces (6 MB each) hold the requests in flight under load, so they
# die young instead of filling the old generation; C1 only (C2 spends the 0.25 vCPU compiling during start-up); small
# stacks; no perf-data file in /tmp; no full collection each time 7 MB of new compiled code piles up (SweeperThreshold
# 15 -> 50 % of the 48 MB code cache: this C1-only server compiles about 12 MB in all). On Java 25 such a collection
# moves every young object into the old generation, and the JDK HTTP client's finished exchanges then keep each next
# one alive there: 0.5-1 MB more heap per young collection until the next full one (RSS after 10,000 text-to-speech
# calls 136-170 MB instead of 128-137 MB). Not -XX:CompileThresholdScaling=10 (C1 compiling a tenth as eagerly): with the
# AOT cache it saves 80 ms of start-up CPU but no time at 25 % CPU, and the first seconds under load cost 1.3-3x the
# CPU per call.
# mcp-server/BENCHMARKS.md has the measurements behind each flag; the portal's published image uses the same ones.
ENV JVM_FLAGS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xmn24m -XX:SurvivorRatio=2 -XX:TieredStopAtLevel=1 -Xss512k -XX:-UsePerfData -XX:SweeperThreshold=50 -XX:+ExitOnOutOfMemoryError"

# The AOT cache, from a training run with this image's own JVM: start, serve health/initialize/tools/list/errors on
# loopback, exit. MaxRAM as in a 0.5 GB task, so the cache's compressed-pointer mode is the task's (a cache made
# with a heap sized for the build machine's memory would be ignored). No training data (-AOTRecordTraining): the
# profiles are for C2, which this server does not run, and would cost 6 MB of memory. The second run proves the JVM
# accepts the cache with these flags (AOTMode=on fails otherwise; at run time a rejected cache is silently ignored).
RUN java $JVM_FLAGS -XX:MaxRAM=512m -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining \
        -XX:AOTCacheOutput=/app/mcp-server.aot -jar /app/mcp-server.jar --warmup \
    && java $JVM_FLAGS -XX:MaxRAM=512m -XX:AOTCache=/app/mcp-server.aot -XX:AOTMode=on -jar /app/mcp-server.jar --warmup \
    && chmod 444 /app/mcp-server.jar /app/mcp-server.aot

USER 10001:10001
ENV PORT=8080
EXPOSE 8080

# bash's /dev/tcp instead of curl (not in the JRE image) or a second JVM (too heavy every 30 s).
# The ECS task definition should use the same command for its container health check.
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# exec: java is PID 1 and gets ECS's SIGTERM directly (graceful shutdown, up to 10 s).
ENTRYPOINT ["bash", "-c", "exec java $JVM_FLAGS -XX:AOTCache=/app/mcp-server.aot -jar /app/mcp-server.jar \"$@\"", "mcp-server"]
