#!/usr/bin/env bash
# The flash-sale stampede against a platform this script starts and stops (bench/README.md).
#
#   bash bench/run.sh embedded      one server process, SQLite in a throwaway data folder
#   bash bench/run.sh distributed   deploy/local/cluster.sh: a process per service, PostgreSQL, RabbitMQ, nginx
#
# Settings (environment):
#   BENCH_BUYERS      concurrent buyers (default 2000)
#   BENCH_ABANDON     share of buyers who never pay and let the hold expire (default 0.1)
#   BENCH_HOLD        hold duration given to the platform (default 00:00:20)
#   BENCH_PAYMENT_WINDOW  how long a checkout extends a hold about to end (Ordering__PaymentWindow,
#                     default 00:02:00); the settle step waits that much longer for unpaid extended holds
#   BENCH_ARGS        extra flags for the program (e.g. "--seat-share 0.3 --wrk-duration 5"; a sale through
#                     a waiting room: "--waiting-room-minutes 10")
#   BENCH_ADMIT_PER_SECOND  buyers the waiting room admits per second (Ordering__WaitingRoom__AdmitPerSecond,
#                     a decimal number; unset: the platform's default); only matters with --waiting-room-minutes
#   BENCH_PORT        embedded server port (default 5390)
#   BENCH_PUBLISH_ARGS  embedded: extra flags for dotnet publish of the server (e.g. "-p:PublishReadyToRun=false" to measure without precompiled code)
#   BENCH_SERVER_ENV  embedded: NAME=VALUE pairs for the server process only (e.g. "DOTNET_GCgen0size=4000000"
#                     to try a runtime knob without changing the load generator, which is .NET too)
#   BENCH_OUT         where results and charts go (default docs/benchmarks)
#   BENCH_TRACE       embedded: a .nettrace file; the server's threads are sampled with dotnet-trace
#                     (dotnet tool install -g dotnet-trace) for BENCH_TRACE_SECONDS (default 20)
#                     from the moment the stampede starts
#   BENCH_PERF        embedded: a perf.data file; the server's on-CPU stacks are sampled with perf
#                     (99 Hz, call graphs, JIT symbols from DOTNET_PerfMapEnabled) for BENCH_TRACE_SECONDS
#                     from the moment the stampede starts (or the first progress line matching
#                     BENCH_PERF_FROM, e.g. "big tier"); read it with perf report -i FILE
#   BENCH_KEEP_CLUSTER=1  distributed: leave the cluster running afterwards (stop it with cluster.sh stop)
#   TICKETING_CLUSTER_*   distributed: see deploy/local/cluster.sh; defaults below keep the bench
#                     cluster apart from a developer's cluster and from the test servers
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TOPOLOGY=${1:-}
BUYERS=${BENCH_BUYERS:-2000}
HOLD=${BENCH_HOLD:-00:00:20}
PAYMENT_WINDOW=${BENCH_PAYMENT_WINDOW:-00:02:00}
OUT=${BENCH_OUT:-docs/benchmarks}
WORK=$(mktemp -d -t ticketing-bench.XXXXXX)
log() { echo "bench: $*" >&2; }

# Platform settings for the run, reaching every server process:
# - a short hold so abandoned orders expire within the run;
# - a payment window of 2 minutes: longer than a distributed run's slowest confirmation (about 75 s),
#   short enough that a checkout whose payment never came is released within the settle step;
# - Identity's sign-up/sign-in rate limits off: every buyer signs up from this one address;
# - fewer PBKDF2 iterations: only the set-up signs in, the measured sale never hashes a password;
# - the hello endpoint (the HTTP ceiling) on;
# - at most 64 API requests in flight per process (the rest queue), as recommended for production;
# - warnings-only logs, as a production deployment would run under load.
export Ordering__HoldDuration=$HOLD
export Ordering__PaymentWindow=$PAYMENT_WINDOW
export Identity__RateLimit__Enabled=false
export Identity__PasswordIterations=10000
export Ticketing__Bench__Hello=true
# Keep database connections for event consumers and relays while buyers stampede (docs/operations.md).
export Ticketing__MaxConcurrentApiRequests=${BENCH_MAX_CONCURRENT_API_REQUESTS:-64}
export Logging__LogLevel__Default=Warning
# The waiting room's admission rate, fixed when a room opens (only with --waiting-room-minutes).
[[ -z ${BENCH_ADMIT_PER_SECOND:-} ]] || export Ordering__WaitingRoom__AdmitPerSecond=$BENCH_ADMIT_PER_SECOND
export ASPNETCORE_ENVIRONMENT=Production

