#!/usr/bin/env bash
# bench/run.sh — fetchbox against curl, aria2c, wget2 and xargs+curl on four workloads
# served from 127.0.0.1, then fetchbox's memory and start-up (M1, M2, M3, S1). Prints two
# Markdown tables and writes them to bench/results/latest.md. See bench/README.md.
# Knobs (environment):
#   BENCH_RUNS=3        counted runs per tool and workload (after one warm-up); runs of M1 and M2
#   BENCH_QUICK=1       smoke test: W1 500 files, W2 4 x 8 MiB, W3 100 files, W4 2,000 URLs, 1 run, no warm-up;
#                       M2 128 MiB, M3 10,000 lines, S1 2 launches
#   BENCH_ONLY=W1       workloads to run (comma list of W1, W2, W3, W4, M; M means M1,M2,M3,S1,
#                       which can also be chosen one by one)
#   BENCH_TOOLS=fetchbox-service,curl   tools to run (fetchbox-service, fetchbox-once, curl,
#                       aria2c, wget2, xargs-curl; "fetchbox" means both fetchbox rows; not run
#                       unless named: fetchbox-typed, the service with fetchbox.accept-types=*/*,
#                       which checks every body's first bytes: what the type check costs)
#   BENCH_W4_RUNS=1     counted runs per tool on W4 (no warm-up but the service's, which is its first list)
#   BENCH_KEEP=1        keep the temporary folder (data, lists, logs) instead of removing it
#   BENCH_TIMEOUT=900   seconds one run may take before it is stopped and counted FAILED
#   BENCH_OUT=FILE      where the table goes (default bench/results/latest.md)
#   FETCHBOX_JAR=FILE   the jar to measure (default target/fetchbox.jar, built when missing)
set -uo pipefail # not -e: a tool that fails is a result, not a reason to stop
export LC_ALL=C
umask 022

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
REPORT="python3 $BENCH_DIR/report.py"
CONC=16
ALL_TOOLS=fetchbox-service,fetchbox-once,curl,aria2c,wget2,xargs-curl
# the rows a run may have, in table order; those not in ALL_TOOLS only when BENCH_TOOLS names them
KNOWN_TOOLS=fetchbox-service,fetchbox-typed,fetchbox-once,curl,aria2c,wget2,xargs-curl

QUICK=${BENCH_QUICK:-0}
if [[ $QUICK == 1 ]]; then
  W1_N=500 W2_N=4 W2_MIB=8 W3_N=100 W4_N=2000 RUNS=${BENCH_RUNS:-1} WARMUP=0 WRK_SECONDS=2
  M2_MIB=128 M3_DISTINCT=1000 S1_N=2
else
  W1_N=10000 W2_N=32 W2_MIB=32 W3_N=2000 W4_N=20000 RUNS=${BENCH_RUNS:-3} WARMUP=1 WRK_SECONDS=5
  M2_MIB=1024 M3_DISTINCT=100000 S1_N=5
