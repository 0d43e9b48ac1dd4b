#!/usr/bin/env bash
# Benchmarks the MCP server against its peer (the same tool list on the official MCP TypeScript SDK, bench/peer/)
# in interleaved runs on this machine: cold start to the first initialize + tools/list (with server CPU), idle RSS,
# the same cold start under a 25 % CPU quota (Fargate's 0.25 vCPU), tools/list throughput and CPU per call, RSS
# after load, and the JVM's and Node's floors. Results go to stdout (and target/bench/results.txt); copy them into
# ../BENCHMARKS.md with the date and the load.
#
#   mcp-server/bench/run.sh [--runs 7] [--rounds 3] [--seconds 10] [--connections 32] [--tts-runs 1]
#                      [--sections coldstart,quota,throughput,tts]
#
# Needs a JDK 17 (the build, the load generator), a JDK 25 (J25, default: /usr/lib/jvm/temurin-25*; the images'
# Java), Node 20+ and npm (the peer). The CPU quota needs root and a cgroup file system (v1 cpu controller or v2
# cpu.max); without them that section is skipped with one line.
set -euo pipefail
cd "$(dirname "$0")/.."                       # mcp-server/
MVNW=../mvnw
B=target/bench
J17=${J17:-$(command -v java)}
J25=${J25:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}
[ -x "$J25" ] || { echo "no JDK 25: set J25=/path/to/jdk-25/bin/java" >&2; exit 1; }
mkdir -p $B

# The server (fat jar for the Dockerfile, thin jar + libs for the published image) and the fake ElevenLabs' classpath.
$MVNW -q -f ../pom.xml -pl mcp-server package -DskipTests
$MVNW -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$B/classpath.txt >/dev/null
# The peer, as pinned in its package-lock.json; the harness and the JVM's floor.
npm ci --prefix bench/peer --no-audit --no-fund --silent
cp target/mcp-server.jar $B/mcp-server.jar
javac --release 17 -d $B/classes bench/LoadGen.java bench/Compare.java bench/Floor.java

# The JVM flags of deploy/mcp-server.Dockerfile and of the image the portal publishes (ServerImageLayout.JVM_FLAGS);
# MaxRAM makes the JVM size itself as in a 0.5 GB task.
FLAGS="-XX:+UseSerialGC -XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xmn24m -XX:SurvivorRatio=2 -XX:TieredStopAtLevel=1 -Xss512k -XX:-UsePerfData -XX:SweeperThreshold=50 -XX:+ExitOnOutOfMemoryError"
# The Dockerfile's flags before SweeperThreshold=50 (2026-12-08), for the RSS after load.
SWEEP15_FLAGS="${FLAGS/ -XX:SweeperThreshold=50/}"
# A copy: a build during the run must not change the jar under the AOT cache (the JVM would silently ignore it).
JAR=$B/mcp-server.jar