command -v wrk >/dev/null || { log "installing wrk"; apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
log "building the bench program"
dotnet build bench/Ticketing.Bench -c Release -o "$WORK/bench" --nologo -v q >"$WORK/build.log"
bench() { dotnet "$WORK/bench/ticketing-bench.dll" --buyers "$BUYERS" --abandon "${BENCH_ABANDON:-0.1}" --hold "$HOLD" --payment-window "$PAYMENT_WINDOW" \
  --wrk "$(command -v wrk)" --out "$OUT" ${BENCH_ARGS:-} "$@"; }

wait_ready() {
  local deadline=$((SECONDS + 120))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$1" || true) == 200 ]]; do
    ((SECONDS < deadline)) || { log "$1 did not become ready"; return 1; }
    sleep 0.5
  done
}

# Waits until the program's progress log has a line matching $1.
wait_for_progress() { until grep -q "$1" "$WORK/progress.log" 2>/dev/null; do sleep 0.2; done; }

# Samples PID's threads once the program says the set-up is done (the stampede starts right after).
trace_stampede() {
  local tool=${DOTNET_TRACE:-$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")}
  wait_for_progress '^setup:'
  "$tool" collect -p "$1" --profile dotnet-sampled-thread-time --duration "00:00:00:${BENCH_TRACE_SECONDS:-20}" \
    -o "$BENCH_TRACE" >"$WORK/trace.log" 2>&1 || log "dotnet-trace failed: see $WORK/trace.log"
}

# On-CPU samples of PID (thread-time sampling above also counts threads that wait).
perf_stampede() {
  wait_for_progress "${BENCH_PERF_FROM:-^setup:}"
  perf record -F 99 -g -p "$1" -o "$BENCH_PERF" -- sleep "${BENCH_TRACE_SECONDS:-20}" >"$WORK/perf.log" 2>&1 ||
    log "perf failed: see $WORK/perf.log"
}

embedded() {
  local port=${BENCH_PORT:-5390} rc=0
  log "publishing the server binary"
  # shellcheck disable=SC2086 # BENCH_PUBLISH_ARGS is a list of flags
  dotnet publish src/Ticketing.Server -c Release --use-current-runtime --self-contained false -o "$WORK/app" --nologo -v q ${BENCH_PUBLISH_ARGS:-} >"$WORK/publish.log"
  mkdir -p "$WORK/data"
  # perf resolves JIT frames from the perf map only when code is not double-mapped (W^X off).
  [[ -z ${BENCH_PERF:-} ]] || export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
  # shellcheck disable=SC2086 # BENCH_SERVER_ENV is a list of NAME=VALUE pairs
  env ${BENCH_SERVER_ENV:-} Ticketing__DataDirectory="$WORK/data" nohup dotnet "$WORK/app/ticketing.dll" --urls "http://127.0.0.1:$port" \
    >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  trap 'kill $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true' EXIT
  wait_ready "http://127.0.0.1:$port/health/ready"
  [[ -z ${BENCH_TRACE:-} ]] || trace_stampede "$SERVER_PID" &
  [[ -z ${BENCH_PERF:-} ]] || perf_stampede "$SERVER_PID" &
  bench --topology embedded --url "http://127.0.0.1:$port" --sqlite "$WORK/data" --pids "server=$SERVER_PID" \
    2> >(tee "$WORK/progress.log" >&2) || rc=$?
  log "server log: $WORK/server.log"
  return $rc
}

distributed() {
  export TICKETING_CLUSTER_ROOT=${TICKETING_CLUSTER_ROOT:-/tmp/ticketing-bench-cluster}
  export TICKETING_CLUSTER_PORT=${TICKETING_CLUSTER_PORT:-8180}
  export TICKETING_CLUSTER_BASE_PORT=${TICKETING_CLUSTER_BASE_PORT:-5300}
  export TICKETING_CLUSTER_PG_PORT=${TICKETING_CLUSTER_PG_PORT:-55632}
  export TICKETING_CLUSTER_RABBIT_PORT=${TICKETING_CLUSTER_RABBIT_PORT:-56920}
  export TICKETING_CLUSTER_NAME=${TICKETING_CLUSTER_NAME:-bench}
  local pg pgbin rc=0
  [[ -n ${BENCH_KEEP_CLUSTER:-} ]] || trap 'bash deploy/local/cluster.sh stop || true' EXIT
  bash deploy/local/cluster.sh start
  if [[ -n ${TICKETING_CLUSTER_POSTGRES:-} ]]; then
    pg=$TICKETING_CLUSTER_POSTGRES
  else
    pg=$(TICKETING_INFRA_ROOT="$TICKETING_CLUSTER_ROOT/infra" TICKETING_PG_PORT=$TICKETING_CLUSTER_PG_PORT \
      TICKETING_RABBIT_PORT=$TICKETING_CLUSTER_RABBIT_PORT bash scripts/infra.sh env | sed -n 's/^export TICKETING_TEST_POSTGRES=//p' | tr -d "'\"")
  fi
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  # The hello endpoint is the web process's (nginx sends "/" there), so both wrk runs cross nginx once.
  bench --topology distributed --url "http://127.0.0.1:$TICKETING_CLUSTER_PORT" \
    --postgres "$pg" --db-prefix "$TICKETING_CLUSTER_NAME" --pids "$TICKETING_CLUSTER_ROOT/run" \
    --pg-bin "$pgbin" --pgbench-script bench/pgbench/reserve.sql || rc=$?
  log "service logs: $TICKETING_CLUSTER_ROOT/logs"
  return $rc
}

case $TOPOLOGY in
  embedded) embedded ;;
  distributed) distributed ;;
  *) echo "usage: $0 embedded|distributed" >&2; exit 2 ;;
esac