fi
W4_HOSTS=40 W4_PER_HOST=6 # W4 runs fetchbox with its default per-host cap (6), as a crawl would
W4_RUNS=${BENCH_W4_RUNS:-1} # counted W4 runs per tool (about 140 s each at full size)
DEFAULT_ONLY=W1,W2,W3,W4,M
ONLY=${BENCH_ONLY:-$DEFAULT_ONLY}
TOOLS=,${BENCH_TOOLS:-$ALL_TOOLS},
TOOLS=${TOOLS//,fetchbox,/,fetchbox-service,fetchbox-once,} # "fetchbox" means both rows
TOOLS=${TOOLS#,} TOOLS=${TOOLS%,}
RUN_TIMEOUT=${BENCH_TIMEOUT:-900}
OUT_MD=${BENCH_OUT:-$BENCH_DIR/results/latest.md}
JAR=${FETCHBOX_JAR:-$ROOT/target/fetchbox.jar}
FETCHBOX_ARGS=(--fetchbox.http-port=0 --fetchbox.concurrency=$CONC --fetchbox.per-host=$CONC)
# W1-W3 are one host, so fetchbox gets the peers' 16 connections to it; W4 keeps fetchbox's per-host default
W4_FETCHBOX_ARGS=(--fetchbox.http-port=0 --fetchbox.concurrency=$CONC)
SERVICE_EXTRA=() # arguments of one service row (fetchbox-typed) after FETCHBOX_ARGS
# fetchbox reads FETCHBOX_* environment variables as configuration: keep ours (FETCHBOX_JAR) and
# any others out of its environment, so that only the arguments above configure it
for v in ${!FETCHBOX_@}; do export -n "$v"; done

WORK= NGINX_PID_FILE= DELAY_PID= W4_PID= SERVICE_PID= NGINX_PORT= DELAY_PORT= RESULTS=
W4_PORTS=() PEER_RETRY=()
START_SECONDS=$SECONDS

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
wants() { [[ ",$2," == *",$1,"* ]]; } # wants ITEM COMMA-LIST
wants_m() { wants M "$ONLY" || wants "$1" "$ONLY"; } # wants_m M1: a row of the memory section
fact() { $REPORT fact --results "$RESULTS" "$@"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", b - a }'; }

# ------------------------------------------------------------------------------ set-up

ensure_tools() {
  local missing=()
  for t in nginx aria2c wget2 curl wrk; do command -v "$t" >/dev/null || missing+=("$t"); done
  [[ -x /usr/bin/time ]] || missing+=(time)
  if ((${#missing[@]})); then
    log "missing ${missing[*]}: installing from Debian's packages"
    apt-get update >&2 || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y nginx aria2 wget2 curl wrk time >&2 ||
      die "apt-get install failed"
  fi
  command -v java >/dev/null || die "java is not installed"
  command -v python3 >/dev/null || die "python3 is not installed"
}

ensure_jar() {
  if [[ ! -f $JAR ]]; then
    [[ -n ${FETCHBOX_JAR:-} ]] && die "FETCHBOX_JAR=$FETCHBOX_JAR does not exist"
    log "building fetchbox (mvn -q -DskipTests package)"
    (cd "$ROOT" && mvn -q -DskipTests package) >&2 || die "the build failed"
  fi
  JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
}

# make_files DIR PREFIX COUNT BYTES: COUNT files of random bytes, PREFIX-00000.bin ...
make_files() {
  mkdir -p "$1"
  head -c $(($3 * $4)) /dev/urandom | split -b "$4" -a 5 -d --additional-suffix=.bin - "$1/$2-"
  local n
  n=$(find "$1" -type f | wc -l)
  [[ $n == "$3" ]] || die "made $n files in $1, wanted $3"
}

# make_workload W COUNT BYTES BASE-URL DESCRIPTION (the main table lists W only when it runs:
# M1 makes W2's data even when W2 is not selected)
make_workload() {
  local w=$1 lw=${1,,}
  log "making $w: $2 files of $3 bytes"
  make_files "$WORK/data/$lw" "$lw" "$2" "$3"
  ls "$WORK/data/$lw" | sed "s|^|$4/$lw/|" >"$WORK/lists/$lw.txt"
  $REPORT sums --dir "$WORK/data/$lw" --out "$WORK/lists/$lw.sums.json" 2>/dev/null ||
    die "could not checksum $w"
  wants "$w" "$ONLY" && fact workload workload="$w" files="$2" bytes=$(($2 * $3)) desc="$5"
  return 0
}

start_nginx() {
  local d=$WORK/nginx
  mkdir -p "$d/tmp"
  NGINX_PORT=$($REPORT freeport)
  NGINX_PID_FILE=$d/nginx.pid
  cat >"$d/nginx.conf" <<EOF
worker_processes 2;
daemon on;
pid $NGINX_PID_FILE;
error_log $d/error.log warn;
events { worker_connections 1024; }
http {
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    keepalive_timeout 65s;
    client_body_temp_path $d/tmp/body;
    proxy_temp_path $d/tmp/proxy;
    fastcgi_temp_path $d/tmp/fastcgi;
    uwsgi_temp_path $d/tmp/uwsgi;
    scgi_temp_path $d/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/data;
        location /m3/ { return 200 "m3\n"; } # M3: any number of distinct URLs, no files
    }
}
EOF
  nginx -e "$d/error.log" -p "$d/" -c "$d/nginx.conf" || die "nginx did not start (see $d/error.log)"
  local i
  for ((i = 0; i < 100; i++)); do
    [[ -s $NGINX_PID_FILE ]] && curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break
    sleep 0.1
  done
  [[ -s $NGINX_PID_FILE ]] || die "nginx wrote no pid file"
  curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" || die "nginx does not answer on port $NGINX_PORT"
  log "nginx (pid $(cat "$NGINX_PID_FILE")) on 127.0.0.1:$NGINX_PORT"
}

stop_nginx() {
  [[ -n $NGINX_PID_FILE && -s $NGINX_PID_FILE ]] || return 0
  local pid i
  pid=$(cat "$NGINX_PID_FILE")
  kill -QUIT "$pid" 2>/dev/null
  for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null
  NGINX_PID_FILE=
}

start_delay_server() {
  local pf=$WORK/delay.port i
  python3 "$BENCH_DIR/delay_server.py" --root "$WORK/data" --delay 0.1 --port-file "$pf" \
    --max-seconds 14400 2>"$WORK/delay.log" &
  DELAY_PID=$!
  for ((i = 0; i < 100; i++)); do [[ -s $pf ]] && break; sleep 0.1; done
  [[ -s $pf ]] || die "the delay server did not start (see $WORK/delay.log)"
  DELAY_PORT=$(cat "$pf")
  log "delay server (pid $DELAY_PID) on 127.0.0.1:$DELAY_PORT, 100 ms per response"
}

# start_w4_server: W4's 40 hosts (bench/w4_server.py), one port each, in W4_PORTS
start_w4_server() {
  local pf=$WORK/w4.ports i
  python3 "$BENCH_DIR/w4_server.py" --root "$WORK/data/w4" --hosts "$W4_HOSTS" --ports-file "$pf" \
    --max-seconds 14400 2>"$WORK/w4.log" &
  W4_PID=$!
  for ((i = 0; i < 100; i++)); do [[ -s $pf ]] && break; sleep 0.1; done
  [[ -s $pf ]] || die "the W4 server did not start (see $WORK/w4.log)"
  mapfile -t W4_PORTS <"$pf"
  log "W4 server (pid $W4_PID) on ${#W4_PORTS[@]} ports of 127.0.0.1"
}

# make_w4: W4_N files of 4 KiB, the list over W4's hosts in turn, and the sums of the files that
# must arrive (all but the 1 % the server answers 404; the 0.5 % answered 503 first must arrive too)
make_w4() {
  log "making W4: $W4_N URLs over $W4_HOSTS hosts"
  make_files "$WORK/data/w4" w4 "$W4_N" 4096
  python3 - "$BENCH_DIR" "$WORK/data/w4" "$W4_N" "$WORK/lists/w4.txt" "${W4_PORTS[@]}" <<'PY'
import os, sys
sys.path.insert(0, sys.argv[1])
from w4_server import gone, host_of
folder, n, out, ports = sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:]
with open(out, "w") as f:
    for i in range(n):
        f.write(f"http://127.0.0.1:{ports[host_of(i, len(ports))]}/w4/w4-{i:05d}.bin\n")
        if gone(i):
            os.remove(os.path.join(folder, f"w4-{i:05d}.bin"))
PY
  $REPORT sums --dir "$WORK/data/w4" --out "$WORK/lists/w4.sums.json" 2>/dev/null || die "could not checksum W4"
  fact workload workload=W4 files="$W4_N" bytes=$((W4_N * 4096)) \
    desc="$W4_N URLs of 4 KiB over $W4_HOSTS hosts (bench/w4_server.py): 20-200 ms before each response, 1 % 404, 0.5 % 503 with Retry-After: 1 the first time"
}

# stop_pid PID SECONDS: SIGTERM, wait up to SECONDS, then SIGKILL; only PIDs this script started
stop_pid() {
  local pid=$1 i
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < $2 * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { log "pid $pid still alive after ${2}s: SIGKILL"; kill -KILL "$pid" 2>/dev/null; }
  wait "$pid" 2>/dev/null
}

cleanup() {
  stop_pid "$SERVICE_PID" 40
  stop_pid "$DELAY_PID" 5
  stop_pid "$W4_PID" 5
  stop_nginx
  if [[ -n $WORK && -d $WORK ]]; then
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  fi
}

# ------------------------------------------------------------------------------ one run

# cpusnap: machine-wide busy CPU and the benchmark's own servers' CPU, to tell other load apart
cpusnap() {
  local a=(cpusnap)
  [[ -n $NGINX_PID_FILE ]] && a+=(--nginx-pidfile "$NGINX_PID_FILE")
  [[ -n $DELAY_PID ]] && a+=(--pid "$DELAY_PID")
  [[ -n $W4_PID ]] && a+=(--pid "$W4_PID")
  [[ -n $SERVICE_PID ]] && a+=(--pid "$SERVICE_PID")
  $REPORT "${a[@]}"
}

# timed TIMEFILE LOGFILE CMD...: runs CMD under /usr/bin/time -v, bounded by RUN_TIMEOUT;
# sets LAST_SECONDS (wall clock), LAST_RC, and SNAP0/SNAP1 (cpusnap before and after)
timed() {
  local tf=$1 lf=$2 t0 t1
  shift 2
  SNAP0=$(cpusnap)
  t0=$EPOCHREALTIME
  timeout -k 10 "$RUN_TIMEOUT" /usr/bin/time -v -o "$tf" "$@" >"$lf" 2>&1
  LAST_RC=$?
  t1=$EPOCHREALTIME
  SNAP1=$(cpusnap)
  LAST_SECONDS=$(elapsed "$t0" "$t1")
}

# run_one W TOOL RUN WARMUP(0/1): one run of a peer tool or of fetchbox --once, verified
run_one() {
  local w=$1 lw=${1,,} tool=$2 run=$3 warm=$4
  local id=$lw-$tool-$run
  local d=$WORK/runs/$id list=$WORK/lists/$lw.txt tf=$WORK/logs/$id.time lf=$WORK/logs/$id.log
  local outdir=$d
  mkdir -p "$d"
  fact load workload="$w" tool="$tool" run="$run" load1="$(cut -d' ' -f1 /proc/loadavg)"
  case $tool in
    curl)
      local cfg=$WORK/runs/$id.curl.cfg
      while IFS= read -r url; do printf 'url = "%s"\noutput = "%s/%s"\n' "$url" "$d" "${url##*/}"; done \
        <"$list" >"$cfg"
      timed "$tf" "$lf" curl --parallel --parallel-max $CONC --parallel-immediate -s -S "${PEER_RETRY[@]}" -K "$cfg"
      ;;
    aria2c)
      timed "$tf" "$lf" aria2c -j $CONC -x 1 -i "$list" -d "$d" --allow-overwrite=true \
        --auto-file-renaming=false --console-log-level=error --summary-interval=0 --file-allocation=none
      ;;
    wget2)
      timed "$tf" "$lf" wget2 --max-threads=$CONC -i "$list" -P "$d" -q
      ;;
    xargs-curl)
      timed "$tf" "$lf" sh -c 'd=$1 l=$2; shift 2; exec xargs -P '"$CONC"' -n 1 curl -s -S "$@" --output-dir "$d" -O <"$l"' \
        sh "$d" "$list" "${PEER_RETRY[@]}"
      ;;
    fetchbox-once)
      mkdir -p "$d/inbox"
      cp "$list" "$d/inbox/$lw.txt"
      outdir=$d/output/$lw
      timed "$tf" "$lf" env -C "$d" java -jar "$JAR" --once "${FETCHBOX_ARGS[@]}"
      ;;
  esac
  local args=(--results "$RESULTS" --workload "$w" --tool "$tool" --run "$run" --seconds "$LAST_SECONDS"
    --rc "$LAST_RC" --timefile "$tf" --sums "$WORK/lists/$lw.sums.json" --dir "$outdir"
    --snap0 "$SNAP0" --snap1 "$SNAP1")
  ((warm)) && args+=(--warmup)
  $REPORT record "${args[@]}"
  rm -rf "$d" # outputs are big (W2: 1 GiB a run); the logs stay in $WORK/logs
}

