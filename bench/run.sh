#!/usr/bin/env bash
# bench/run.sh — fetchbox against curl, aria2c, wget2 and xargs+curl on three workloads
# served from 127.0.0.1. Prints a Markdown table and writes it to bench/results/latest.md.
# See bench/README.md. Knobs (environment):
#   BENCH_RUNS=3        counted runs per tool and workload (after one warm-up)
#   BENCH_QUICK=1       smoke test: W1 500 files, W2 4 x 8 MiB, W3 100 files, 1 run, no warm-up
#   BENCH_ONLY=W1       workloads to run (comma list of W1, W2, W3)
#   BENCH_TOOLS=fetchbox-service,curl   tools to run (fetchbox-service, fetchbox-once, curl,
#                       aria2c, wget2, xargs-curl; "fetchbox" means both fetchbox rows)
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

QUICK=${BENCH_QUICK:-0}
if [[ $QUICK == 1 ]]; then
  W1_N=500 W2_N=4 W2_MIB=8 W3_N=100 RUNS=${BENCH_RUNS:-1} WARMUP=0 WRK_SECONDS=2
else
  W1_N=10000 W2_N=32 W2_MIB=32 W3_N=2000 RUNS=${BENCH_RUNS:-3} WARMUP=1 WRK_SECONDS=5
fi
ONLY=${BENCH_ONLY:-W1,W2,W3}
TOOLS=,${BENCH_TOOLS:-$ALL_TOOLS},
TOOLS=${TOOLS//,fetchbox,/,fetchbox-service,fetchbox-once,} # "fetchbox" means both rows
TOOLS=${TOOLS#,} TOOLS=${TOOLS%,}
RUN_TIMEOUT=${BENCH_TIMEOUT:-900}
OUT_MD=${BENCH_OUT:-$BENCH_DIR/results/latest.md}
JAR=${FETCHBOX_JAR:-$ROOT/target/fetchbox.jar}
FETCHBOX_ARGS=(--fetchbox.http-port=0 --fetchbox.concurrency=$CONC --fetchbox.per-host=$CONC)
# fetchbox reads FETCHBOX_* environment variables as configuration: keep ours (FETCHBOX_JAR) and
# any others out of its environment, so that only the arguments above configure it
for v in ${!FETCHBOX_@}; do export -n "$v"; done

WORK= NGINX_PID_FILE= DELAY_PID= SERVICE_PID= NGINX_PORT= DELAY_PORT= RESULTS=
START_SECONDS=$SECONDS

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
wants() { [[ ",$2," == *",$1,"* ]]; } # wants ITEM COMMA-LIST
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

# make_workload W COUNT BYTES BASE-URL DESCRIPTION
make_workload() {
  local w=$1 lw=${1,,}
  log "making $w: $2 files of $3 bytes"
  make_files "$WORK/data/$lw" "$lw" "$2" "$3"
  ls "$WORK/data/$lw" | sed "s|^|$4/$lw/|" >"$WORK/lists/$lw.txt"
  $REPORT sums --dir "$WORK/data/$lw" --out "$WORK/lists/$lw.sums.json" 2>/dev/null ||
    die "could not checksum $w"
  fact workload workload="$w" files="$2" bytes=$(($2 * $3)) desc="$5"
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
      timed "$tf" "$lf" curl --parallel --parallel-max $CONC --parallel-immediate -s -S -K "$cfg"
      ;;
    aria2c)
      timed "$tf" "$lf" aria2c -j $CONC -x 1 -i "$list" -d "$d" --allow-overwrite=true \
        --auto-file-renaming=false --console-log-level=error --summary-interval=0 --file-allocation=none
      ;;
    wget2)
      timed "$tf" "$lf" wget2 --max-threads=$CONC -i "$list" -P "$d" -q
      ;;
    xargs-curl)
      timed "$tf" "$lf" sh -c 'exec xargs -P "$1" -n 1 curl -s -S --output-dir "$2" -O <"$3"' \
        sh $CONC "$d" "$list"
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

# note_log W TOOL LOGFILE: WARN/ERROR lines of a fetchbox log go into the table's notes, except
# the one that --fetchbox.http-port=0 always gives ("accepted but not active in this version")
note_log() {
  local pat='\b(WARN|WARNING|ERROR|SEVERE|Exception)\b' n first
  n=$(grep -E "$pat" "$3" | grep -vc 'accepted but not active')
  if ((n > 0)); then
    first=$(grep -E "$pat" "$3" | grep -v 'accepted but not active' | head -3 | cut -c1-240 | paste -sd '|' | sed 's/|/ ⏐ /g')
    fact note workload="$1" tool="$2" text="$n WARN/ERROR line(s) in the log, first: \`$first\`"
  fi
}

