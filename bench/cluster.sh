#!/usr/bin/env bash
# Cluster scale (README, "Running a cluster"): the same latency-bound list run by one fetchbox node
# and by three, each node's fetchbox.concurrency the limit, through a real ActiveMQ Artemis broker
# (the distribution from Maven Central, started here). Prints a Markdown table of seconds, URLs/s and
# the ratio to one node, next to the ideal schedule.
#
#   bench/cluster.sh                       # 120 URLs over 6 hosts, 1 s each, 1 node then 3
#   CLUSTER_URLS=600 CLUSTER_DELAY=0.2 bench/cluster.sh   # faster hosts: more work per second for the nodes
#   FETCHBOX_JAR=/tmp/x.jar bench/cluster.sh
#
# Knobs: CLUSTER_URLS (120), CLUSTER_HOSTS (6 local delay servers, one port each), CLUSTER_DELAY
# (1.0 s before each response), CLUSTER_CONC (4 downloads per node), CLUSTER_PER_HOST (4),
# CLUSTER_NODES ("1 3"), CLUSTER_TIMEOUT (300 s per run), BENCH_OUT (bench/results/cluster.md).
# Everything runs on 127.0.0.1; every process started here is stopped by its pid on exit.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
JAR=${FETCHBOX_JAR:-$ROOT/target/fetchbox.jar}
URLS=${CLUSTER_URLS:-120}
HOSTS=${CLUSTER_HOSTS:-6}
DELAY=${CLUSTER_DELAY:-1.0}
CONC=${CLUSTER_CONC:-4}
PER_HOST=${CLUSTER_PER_HOST:-4}
NODE_COUNTS=${CLUSTER_NODES:-"1 3"}
TIMEOUT=${CLUSTER_TIMEOUT:-300}
OUT=${BENCH_OUT:-$BENCH_DIR/results/cluster.md}
ARTEMIS_VERSION=2.40.0

log() { echo "[cluster $(date +%T)] $*" >&2; }

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f "$JAR" ]; then
  log "building $JAR"
  (cd "$ROOT" && mvn -q -DskipTests package)
fi

# the broker: Artemis's own distribution, from Maven Central (README, "Running a cluster")
log "fetching apache-artemis $ARTEMIS_VERSION (bin, tar.gz) through Maven"
(cd "$ROOT" && mvn -q dependency:copy \
  -Dartifact=org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin -DoutputDirectory="$WORK")
tar xzf "$WORK/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$WORK"
BROKER_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$WORK/apache-artemis-$ARTEMIS_VERSION/bin/artemis" create "$WORK/broker" --silent --force \
  --user fetchbox --password bench --require-login --host 127.0.0.1 --default-port "$BROKER_PORT" \
  --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor --no-web --nio >/dev/null
# the address settings the README gives for fetchbox's queues
python3 - "$WORK/broker/etc/broker.xml" <<'PY'
import sys
path = sys.argv[1]
xml = open(path).read()
setting = """<address-setting match="fetchbox.#">
            <default-group-rebalance>true</default-group-rebalance>
            <redelivery-delay>0</redelivery-delay>
            <max-delivery-attempts>-1</max-delivery-attempts>
         </address-setting>
         """
xml = xml.replace("<address-settings>", "<address-settings>\n         " + setting, 1)
open(path, "w").write(xml)
PY
"$WORK/broker/bin/artemis" run >"$WORK/broker.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do
  grep -q "AMQ221007" "$WORK/broker.log" 2>/dev/null && break
  sleep 0.5
done
grep -q "AMQ221007" "$WORK/broker.log" || { log "the broker did not start"; tail -20 "$WORK/broker.log" >&2; exit 1; }
log "broker on 127.0.0.1:$BROKER_PORT"

# the hosts: one delay server per port, all serving the same 4 KiB files
mkdir -p "$WORK/data"
for i in $(seq 1 "$URLS"); do head -c 4096 /dev/urandom >"$WORK/data/f$i.bin"; done
PORTS=()
for h in $(seq 1 "$HOSTS"); do
  python3 "$BENCH_DIR/delay_server.py" --root "$WORK/data" --delay "$DELAY" --port-file "$WORK/port$h" \
    --max-seconds 3600 >/dev/null 2>&1 &
  PIDS+=($!)
done
for h in $(seq 1 "$HOSTS"); do
  for _ in $(seq 1 100); do [ -s "$WORK/port$h" ] && break; sleep 0.1; done
  PORTS+=("$(cat "$WORK/port$h")")
done

list() {
  for i in $(seq 1 "$URLS"); do
    echo "http://127.0.0.1:${PORTS[$(( i % HOSTS ))]}/f$i.bin"
  done
}

cpu_ticks() { # pids... -> user+system clock ticks of each and its descendants, summed
  local total=0 pid child
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat") ))
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
      total=$(( total + $(cpu_ticks "$child") ))
    done
  done
  echo "$total"
}
TICKS=$(getconf CLK_TCK)
BROKER_PID=${PIDS[0]}