# note_log W TOOL LOGFILE [EXPECTED-ERE]: WARN/ERROR lines of a fetchbox log go into the table's
# notes, except those matching EXPECTED-ERE (M3's invalid lines)
note_log() {
  local pat='\b(WARN|WARNING|ERROR|SEVERE|Exception)\b' skip=${4:-'^$'} n first
  n=$(grep -E "$pat" "$3" | grep -Evc "$skip")
  if ((n > 0)); then
    first=$(grep -E "$pat" "$3" | grep -Ev "$skip" | head -3 | cut -c1-240 | paste -sd '|' | sed 's/|/ ⏐ /g')
    fact note workload="$1" tool="$2" text="$n WARN/ERROR line(s) in the log, first: \`$first\`"
  fi
}

# start_service DIR [JVM-FLAG...]: `java [JVM-FLAG...] -jar $JAR FETCHBOX_ARGS
# --fetchbox.inbox-settle=0` in DIR (log DIR/service.log) and wait, up to 60 s, for its
# "fetchbox ready" line; sets SERVICE_PID and READY_SECONDS (from the launch to that line, 10 ms
# polls). Returns 1, with the service stopped and SERVICE_PID empty, when it did not get ready.
start_service() {
  local d=$1 t0
  shift
  mkdir -p "$d/inbox"
  t0=$EPOCHREALTIME
  (cd "$d" && exec java "$@" -jar "$JAR" "${FETCHBOX_ARGS[@]}" "${SERVICE_EXTRA[@]}" --fetchbox.inbox-settle=0 \
    >"$d/service.log" 2>&1) &
  SERVICE_PID=$!
  if READY_SECONDS=$($REPORT waitlog --log "$d/service.log" --pattern 'fetchbox ready' \
    --pid "$SERVICE_PID" --since "$t0" --timeout 60); then
    return 0
  fi
  log "fetchbox service did not get ready: $(tail -3 "$d/service.log")"
  stop_pid "$SERVICE_PID" 10
  SERVICE_PID=
  return 1
}