# Start-up archives from training runs (--warmup), as the Dockerfile makes them: the AOT cache on Java 25 (without
# training data: with C1 only, nothing uses the profiles), and for comparison an AppCDS archive on Java 17.
rm -f $B/*.aot $B/*.jsa
$J25 $FLAGS -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput=$B/docker.aot -jar $JAR --warmup >/dev/null 2>&1
$J17 $FLAGS -XX:ArchiveClassesAtExit=$B/app17.jsa -jar $JAR --warmup >/dev/null 2>&1
# The published image's layout: /app/mcp-server.jar with its libs/, files dated 1970-01-01T00:00:01Z as Jib writes
# them, on the Temurin 25 JRE, with no start-up archive (Jib never runs the image, so there is no training run).
image() { rm -rf $1 && mkdir -p $1 && cp -r $2/mcp-server.jar $2/libs $1/ && find $1 -type f -exec touch -d @1 {} +; }
image $B/image/app target/server-image

# Before: the server as it was before the start-up work (BASELINE, a commit), with that commit's Dockerfile
# configuration (Java 17, its flags, an AppCDS archive) and its published image's (Java 25, the same flags, no archive).
BASELINE=${BASELINE:-d212575}
OLD_FLAGS="-XX:+UseSerialGC -XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xmn24m -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError"
rm -rf $B/baseline && mkdir -p $B/baseline/src
git -C .. archive "$BASELINE" | tar -x -C $B/baseline/src
(cd $B/baseline/src && ./mvnw -q -pl mcp-server package -DskipTests)
cp $B/baseline/src/mcp-server/target/mcp-server.jar $B/baseline/mcp-server.jar
image $B/baseline/image/app $B/baseline/src/mcp-server/target/server-image
$J17 $OLD_FLAGS -XX:ArchiveClassesAtExit=$B/before17.jsa -jar $B/baseline/mcp-server.jar --warmup >/dev/null 2>&1

# label, kind (full: every section; load: cold start and tools/list throughput; start: cold start only; health: a
# floor that only answers GET /health), command. Compare.java runs them interleaved.
cat > $B/targets.txt <<EOF
dockerfile full $J25 $FLAGS -XX:AOTCache=$B/docker.aot -jar $JAR
dockerfile-sweep15 full $J25 $SWEEP15_FLAGS -XX:AOTCache=$B/docker.aot -jar $JAR
dockerfile-cts10 load $J25 $FLAGS -XX:CompileThresholdScaling=10 -XX:AOTCache=$B/docker.aot -jar $JAR
published load $J25 $FLAGS -jar $B/image/app/mcp-server.jar
appcds-17 start $J17 $FLAGS -XX:SharedArchiveFile=$B/app17.jsa -jar $JAR
before-dockerfile full $J17 $OLD_FLAGS -XX:SharedArchiveFile=$B/before17.jsa -jar $B/baseline/mcp-server.jar
before-published start $J25 $OLD_FLAGS -jar $B/baseline/image/app/mcp-server.jar
peer load node bench/peer/server.mjs
floor-java25 health $J25 $FLAGS -cp $B/classes Floor
floor-java17 health $J17 $FLAGS -cp $B/classes Floor
floor-node health node bench/peer/floor.mjs
EOF

# A CPU quota of 25 % of one core (100 ms period), as Fargate gives a 0.25 vCPU task: cgroup v1's cpu controller,
# or cgroup v2's cpu.max. The servers run in it one at a time; the load generator stays outside.
QUOTA=()
CG=""
if [ "$(id -u)" -eq 0 ]; then
  if [ -f /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]; then
    CG=/sys/fs/cgroup/cpu/mcp-bench-$$
    mkdir -p $CG && echo 100000 > $CG/cpu.cfs_period_us && echo 25000 > $CG/cpu.cfs_quota_us || CG=""
  elif [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers; then
    CG=/sys/fs/cgroup/mcp-bench-$$
    (echo +cpu > /sys/fs/cgroup/cgroup.subtree_control) 2>/dev/null || true
    mkdir -p $CG && echo "25000 100000" > $CG/cpu.max || CG=""
  fi
fi
if [ -n "$CG" ]; then
  QUOTA=(--quota-cgroup "$CG")
  echo "CPU quota: 25 % in $CG"
else
  echo "CPU quota: not available (needs root and a cgroup cpu controller): the quota section is skipped;" \
       "expect at least 4x each server's CPU time to first answer on 0.25 vCPU"
fi

# The fake ElevenLabs API (WireMock, no request journal) on a free port.
java -cp "target/test-classes:$(cat $B/classpath.txt)" \
    com.mcpportal.mcpserver.testsupport.FakeElevenLabs 0 > $B/fake-elevenlabs.out 2>&1 &
FAKE_PID=$!
cleanup() {
  kill $FAKE_PID 2>/dev/null || true
  [ -n "$CG" ] && rmdir "$CG" 2>/dev/null || true
}
trap cleanup EXIT
FAKE_URL=""
for _ in $(seq 1 300); do
  FAKE_URL=$(grep -m1 -o 'http://127.0.0.1:[0-9]*' $B/fake-elevenlabs.out || true)
  [ -n "$FAKE_URL" ] && break
  sleep 0.1
done
[ -n "$FAKE_URL" ] || { echo "fake ElevenLabs did not start" >&2; exit 1; }

# The tool list the Java server answers, for the peer to serve.
java -cp $B/classes Compare --targets $B/targets.txt --fake "$FAKE_URL" --export-tools $B/tools.json
java -cp $B/classes Compare --targets $B/targets.txt --fake "$FAKE_URL" --tools $B/tools.json ${QUOTA[@]+"${QUOTA[@]}"} "$@" \
    | tee $B/results.txt
