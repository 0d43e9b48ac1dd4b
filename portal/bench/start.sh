#!/usr/bin/env bash
# Starts the packaged portal N times on its embedded PostgreSQL and measures each start: wall time from launching
# java to /actuator/health answering UP, the CPU the JVM spent until then (user + system, its reaped children
# included: initdb, pg_ctl), the CPU of the PostgreSQL processes until then, and the JVM's RSS after an idle pause.
# Prints one line per run and the medians. See portal/BENCHMARKS.md, "Start-up".
#
#   portal/bench/start.sh [--runs 5] [--mode fresh|restart] [--idle 10] [--jar portal/target/portal-*.jar]
#                         [--java java] [--jvm "flags"] [--label text] [--extracted DIR] [--data DIR]
#
# fresh:   every run in a new data directory (initdb, 72 migrations: a first start, or a CI/test start)
# restart: one priming start first, then every run on the same data directory (the portal after an upgrade);
#          --data DIR keeps that directory (and skips the priming start when it already holds a portal's data)
set -euo pipefail

RUNS=5 MODE=restart IDLE=10 JAVA=${JAVA:-java} JVM="" LABEL="" EXTRACTED="" DATA=""
JAR=$(ls "$(dirname "$0")"/../target/portal-*.jar 2>/dev/null | head -1 || true)
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --mode) MODE=$2; shift 2 ;;
    --idle) IDLE=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    --java) JAVA=$2; shift 2 ;;
    --jvm) JVM=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    --extracted) EXTRACTED=$2; shift 2 ;;   # a `-Djarmode=tools extract` directory: run its portal-*.jar instead
    --data) DATA=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n $EXTRACTED ]] && JAR=$(ls "$EXTRACTED"/*.jar | head -1)
[[ -f $JAR ]] || { echo "no portal jar (build it: ./mvnw -pl portal package -DskipTests)" >&2; exit 2; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 2; }
JAR=$(realpath "$JAR")
HZ=$(getconf CLK_TCK)
WORK=$(mktemp -d /tmp/portal-start-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
# utime+stime(+cutime+cstime) of one process, in ms
cpu_ms() { awk -v hz="$HZ" -v kids="$2" '{ t=$14+$15; if (kids) t+=$16+$17; print int(t*1000/hz) }' "/proc/$1/stat" 2>/dev/null || echo 0; }
postgres_cpu_ms() { # every postgres process serving this data directory (postmaster and its children)
  local dir=$1 total=0 pm
  pm=$(head -1 "$dir/postmaster.pid" 2>/dev/null || true)
  [[ -n $pm ]] || { echo 0; return; }
  for p in $pm $(pgrep -P "$pm" || true); do total=$((total + $(cpu_ms "$p" 1))); done
  echo $total
}

thread_cpu() { # the JVM's CPU by thread (numbers stripped from names: "C2 CompilerThread0" -> "C2 CompilerThread")
  local t
  for t in /proc/$1/task/*; do
    awk -v hz="$HZ" '{ name=$0; sub(/^[0-9]+ \(/, "", name); sub(/\) .*/, "", name); sub(/[0-9#-]+$/, "", name)
      sub(/^.*\) /, ""); split($0, f, " "); print int((f[12]+f[13])*1000/hz) "\t" name }' "$t/stat" 2>/dev/null
  done | awk -F'\t' '{ a[$2]+=$1 } END { for (k in a) if (a[k] >= 100) printf "%s %.1f s, ", k, a[k]/1000 }' \
    | tr -s ' ' | sed 's/, $//'
}

start_once() { # $1 = working directory; prints "wall_ms jvm_cpu_ms pg_cpu_ms rss_mb threads..."
  local wd=$1 port t0 t1 pid rss jcpu pcpu
  port=$(free_port)
  mkdir -p "$wd"
  t0=$(now_ms)
  (cd "$wd" && exec env PORTAL_EMBEDDED_POSTGRES_PORT=0 SERVER_PORT="$port" PORTAL_ADMIN_PASSWORD=bench-admin-password \
      "$JAVA" $JVM -jar "$JAR" >"$wd/portal.out" 2>&1) &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "portal exited; tail of its output:" >&2; tail -30 "$wd/portal.out" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(now_ms)
  jcpu=$(cpu_ms $pid 1)
  pcpu=$(postgres_cpu_ms "$wd/data/postgres")
  threads=$(thread_cpu $pid)
  sleep "$IDLE"
  rss=$(awk '/VmRSS/ { print int($2/1024) }' /proc/$pid/status)
  kill -TERM $pid; wait $pid 2>/dev/null || true
  echo "$((t1 - t0)) $jcpu $pcpu $rss $threads"
}

median() { sort -n | awk '{ a[NR]=$1 } END { print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)) }'; }

echo "# $(date -u +%FT%TZ) mode=$MODE runs=$RUNS idle=${IDLE}s java=$("$JAVA" -version 2>&1 | head -1) jvm='$JVM' $LABEL"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
RUNDIR="$WORK/run"
if [[ -n $DATA ]]; then mkdir -p "$DATA"; RUNDIR=$(realpath "$DATA"); fi
if [[ $MODE == restart && ! -f $RUNDIR/data/postgres/PG_VERSION ]]; then start_once "$RUNDIR" >/dev/null; fi
: >"$WORK/results"
for i in $(seq 1 "$RUNS"); do
  if [[ $MODE == fresh ]]; then wd="$WORK/run$i"; else wd="$RUNDIR"; fi
  r=$(start_once "$wd")
  echo "$r" >>"$WORK/results"
  read -r w j p m threads <<<"$r"
  printf 'run %d: ready %d ms, JVM CPU %d ms, PostgreSQL CPU %d ms, RSS after %ss idle %d MB\n  JVM CPU by thread until ready: %s\n' \
    "$i" "$w" "$j" "$p" "$IDLE" "$m" "$threads"
  [[ $MODE == fresh ]] && rm -rf "$wd"
done
printf 'median: ready %d ms (min %d, max %d), JVM CPU %d ms, PostgreSQL CPU %d ms, RSS %d MB  [load average after: %s]\n' \
  "$(cut -d' ' -f1 "$WORK/results" | median)" "$(cut -d' ' -f1 "$WORK/results" | sort -n | head -1)" \
  "$(cut -d' ' -f1 "$WORK/results" | sort -n | tail -1)" "$(cut -d' ' -f2 "$WORK/results" | median)" \
  "$(cut -d' ' -f3 "$WORK/results" | median)" "$(cut -d' ' -f4 "$WORK/results" | median)" "$(cut -d' ' -f1-3 /proc/loadavg)"
