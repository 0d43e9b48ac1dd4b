#!/usr/bin/env bash
# Benchmarks the MCP server: cold start, RSS under load, tools/list throughput, text_to_speech
# added latency. Results go to stdout; copy them into ../BENCHMARKS.md with the date and load.
#
#   mcp-server/bench/run.sh [extra LoadGen options, e.g. --seconds 20 --connections 64]
#
# Needs only a JDK 17 (the same one the Docker image uses, for the CDS archive to be valid).
set -euo pipefail
cd "$(dirname "$0")/.."                       # mcp-server/
MVNW=../mvnw

# The server jar, and the test classpath for the fake ElevenLabs API.
$MVNW -q -f ../pom.xml -pl mcp-server package -DskipTests
$MVNW -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null

# Same JVM flags as deploy/mcp-server.Dockerfile; MaxRAM makes the JVM size itself for a 0.5 GB task.
JVM="-XX:+UseSerialGC -XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xmn24m -XX:TieredStopAtLevel=1 -Xss512k"

# AppCDS archive from a training run, as the Dockerfile builds it.
rm -f target/app.jsa
java $JVM -XX:ArchiveClassesAtExit=target/app.jsa -jar target/mcp-server.jar --warmup >/dev/null 2>&1

# The fake ElevenLabs API (WireMock, no request journal) on a free port.
java -cp "target/test-classes:$(cat target/bench-classpath.txt)" \
    com.mcpportal.mcpserver.testsupport.FakeElevenLabs 0 > target/fake-elevenlabs.out 2>&1 &
FAKE_PID=$!
trap 'kill $FAKE_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  FAKE_URL=$(grep -m1 -o 'http://127.0.0.1:[0-9]*' target/fake-elevenlabs.out || true)
  [ -n "$FAKE_URL" ] && break
  sleep 0.1
done
[ -n "$FAKE_URL" ] || { echo "fake ElevenLabs did not start" >&2; exit 1; }

java bench/LoadGen.java all --jar target/mcp-server.jar --fake "$FAKE_URL" --cds target/app.jsa --jvm "$JVM" "$@"