# run_service W [TOOL]: one fetchbox service for the workload, one list dropped per run
run_service() {
  local w=$1 lw=${1,,} tool=${2:-fetchbox-service} run batch_secs=
  local d=$WORK/runs/$1-$tool
  local list=$WORK/lists/$lw.txt sums=$WORK/lists/$lw.sums.json
  if ! start_service "$d"; then
    fact note workload="$w" tool="$tool" text="the service did not start: see its log"
    return
  fi
  log "$w $tool (pid $SERVICE_PID) ready"
  local first=$((WARMUP ? 0 : 1))
  for ((run = first; run <= RUNS; run++)); do
    fact load workload="$w" tool="$tool" run="$run" load1="$(cut -d' ' -f1 /proc/loadavg)"
    local name=$lw-run$run
    ((run == 0)) && name=$lw-warmup
    cp "$list" "$d/inbox/.$name.txt.tmp" # a dot name is ignored until the rename
    local secs rc snap0 snap1
    snap0=$(cpusnap)
    secs=$($REPORT dropwait --src "$d/inbox/.$name.txt.tmp" --dst "$d/inbox/$name.txt" \
      --summary "$d/reports/$name.summary.json" --timeout "$RUN_TIMEOUT")
    rc=$?
    snap1=$(cpusnap)
    secs=${secs:-$RUN_TIMEOUT}
    local args=(--results "$RESULTS" --workload "$w" --tool "$tool" --run "$run"
      --seconds "$secs" --rc "$rc" --sums "$sums" --dir "$d/output/$name" --snap0 "$snap0" --snap1 "$snap1")
    ((run == 0)) && args+=(--warmup)
    $REPORT record "${args[@]}"
    rm -rf "$d/output/$name"
    ((run > 0)) && batch_secs+=" $(sed -n "s/.* $name: done in \([0-9.]*\) s.*/\1/p" "$d/service.log" | head -1)"
  done
  batch_secs=${batch_secs# }
  fact note workload="$w" tool="$tool" \
    text="the batch times fetchbox itself logs (\"done in\", from taking the list to the last outcome) for the counted runs: ${batch_secs// /, } s; the rest of each measured time is the service noticing the list and writing the summary"
  local hwm
  hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVICE_PID/status" 2>/dev/null)
  [[ -n $hwm ]] && fact rss workload="$w" tool="$tool" rss_kib="$hwm"
  stop_pid "$SERVICE_PID" 40
  local code=$?
  SERVICE_PID=
  ((code != 0)) && fact note workload="$w" tool="$tool" text="the service exited $code after SIGTERM"
  cp "$d/service.log" "$WORK/logs/$lw-$tool.log"
  note_log "$w" "$tool" "$d/service.log"
  rm -rf "$d"
}

run_workload() {
  local w=$1 lw=${1,,} tool run
  # the workload's runs, seen by run_service and run_one too
  local RUNS=$RUNS WARMUP=$WARMUP
  log "=== $w"
  local saved=("${FETCHBOX_ARGS[@]}")
  PEER_RETRY=()
  if [[ $w == W4 ]]; then
    FETCHBOX_ARGS=("${W4_FETCHBOX_ARGS[@]}")
    PEER_RETRY=(--retry 3) # curl honours Retry-After on a 503; the other peers retry by their defaults
    RUNS=$W4_RUNS          # its lists take minutes each; a service's warm-up is its first list
  fi
  local first=$((WARMUP ? 0 : 1))
  for tool in ${KNOWN_TOOLS//,/ }; do
    wants "$tool" "$TOOLS" || continue
    if [[ $tool == fetchbox-service ]]; then run_service "$w"; continue; fi
    if [[ $tool == fetchbox-typed ]]; then
      SERVICE_EXTRA=('--fetchbox.accept-types=*/*')
      run_service "$w" fetchbox-typed
      SERVICE_EXTRA=()
      continue
    fi
    # a peer or a fresh --once process has nothing to warm up on W4: its runs all count
    local from=$first
    [[ $w == W4 ]] && from=1
    for ((run = from; run <= RUNS; run++)); do
      run_one "$w" "$tool" "$run" $((run == 0))
    done
    if [[ $tool == fetchbox-once ]]; then
      cat "$WORK/logs/$lw-fetchbox-once-"*.log >"$WORK/logs/$lw-fetchbox-once-all.log"
      note_log "$w" "$tool" "$WORK/logs/$lw-fetchbox-once-all.log"
    fi
  done
  ceiling "$w"
  FETCHBOX_ARGS=("${saved[@]}")
}

ceiling() {
  local w=$1 lw=${1,,} t0 t1 secs
  case $w in
    W1)
      local url rps
      url=$(head -1 "$WORK/lists/w1.txt")
      rps=$(wrk -t2 -c16 -d${WRK_SECONDS}s "$url" 2>&1 | awk '/^Requests\/sec:/ { print $2 }')
      [[ -n $rps ]] && fact ceiling workload=W1 name="wrk -t2 -c16 -d${WRK_SECONDS}s, one URL" \
        files_per_s="$rps" mb_per_s="$(awk -v r="$rps" 'BEGIN { print r * 4096 / 1e6 }')" \
        seconds="$(awk -v r="$rps" -v n="$W1_N" 'BEGIN { print n / r }')"
      ;;
    W2) # like the tools: one warm-up, then the median of the counted copies
      local run all=()
      for ((run = (WARMUP ? 0 : 1); run <= RUNS; run++)); do
        mkdir -p "$WORK/runs/cp-w2"
        t0=$EPOCHREALTIME
        cp "$WORK"/data/w2/* "$WORK/runs/cp-w2/"
        t1=$EPOCHREALTIME
        ((run > 0)) && all+=("$(elapsed "$t0" "$t1")")
        rm -rf "$WORK/runs/cp-w2"
      done
      secs=$(printf '%s\n' "${all[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
      fact ceiling workload=W2 name="cp of the files (median of ${#all[@]})" seconds="$secs" \
        files_per_s="$(awk -v s="$secs" -v n="$W2_N" 'BEGIN { print n / s }')" \
        mb_per_s="$(awk -v s="$secs" -v n="$W2_N" -v m="$W2_MIB" 'BEGIN { print n * m * 1048576 / 1e6 / s }')"
      ;;
    W4)
      secs=$(python3 "$BENCH_DIR/w4_server.py" --ideal "$W4_N" --hosts "$W4_HOSTS" --concurrency $CONC \
        --per-host $W4_PER_HOST)
      fact ceiling workload=W4 name="ideal: list order, $CONC at once, $W4_PER_HOST per host" seconds="$secs" \
        files_per_s="$(awk -v s="$secs" -v n="$W4_N" 'BEGIN { print n / s }')" \
        mb_per_s="$(awk -v s="$secs" -v n="$W4_N" 'BEGIN { print n * 4096 / 1e6 / s }')"
      ;;
    W3)
      secs=$(awk -v n="$W3_N" -v c=$CONC 'BEGIN { print n * 0.1 / c }')
      fact ceiling workload=W3 name="ideal: files x 0.1 s / 16" seconds="$secs" \
        files_per_s="$(awk -v s="$secs" -v n="$W3_N" 'BEGIN { print n / s }')" \
        mb_per_s="$(awk -v s="$secs" -v n="$W3_N" 'BEGIN { print n * 16384 / 1e6 / s }')"
      ;;
  esac
}

# ------------------------------------------------------------------------------ memory and start-up

thousands() { printf '%d' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; } # 1000000 -> 1,000,000

# note_batch_times ROW TOOL LOGFILE BATCH-BRE: the batch times fetchbox logs itself ("m2: finished
# in 1.2 s"), in the order of the runs, as for fetchbox-service in the main table
note_batch_times() {
  local secs
  secs=$(sed -n "s/.* $4: done in \([0-9.]*\) s.*/\1/p" "$3" | paste -sd ' ')
  [[ -n $secs ]] && fact note workload="$1" tool="$2" \
    text="the batch times fetchbox itself logs (\"done in\", from taking the list to the last outcome): ${secs// /, } s"
  return 0
}