# run_service W: one fetchbox service for the workload, one list dropped per run
run_service() {
  local w=$1 lw=${1,,} d=$WORK/runs/$1-fetchbox-service i run batch_secs=
  local list=$WORK/lists/$lw.txt sums=$WORK/lists/$lw.sums.json
  mkdir -p "$d/inbox"
  (cd "$d" && exec java -jar "$JAR" "${FETCHBOX_ARGS[@]}" --fetchbox.inbox-settle=0 >"$d/service.log" 2>&1) &
  SERVICE_PID=$!
  for ((i = 0; i < 600; i++)); do
    grep -q 'fetchbox ready' "$d/service.log" 2>/dev/null && break
    kill -0 "$SERVICE_PID" 2>/dev/null || break
    sleep 0.1
  done
  if ! grep -q 'fetchbox ready' "$d/service.log" 2>/dev/null; then
    log "fetchbox service did not get ready: $(tail -3 "$d/service.log")"
    fact note workload="$w" tool=fetchbox-service text="the service did not start: see its log"
    stop_pid "$SERVICE_PID" 10
    SERVICE_PID=
    return
  fi
  log "$w fetchbox service (pid $SERVICE_PID) ready"
  local first=$((WARMUP ? 0 : 1))
  for ((run = first; run <= RUNS; run++)); do
    fact load workload="$w" tool=fetchbox-service run="$run" load1="$(cut -d' ' -f1 /proc/loadavg)"
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
    local args=(--results "$RESULTS" --workload "$w" --tool fetchbox-service --run "$run"
      --seconds "$secs" --rc "$rc" --sums "$sums" --dir "$d/output/$name" --snap0 "$snap0" --snap1 "$snap1")
    ((run == 0)) && args+=(--warmup)
    $REPORT record "${args[@]}"
    rm -rf "$d/output/$name"
    ((run > 0)) && batch_secs+=" $(sed -n "s/.* $name: finished in \([0-9.]*\) s.*/\1/p" "$d/service.log" | head -1)"
  done
  batch_secs=${batch_secs# }
  fact note workload="$w" tool=fetchbox-service \
    text="the batch times fetchbox itself logs (\"finished in\", from taking the list to the last outcome) for the counted runs: ${batch_secs// /, } s; the rest of each measured time is the service noticing the list and writing the summary"
  local hwm
  hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVICE_PID/status" 2>/dev/null)
  [[ -n $hwm ]] && fact rss workload="$w" tool=fetchbox-service rss_kib="$hwm"
  stop_pid "$SERVICE_PID" 40
  local code=$?
  SERVICE_PID=
  ((code != 0)) && fact note workload="$w" tool=fetchbox-service text="the service exited $code after SIGTERM"
  cp "$d/service.log" "$WORK/logs/$lw-fetchbox-service.log"
  note_log "$w" fetchbox-service "$d/service.log"
  rm -rf "$d"
}

run_workload() {
  local w=$1 lw=${1,,} tool run first=$((WARMUP ? 0 : 1))
  log "=== $w"
  for tool in ${ALL_TOOLS//,/ }; do
    wants "$tool" "$TOOLS" || continue
    if [[ $tool == fetchbox-service ]]; then run_service "$w"; continue; fi
    for ((run = first; run <= RUNS; run++)); do
      run_one "$w" "$tool" "$run" $((run == 0))
    done
    if [[ $tool == fetchbox-once ]]; then
      cat "$WORK/logs/$lw-fetchbox-once-"*.log >"$WORK/logs/$lw-fetchbox-once-all.log"
      note_log "$w" "$tool" "$WORK/logs/$lw-fetchbox-once-all.log"
    fi
  done
  ceiling "$w"
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
    W3)
      secs=$(awk -v n="$W3_N" -v c=$CONC 'BEGIN { print n * 0.1 / c }')
      fact ceiling workload=W3 name="ideal: files x 0.1 s / 16" seconds="$secs" \
        files_per_s="$(awk -v s="$secs" -v n="$W3_N" 'BEGIN { print n / s }')" \
        mb_per_s="$(awk -v s="$secs" -v n="$W3_N" 'BEGIN { print n * 16384 / 1e6 / s }')"
      ;;
  esac
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
  [[ $ONLY != W1,W2,W3 ]] && mode+=", BENCH_ONLY=$ONLY"
  [[ $TOOLS != "$ALL_TOOLS" ]] && mode+=", BENCH_TOOLS=$TOOLS"
  fact meta key=mode value="$mode"
  fact meta key=jar value="$JAR"
  fact meta key=jar_info value="version $jar_version, $(stat -c %s "$JAR") bytes, built $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC'), sha256 $(sha256sum "$JAR" | cut -c1-12)"
  local v
  v="$(java -version 2>&1 | head -1); $(curl --version | head -1 | cut -d' ' -f1-2); $(aria2c --version | head -1);"
  v+=" $(wget2 --version | head -1 | cut -d' ' -f1-3); $(nginx -v 2>&1 | sed 's/.*: //'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2);"
  v+=" $(python3 --version)"
  fact meta key=versions value="$v"
  fact meta key=server value="nginx (worker_processes 2, sendfile on, access_log off, keepalive_requests 100000) for W1/W2; bench/delay_server.py (Python threads, HTTP/1.1 keep-alive, 100 ms before each response) for W3"
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

  if wants W1 "$ONLY" || wants W2 "$ONLY"; then start_nginx; fi
  wants W3 "$ONLY" && start_delay_server
  wants W1 "$ONLY" && make_workload W1 "$W1_N" 4096 "http://127.0.0.1:$NGINX_PORT" \
    "$W1_N files of 4 KiB from nginx"
  wants W2 "$ONLY" && make_workload W2 "$W2_N" $((W2_MIB * 1048576)) "http://127.0.0.1:$NGINX_PORT" \
    "$W2_N files of $W2_MIB MiB from nginx"
  wants W3 "$ONLY" && make_workload W3 "$W3_N" 16384 "http://127.0.0.1:$DELAY_PORT" \
    "$W3_N files of 16 KiB from bench/delay_server.py, 100 ms before each response"

  for w in W1 W2 W3; do
    wants "$w" "$ONLY" && run_workload "$w"
  done

  fact meta key=total_seconds value="$((SECONDS - START_SECONDS))"
  stop_pid "$DELAY_PID" 5
  DELAY_PID=
  stop_nginx
  fact meta key=busy_after value="$($REPORT busy --seconds 2)"
  $REPORT table --results "$RESULTS" --out "$OUT_MD"
  log "table written to $OUT_MD ($((SECONDS - START_SECONDS)) s in all)"
}

main "$@"