run() { # nodes -> seconds downloaded node-cpu-seconds broker-cpu-seconds
  local nodes=$1 dir="$WORK/run$1" pids=()
  mkdir -p "$dir/shared"
  for n in $(seq 1 "$nodes"); do
    mkdir -p "$dir/node$n"
    (cd "$dir/node$n" && FETCHBOX_BROKER_PASSWORD=bench exec java -Xmx256m -jar "$JAR" \
      --fetchbox.broker-url="tcp://127.0.0.1:$BROKER_PORT" --fetchbox.broker-user=fetchbox \
      --fetchbox.node-id="node$n" --fetchbox.concurrency="$CONC" --fetchbox.per-host="$PER_HOST" \
      --fetchbox.inbox="$dir/shared/inbox" --fetchbox.output="$dir/shared/output" \
      --fetchbox.reports="$dir/shared/reports" --fetchbox.http-port=0 --fetchbox.inbox-settle=50ms \
      >"$dir/node$n.log" 2>&1) &
    pids+=($!)
    PIDS+=($!)
  done
  for n in $(seq 1 "$nodes"); do
    for _ in $(seq 1 240); do grep -q "fetchbox ready" "$dir/node$n.log" 2>/dev/null && break; sleep 0.25; done
  done
  for _ in $(seq 1 240); do grep -qh "is now the leader" "$dir"/node*.log 2>/dev/null && break; sleep 0.25; done
  list >"$dir/list.txt.part"
  mkdir -p "$dir/shared/inbox"
  local start end nodes_before broker_before
  nodes_before=$(cpu_ticks "${pids[@]}")
  broker_before=$(cpu_ticks "$BROKER_PID")
  start=$(date +%s.%N)
  mv "$dir/list.txt.part" "$dir/shared/inbox/scale.txt"
  local waited=0
  until [ -f "$dir/shared/reports/scale.summary.json" ]; do
    sleep 0.1
    waited=$((waited + 1))
    if [ "$waited" -gt $((TIMEOUT * 10)) ]; then log "$nodes node(s): not done within ${TIMEOUT}s"; break; fi
  done
  end=$(date +%s.%N)
  local nodes_cpu broker_cpu
  nodes_cpu=$(awk -v a="$nodes_before" -v b="$(cpu_ticks "${pids[@]}")" -v t="$TICKS" 'BEGIN { printf "%.1f", (b - a) / t }')
  broker_cpu=$(awk -v a="$broker_before" -v b="$(cpu_ticks "$BROKER_PID")" -v t="$TICKS" 'BEGIN { printf "%.1f", (b - a) / t }')
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  local downloaded
  downloaded=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["outcomes"]["downloaded"])' \
    "$dir/shared/reports/scale.summary.json" 2>/dev/null || echo 0)
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') $downloaded $nodes_cpu $broker_cpu"
}

declare -A SECONDS_FOR DOWNLOADED_FOR NODE_CPU_FOR BROKER_CPU_FOR
for n in $NODE_COUNTS; do
  log "$n node(s): $URLS URLs over $HOSTS hosts, ${DELAY}s each, concurrency $CONC per node, per-host $PER_HOST"
  read -r secs got node_cpu broker_cpu < <(run "$n")
  SECONDS_FOR[$n]=$secs
  DOWNLOADED_FOR[$n]=$got
  NODE_CPU_FOR[$n]=$node_cpu
  BROKER_CPU_FOR[$n]=$broker_cpu
  log "$n node(s): $secs s, $got downloaded, CPU ${node_cpu} s in the nodes, ${broker_cpu} s in the broker"
done

mkdir -p "$(dirname "$OUT")"
{
  echo "## Cluster scale ($(date -u +%Y-%m-%d), $(nproc) cores, Artemis $ARTEMIS_VERSION on the same machine)"
  echo
  echo "$URLS URLs of 4 KiB over $HOSTS local hosts (bench/delay_server.py, ${DELAY} s before each response);"
  echo "each node fetchbox.concurrency=$CONC, fetchbox.per-host=$PER_HOST; time from dropping the list to its summary."
  echo
  echo "| nodes | seconds | URLs/s | ratio to 1 node | ideal seconds | downloaded | CPU s, nodes | CPU s, broker | CPU ms per URL |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  first=$(echo "$NODE_COUNTS" | awk '{print $1}')
  for n in $NODE_COUNTS; do
    secs=${SECONDS_FOR[$n]}
    conc=$(( n * CONC < HOSTS * PER_HOST ? n * CONC : HOSTS * PER_HOST ))
    awk -v n="$n" -v s="$secs" -v u="$URLS" -v d="$DELAY" -v c="$conc" -v f="${SECONDS_FOR[$first]}" \
      -v got="${DOWNLOADED_FOR[$n]}" -v nc="${NODE_CPU_FOR[$n]}" -v bc="${BROKER_CPU_FOR[$n]}" \
      'BEGIN { printf "| %d | %.2f | %.1f | %.2fx | %.2f | %d | %.1f | %.1f | %.0f |\n", n, s, u / s, f / s, u * d / c, got, nc, bc, 1000 * (nc + bc) / u }'
  done
} | tee "$OUT"