# note_oom ROW LOGFILE: an OutOfMemoryError in a fetchbox log is worth a note of its own
note_oom() {
  local n
  n=$(grep -c 'OutOfMemoryError' "$2" 2>/dev/null)
  ((n > 0)) && fact note workload="$1" tool=fetchbox \
    text="**$n line(s) with OutOfMemoryError in the log**, first: \`$(grep -m1 'OutOfMemoryError' "$2" | cut -c1-240)\`"
  return 0
}

# ensure_w2: W2's files and list, made once (M1 downloads them, M2's body is made of them)
ensure_w2() {
  [[ -f $WORK/lists/w2.sums.json ]] && return 0
  make_workload W2 "$W2_N" $((W2_MIB * 1048576)) "http://127.0.0.1:$NGINX_PORT" \
    "$W2_N files of $W2_MIB MiB from nginx"
}

# M1: W2's files through a running service started with -Xmx128m, one list dropped per run (as
# run_service, without a warm-up); peak RSS is the service's VmHWM at the end
run_m1() {
  local d=$WORK/runs/m1 list=$WORK/lists/w2.txt sums=$WORK/lists/w2.sums.json
  local run name secs rc snap0 snap1 hwm code
  log "=== M1"
  ensure_w2
  fact mrow row=M1 heap=-Xmx128m target="peak RSS < 300 MiB" max_rss_mib=300 \
    desc="W2's $W2_N files of $W2_MIB MiB from nginx, dropped into a running service"
  if ! start_service "$d" -Xmx128m; then
    $REPORT mrecord --results "$RESULTS" --row M1 --run 1 --seconds 0 --rc 1 \
      --problem "the service did not print 'fetchbox ready' within 60 s"
  else
    log "M1 fetchbox service (pid $SERVICE_PID, -Xmx128m) ready"
    for ((run = 1; run <= RUNS; run++)); do
      fact load workload=M1 tool=fetchbox-service run="$run" load1="$(cut -d' ' -f1 /proc/loadavg)"
      name=m1-run$run
      cp "$list" "$d/inbox/.$name.txt.tmp" # a dot name is ignored until the rename
      snap0=$(cpusnap)
      secs=$($REPORT dropwait --src "$d/inbox/.$name.txt.tmp" --dst "$d/inbox/$name.txt" \
        --summary "$d/reports/$name.summary.json" --timeout "$RUN_TIMEOUT" --pid "$SERVICE_PID")
      rc=$?
      snap1=$(cpusnap)
      local args=(--results "$RESULTS" --row M1 --run "$run" --seconds "${secs:-$RUN_TIMEOUT}" --rc "$rc"
        --sums "$sums" --dir "$d/output/$name" --snap0 "$snap0" --snap1 "$snap1")
      ((rc != 0)) && args+=(--problem "no reports/$name.summary.json (timed out, or the service exited)")
      $REPORT mrecord "${args[@]}"
      rm -rf "$d/output/$name"
    done
    note_batch_times M1 fetchbox-service "$d/service.log" 'm1-run[0-9]*'
    hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVICE_PID/status" 2>/dev/null)
    [[ -n $hwm ]] && fact rss workload=M1 tool=fetchbox-service rss_kib="$hwm"
    stop_pid "$SERVICE_PID" 40
    code=$?
    SERVICE_PID=
    ((code != 0)) && fact note workload=M1 tool=fetchbox-service text="the service exited $code after SIGTERM"
  fi
  cp "$d/service.log" "$WORK/logs/m1-fetchbox-service.log"
  note_log M1 fetchbox-service "$d/service.log"
  note_oom M1 "$d/service.log"
  rm -rf "$d"
}

# M2: one large body (W2's files concatenated, repeated up to M2_MIB) with --once at -Xmx64m
run_m2() {
  local src=$WORK/data/m2 list=$WORK/lists/m2.txt sums=$WORK/lists/m2.sums.json
  local run d tf lf reps i size
  log "=== M2"
  ensure_w2
  if [[ ! -f $sums ]]; then
    reps=$(((M2_MIB + W2_N * W2_MIB - 1) / (W2_N * W2_MIB)))
    log "making M2: W2's files concatenated $reps time(s), $((reps * W2_N * W2_MIB)) MiB"
    mkdir -p "$src"
    for ((i = 0; i < reps; i++)); do cat "$WORK"/data/w2/*; done >"$src/m2.bin"
    $REPORT sums --dir "$src" --out "$sums" 2>/dev/null || die "could not checksum M2"
    echo "http://127.0.0.1:$NGINX_PORT/m2/m2.bin" >"$list"
  fi
  size=$(($(stat -c %s "$src/m2.bin") / 1048576))
  ((size % 1024 == 0)) && size="$((size / 1024)) GiB" || size="$size MiB"
  fact mrow row=M2 heap=-Xmx64m target="completes at -Xmx64m" desc="one $size body from nginx, \`--once\`"
  for ((run = 1; run <= RUNS; run++)); do
    d=$WORK/runs/m2-run$run tf=$WORK/logs/m2-run$run.time lf=$WORK/logs/m2-run$run.log
    mkdir -p "$d/inbox"
    cp "$list" "$d/inbox/m2.txt"
    fact load workload=M2 tool=fetchbox-once run="$run" load1="$(cut -d' ' -f1 /proc/loadavg)"
    timed "$tf" "$lf" env -C "$d" java -Xmx64m -jar "$JAR" --once "${FETCHBOX_ARGS[@]}"
    $REPORT mrecord --results "$RESULTS" --row M2 --run "$run" --seconds "$LAST_SECONDS" --rc "$LAST_RC" \
      --expect-rc 0 --timefile "$tf" --sums "$sums" --dir "$d/output/m2" --snap0 "$SNAP0" --snap1 "$SNAP1"
    rm -rf "$d"
  done
  cat "$WORK"/logs/m2-run*.log >"$WORK/logs/m2-all.log"
  note_batch_times M2 fetchbox-once "$WORK/logs/m2-all.log" m2
  note_log M2 fetchbox-once "$WORK/logs/m2-all.log"
  note_oom M2 "$WORK/logs/m2-all.log"
}

# M3: a list of 10 x M3_DISTINCT lines (distinct URLs, duplicates, invalid lines) with --once at
# -Xmx256m; nginx answers every /m3/ URL with "m3\n". Exit 1 is expected (the invalid lines):
# verified by the reports' counts and the files. One run: at full size it is the longest row.
run_m3() {
  local d=$WORK/runs/m3 list=$WORK/lists/m3.txt tf=$WORK/logs/m3.time lf=$WORK/logs/m3.log lines
  log "=== M3"
  lines=$((10 * M3_DISTINCT))
  log "making M3: $lines lines"
  $REPORT m3list --base "http://127.0.0.1:$NGINX_PORT/m3" --distinct "$M3_DISTINCT" --list "$list" \
    --sums "$WORK/lists/m3.sums.json" --expect "$WORK/lists/m3.expect.json" || die "could not make M3's list"
  fact mrow row=M3 heap=-Xmx256m target="completes at -Xmx256m" \
    desc="a $(thousands $lines)-line list: $(thousands "$M3_DISTINCT") distinct URLs, $(thousands $((7 * M3_DISTINCT))) duplicate and $(thousands $((2 * M3_DISTINCT))) invalid lines, \`--once\`"
  mkdir -p "$d/inbox"
  cp "$list" "$d/inbox/m3.txt"
  fact load workload=M3 tool=fetchbox-once run=1 load1="$(cut -d' ' -f1 /proc/loadavg)"
  timed "$tf" "$lf" env -C "$d" java -Xmx256m -jar "$JAR" --once "${FETCHBOX_ARGS[@]}"
  $REPORT mrecord --results "$RESULTS" --row M3 --run 1 --seconds "$LAST_SECONDS" --rc "$LAST_RC" \
    --expect-rc 1 --timefile "$tf" --sums "$WORK/lists/m3.sums.json" --dir "$d/output/m3" \
    --summary "$d/reports/m3.summary.json" --jsonl "$d/reports/m3.jsonl" --expect "$WORK/lists/m3.expect.json" \
    --snap0 "$SNAP0" --snap1 "$SNAP1"
  local fin
  fin=$(grep -m1 'm3: done in' "$lf" | sed 's/.* m3: done in/m3: done in/' | cut -c1-240)
  [[ -n $fin ]] && fact note workload=M3 tool=fetchbox-once text="fetchbox's own log: \`$fin\`"
  cp "$d/reports/m3.summary.json" "$WORK/logs/m3.summary.json" 2>/dev/null
  note_log M3 fetchbox-once "$lf" 'line [0-9]+: invalid: |: more invalid lines; they are in the report'
  note_oom M3 "$lf"
  rm -rf "$d"
}

# S1: S1_N launches of the service, each in a fresh folder, timed to its "fetchbox ready" line,
# then stopped with SIGTERM
run_s1() {
  local run d secs hwm code snap0 snap1 problem own=
  log "=== S1"
  fact mrow row=S1 heap= target="< 2 s" max_seconds=2 \
    desc="service launch in a fresh folder to its \`fetchbox ready\` line, $S1_N launches"
  : >"$WORK/logs/s1-fetchbox-service.log"
  for ((run = 1; run <= S1_N; run++)); do
    d=$WORK/runs/s1-run$run problem= hwm=
    fact load workload=S1 tool=fetchbox-service run="$run" load1="$(cut -d' ' -f1 /proc/loadavg)"
    snap0=$(cpusnap)
    if start_service "$d"; then
      secs=$READY_SECONDS
      hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVICE_PID/status" 2>/dev/null)
    else
      secs=${READY_SECONDS:-60} problem="no 'fetchbox ready' line within 60 s"
    fi
    snap1=$(cpusnap)
    stop_pid "$SERVICE_PID" 40
    code=$?
    SERVICE_PID=
    ((code != 0)) && problem+="${problem:+; }exit $code after SIGTERM"
    local args=(--results "$RESULTS" --row S1 --run "$run" --seconds "${secs:-60}" --rc "$code"
      --snap0 "$snap0" --snap1 "$snap1")
    [[ -n $hwm ]] && args+=(--rss-kib "$hwm")
    [[ -n $problem ]] && args+=(--problem "$problem")
    $REPORT mrecord "${args[@]}"
    # fetchbox's own share: its log's "fetchbox starting" to "fetchbox ready" (the rest is the JVM)
    own+=" $(awk '/fetchbox starting/ && !a { a = $2 } /fetchbox ready/ && !b { b = $2 }
      END { if (a && b) { split(a, x, ":"); split(b, y, ":"); printf "%.3f", (y[1] - x[1]) * 3600 + (y[2] - x[2]) * 60 + y[3] - x[3] } }' "$d/service.log")"
    cat "$d/service.log" >>"$WORK/logs/s1-fetchbox-service.log"
    rm -rf "$d"
  done
  own=$(echo $own)
  [[ -n $own ]] && fact note workload=S1 tool=fetchbox-service \
    text="fetchbox's own log, from its \`fetchbox starting\` line to \`fetchbox ready\`: ${own// /, } s; the rest of each launch is the JVM before fetchbox's first line"
  note_log S1 fetchbox-service "$WORK/logs/s1-fetchbox-service.log"
}

# ------------------------------------------------------------------------------ facts

record_meta() {
  local jar_version
  jar_version=$(python3 -c 'import sys, zipfile
m = zipfile.ZipFile(sys.argv[1]).read("META-INF/MANIFEST.MF").decode()
print(next((l.split(":", 1)[1].strip() for l in m.splitlines() if l.startswith("Implementation-Version")), "?"))' "$JAR" 2>/dev/null)
  fact meta key=date value="$(date -u '+%Y-%m-%d %H:%M UTC')"
  fact meta key=nproc value="$(nproc)"
  fact meta key=cpu value="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  fact meta key=mem value="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  fact meta key=kernel value="Linux $(uname -r)"
  fact meta key=runs value="$RUNS"
  fact meta key=warmup value="$([[ $WARMUP == 1 ]] && echo yes || echo no)"
  local mode=full
  [[ $QUICK == 1 ]] && mode="quick (BENCH_QUICK=1)"
  [[ $ONLY != "$DEFAULT_ONLY" ]] && mode+=", BENCH_ONLY=$ONLY"
  [[ $TOOLS != "$ALL_TOOLS" ]] && mode+=", BENCH_TOOLS=$TOOLS"
  fact meta key=mode value="$mode"
  fact meta key=jar value="$JAR"
  fact meta key=jar_info value="version $jar_version, $(stat -c %s "$JAR") bytes, built $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC'), sha256 $(sha256sum "$JAR" | cut -c1-12)"
  local v
  v="$(java -version 2>&1 | head -1); $(curl --version | head -1 | cut -d' ' -f1-2); $(aria2c --version | head -1);"
  v+=" $(wget2 --version | head -1 | cut -d' ' -f1-3); $(nginx -v 2>&1 | sed 's/.*: //'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2);"
  v+=" $(python3 --version)"
  fact meta key=versions value="$v"
  local server="nginx (worker_processes 2, sendfile on, access_log off, keepalive_requests 100000) for W1/W2; bench/delay_server.py (Python threads, HTTP/1.1 keep-alive, 100 ms before each response) for W3"
  if wants_m M1 || wants_m M2 || wants_m M3; then
    server+="; the same nginx for M1-M3, with \`location /m3/ { return 200 \"m3\\n\"; }\` for M3's URLs"
  fi
  fact meta key=server value="$server"
  local w any_w=0
  for w in W1 W2 W3 W4; do wants "$w" "$ONLY" && any_w=1; done
  ((any_w)) && record_w_commands
  wants_m M1 && fact command tool=M1 text="(cd \$D && java -Xmx128m -jar \$JAR ${FETCHBOX_ARGS[*]} --fetchbox.inbox-settle=0); per run: inbox/.m1-runK.txt.tmp renamed to inbox/m1-runK.txt (W2's list), wait for reports/m1-runK.summary.json"
  wants_m M2 && fact command tool=M2 text="(cd \$D && java -Xmx64m -jar \$JAR --once ${FETCHBOX_ARGS[*]})  # inbox/m2.txt: http://127.0.0.1:\$N/m2/m2.bin"
  wants_m M3 && fact command tool=M3 text="(cd \$D && java -Xmx256m -jar \$JAR --once ${FETCHBOX_ARGS[*]})  # inbox/m3.txt: http://127.0.0.1:\$N/m3/uNNNNNN, duplicates, invalid lines"
  wants_m S1 && fact command tool=S1 text="(cd \$D && java -jar \$JAR ${FETCHBOX_ARGS[*]} --fetchbox.inbox-settle=0) until its log has 'fetchbox ready', then SIGTERM"
  wants_m M2 || wants_m M3 && fact command tool=each-M text="timeout -k 10 $RUN_TIMEOUT /usr/bin/time -v <command>  # M2, M3; wall time from bash \$EPOCHREALTIME around it"
  return 0
}

# record_w_commands: the commands of the main table's rows
record_w_commands() {
  fact command tool=fetchbox-service text="(cd \$D && java -jar \$JAR ${FETCHBOX_ARGS[*]} --fetchbox.inbox-settle=0); per run: write inbox/.wN-runK.txt.tmp, rename to inbox/wN-runK.txt, wait for reports/wN-runK.summary.json"
  fact command tool=fetchbox-once text="(cd \$D && java -jar \$JAR --once ${FETCHBOX_ARGS[*]})  # inbox/wN.txt already there"
  fact command tool=curl text="curl --parallel --parallel-max $CONC --parallel-immediate -s -S -K \$D.curl.cfg  # url = \"...\" / output = \"\$D/name\" pairs"
  fact command tool=aria2c text="aria2c -j $CONC -x 1 -i wN.txt -d \$D --allow-overwrite=true --auto-file-renaming=false --console-log-level=error --summary-interval=0 --file-allocation=none"
  fact command tool=wget2 text="wget2 --max-threads=$CONC -i wN.txt -P \$D -q"
  fact command tool=xargs-curl text="xargs -P $CONC -n 1 curl -s -S --output-dir \$D -O <wN.txt"
  fact command tool=ceilings text="wrk -t2 -c16 -d${WRK_SECONDS}s http://127.0.0.1:\$N/w1/w1-00000.bin; cp data/w2/* \$D/"
  fact command tool=each text="timeout -k 10 $RUN_TIMEOUT /usr/bin/time -v <command>  # wall time from bash \$EPOCHREALTIME around it"
}

# ------------------------------------------------------------------------------ main

main() {
  ensure_tools
  ensure_jar
  WORK=$(mktemp -d /tmp/fetchbox-bench.XXXXXX) || die "mktemp failed"
  chmod 755 "$WORK" # nginx's workers (nobody) read the data
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  mkdir -p "$WORK/data" "$WORK/lists" "$WORK/runs" "$WORK/logs"
  RESULTS=$WORK/results.jsonl
  : >"$RESULTS"
  log "work folder $WORK; jar $JAR; runs $RUNS; warm-up $WARMUP; workloads $ONLY; tools $TOOLS"
  record_meta
  fact meta key=busy_before value="$($REPORT busy --seconds 2)" # other sessions' load, if any

  if wants W1 "$ONLY" || wants W2 "$ONLY" || wants_m M1 || wants_m M2 || wants_m M3; then start_nginx; fi
  wants W3 "$ONLY" && start_delay_server
  if wants W4 "$ONLY"; then
    mkdir -p "$WORK/data/w4"
    start_w4_server
    make_w4
  fi
  wants W1 "$ONLY" && make_workload W1 "$W1_N" 4096 "http://127.0.0.1:$NGINX_PORT" \
    "$W1_N files of 4 KiB from nginx"
  wants W2 "$ONLY" && make_workload W2 "$W2_N" $((W2_MIB * 1048576)) "http://127.0.0.1:$NGINX_PORT" \
    "$W2_N files of $W2_MIB MiB from nginx"
  wants W3 "$ONLY" && make_workload W3 "$W3_N" 16384 "http://127.0.0.1:$DELAY_PORT" \
    "$W3_N files of 16 KiB from bench/delay_server.py, 100 ms before each response"

  for w in W1 W2 W3 W4; do
    wants "$w" "$ONLY" && run_workload "$w"
  done
  wants_m M1 && run_m1
  wants_m M2 && run_m2
  wants_m M3 && run_m3
  wants_m S1 && run_s1

  fact meta key=total_seconds value="$((SECONDS - START_SECONDS))"
  stop_pid "$DELAY_PID" 5
  DELAY_PID=
  stop_pid "$W4_PID" 5
  W4_PID=
  stop_nginx
  fact meta key=busy_after value="$($REPORT busy --seconds 2)"
  $REPORT table --results "$RESULTS" --out "$OUT_MD"
  log "table written to $OUT_MD ($((SECONDS - START_SECONDS)) s in all)"
}

main "$@"
