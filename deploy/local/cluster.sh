#!/usr/bin/env bash
# The distributed topology on one machine: PostgreSQL (a database per service), RabbitMQ,
# one process per service from the one server binary, and an nginx edge routing the public
# paths. Everything listens on loopback; logs go to one folder.
#
#   deploy/local/cluster.sh start | stop | status
#   deploy/local/cluster.sh kill NAME            kill -9 one instance (e.g. ordering-1), no clean-up
#   deploy/local/cluster.sh start-instance NAME  start that instance again and wait until it is ready
#   deploy/local/cluster.sh infra COMMAND        scripts/infra.sh COMMAND on the cluster's own
#                                                throwaway servers (e.g. stop-rabbitmq, restart-postgres)
#
# Settings (environment):
#   TICKETING_CLUSTER_ROOT      working folder (default /tmp/ticketing-cluster): app, logs, pids, data
#   TICKETING_CLUSTER_PORT      edge port (default 8080)
#   TICKETING_CLUSTER_BASE_PORT first service port (default 5100; identity 5101, catalog 5102, ...)
#   TICKETING_CLUSTER_REPLICAS  extra instances, e.g. "ordering=2,expiration=2"
#   TICKETING_CLUSTER_NAME      database and broker prefix (default ticketing), so several clusters
#                               (or test runs) can share one PostgreSQL and one RabbitMQ
#   TICKETING_CLUSTER_POSTGRES / TICKETING_CLUSTER_RABBITMQ
#                               use running servers (Npgsql connection string without a database,
#                               AMQP URI) instead of starting throwaway ones with scripts/infra.sh
# Any other variable in the environment (e.g. Ordering__HoldDuration=00:00:05) reaches every process.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=${TICKETING_CLUSTER_ROOT:-/tmp/ticketing-cluster}
EDGE_PORT=${TICKETING_CLUSTER_PORT:-8080}
BASE_PORT=${TICKETING_CLUSTER_BASE_PORT:-5100}
NAME=${TICKETING_CLUSTER_NAME:-ticketing}
SERVICES=(identity catalog ordering payments expiration notifications web)
DATABASES=(identity catalog ordering payments expiration notifications)
export PATH="$PATH:/usr/sbin:/sbin"

log() { echo "cluster: $*" >&2; }

replicas_of() {
  local spec=${TICKETING_CLUSTER_REPLICAS:-} item
  for item in ${spec//,/ }; do
    if [[ ${item%%=*} == "$1" ]]; then echo "${item#*=}"; return; fi
  done
  echo 1
}

# Instance list: "name service port" lines; replica n of a service gets port + 10*(n-1).
instances() {
  local i s n
  for i in "${!SERVICES[@]}"; do
    s=${SERVICES[$i]}
    for ((n = 1; n <= $(replicas_of "$s"); n++)); do
      echo "$s-$n $s $((BASE_PORT + i + 1 + 10 * (n - 1)))"
    done
  done
}

external_infra() { [[ -n ${TICKETING_CLUSTER_POSTGRES:-} && -n ${TICKETING_CLUSTER_RABBITMQ:-} ]]; }

infra() {
  TICKETING_INFRA_ROOT="$ROOT/infra" TICKETING_PG_PORT=${TICKETING_CLUSTER_PG_PORT:-55532} \
    TICKETING_RABBIT_PORT=${TICKETING_CLUSTER_RABBIT_PORT:-56820} bash scripts/infra.sh "$@"
}

# Sets PG and AMQP; with $1 = start, starts the throwaway servers first.
start_infra() {
  if external_infra; then
    PG=$TICKETING_CLUSTER_POSTGRES; AMQP=$TICKETING_CLUSTER_RABBITMQ
    return
  fi
  local exports
  exports=$(infra "${1:-start}")
  eval "$exports"
  PG=$TICKETING_TEST_POSTGRES; AMQP=$TICKETING_TEST_RABBITMQ
  [[ ${1:-start} != start ]] || touch "$ROOT/run/infra-started"
}

# Settings every process shares; only Ticketing__Services and the port differ between them.
common_env() {
  local d
  echo "Ticketing__MigrateOnStartup=false"
  echo "Messaging__Transport=RabbitMq"
  echo "Messaging__RabbitMq__Uri=$AMQP"
  echo "Messaging__RabbitMq__Prefix=$NAME"
  echo "Auth__MetadataAddress=http://127.0.0.1:$((BASE_PORT + 1))/.well-known/openid-configuration"
  echo "Auth__SigningKeys__0__PemFile=$ROOT/signing-key.pem"
  echo "Catalog__PassSigningKey__PemFile=$ROOT/pass-signing-key.pem"
  # Calls between services go through the edge, which knows every instance: Payments asks
  # Ordering for orders it has not heard of yet, the web front end calls the APIs.
  echo "Payments__OrderingUrl=http://127.0.0.1:$EDGE_PORT"
  echo "Web__ApiBaseUrl=http://127.0.0.1:$EDGE_PORT"
  for d in "${DATABASES[@]}"; do echo "ConnectionStrings__$d=$PG;Database=${NAME}_$d"; done
}

write_nginx() {
  local s name service port
  mkdir -p "$ROOT/nginx/tmp"
  {
    # A proxied request holds two connections (the client's and the upstream's): with 4,096, a
    # 2,000-buyer stampede ran out, and nginx closed idle keep-alive connections that clients were
    # about to reuse (85 connection errors per run). A hard file limit below the one asked for only
    # logs an alert; nginx keeps the limit it has.
    echo "worker_processes 1; worker_rlimit_nofile 20000; pid $ROOT/nginx/nginx.pid; error_log $ROOT/logs/nginx-error.log warn;"
    echo "events { worker_connections 10000; }"
    echo "http {"
    echo "  access_log $ROOT/logs/nginx-access.log; client_body_temp_path $ROOT/nginx/tmp/body;"
    echo "  proxy_temp_path $ROOT/nginx/tmp/proxy; fastcgi_temp_path $ROOT/nginx/tmp/fastcgi;"
    echo "  uwsgi_temp_path $ROOT/nginx/tmp/uwsgi; scgi_temp_path $ROOT/nginx/tmp/scgi;"
    echo "  client_max_body_size 1m; proxy_http_version 1.1; proxy_set_header Connection \"\";"
    echo "  proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"
    echo "  proxy_set_header X-Forwarded-Proto \$scheme; proxy_read_timeout 60s;"
    for s in "${SERVICES[@]}"; do
      echo "  upstream $s { keepalive 32;"
      while read -r name service port; do
        [[ $service == "$s" ]] && echo "    server 127.0.0.1:$port max_fails=1 fail_timeout=2s;"
      done < <(instances)
      echo "  }"
    done
    echo "  server { listen 127.0.0.1:$EDGE_PORT;"
    # An instance that is down or restarting is a temporary outage, as the services report
    # their own dependencies' outages: 503 problem details with Retry-After, not a bare 502.
    echo "    error_page 502 504 = @unavailable;"
    echo "    location @unavailable { add_header Retry-After 2 always; default_type application/problem+json;"
    echo "      return 503 '{\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"The service is restarting; try again shortly.\"}'; }"
    echo "    location /api/users { proxy_pass http://identity; }"
    echo "    location /.well-known/ { proxy_pass http://identity; }"
    for s in tickets events passes checkins; do echo "    location /api/$s { proxy_pass http://catalog; }"; done
    echo "    location /api/orders { proxy_pass http://ordering; }"
    echo "    location /api/waiting-rooms { proxy_pass http://ordering; }"
    echo "    location /api/payments { proxy_pass http://payments; }"
    echo "    location /api/notifications { proxy_pass http://notifications; }"
    # Server-sent events on the pages must not be buffered.
    echo "    location / { proxy_pass http://web; proxy_buffering off; }"
    echo "  }"
    echo "}"
  } >"$ROOT/nginx/nginx.conf"
}

wait_ready() {
  local url=$1 name=$2 deadline=$((SECONDS + 90))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$url" || true) == 200 ]]; do
    if ((SECONDS > deadline)); then log "$name did not become ready; see $ROOT/logs/$name.log"; return 1; fi
    sleep 0.5
  done
}

# launch NAME SERVICE PORT (needs the array `shared`); a restarted instance appends to its log.
launch() {
  env "${shared[@]}" Ticketing__Services="$2" Ticketing__DataDirectory="$ROOT/data/$1" \
    nohup dotnet "$ROOT/app/ticketing.dll" --urls "http://127.0.0.1:$3" >>"$ROOT/logs/$1.log" 2>&1 &
  echo $! >"$ROOT/run/$1.pid"
}

instance() {
  local line
  line=$(instances | awk -v n="$1" '$1 == n') || true
  [[ -n $line ]] || { log "no instance named $1"; exit 2; }
  echo "$line"
}

kill_instance() {
  instance "$1" >/dev/null
  [[ -f $ROOT/run/$1.pid ]] && kill -9 "$(cat "$ROOT/run/$1.pid")" 2>/dev/null || true
  rm -f "$ROOT/run/$1.pid"
}

start_instance() {
  local name service port
  read -r name service port < <(instance "$1")
  if [[ -f $ROOT/run/$name.pid ]] && kill -0 "$(cat "$ROOT/run/$name.pid")" 2>/dev/null; then
    log "$name is already running"; return 0
  fi
  start_infra env
  mapfile -t shared < <(common_env)
  launch "$name" "$service" "$port"
  wait_ready "http://127.0.0.1:$port/health/ready" "$name"
}

start() {
  mkdir -p "$ROOT/logs" "$ROOT/run" "$ROOT/data"
  command -v nginx >/dev/null || { log "installing nginx"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }
  start_infra
  log "publishing the server binary"
  dotnet publish src/Ticketing.Server -c Release --use-current-runtime --self-contained false -o "$ROOT/app" --nologo -v q >"$ROOT/logs/publish.log"
  # Token and QR pass keys are shared by every replica, as a Kubernetes secret would be.
  local key
  for key in signing-key pass-signing-key; do
    [[ -f $ROOT/$key.pem ]] || openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null \
      | openssl pkcs8 -topk8 -nocrypt -out "$ROOT/$key.pem"
  done
  mapfile -t shared < <(common_env)
  log "migrating ${#DATABASES[@]} databases"
  env "${shared[@]}" Ticketing__DataDirectory="$ROOT/data/migrate" \
    dotnet "$ROOT/app/ticketing.dll" migrate >"$ROOT/logs/migrate.log" 2>&1
  local name service port
  while read -r name service port; do launch "$name" "$service" "$port"; done < <(instances)
  while read -r name service port; do wait_ready "http://127.0.0.1:$port/health/ready" "$name"; done < <(instances)
  write_nginx
  nginx -p "$ROOT/nginx" -c "$ROOT/nginx/nginx.conf"
  wait_ready "http://127.0.0.1:$EDGE_PORT/api/users/currentuser" nginx
  log "ready at http://127.0.0.1:$EDGE_PORT (logs in $ROOT/logs)"
}

stop() {
  local pidfile pid
  [[ -f $ROOT/nginx/nginx.pid ]] && nginx -p "$ROOT/nginx" -c "$ROOT/nginx/nginx.conf" -s quit 2>/dev/null || true
  for pidfile in "$ROOT"/run/*.pid; do
    [[ -f $pidfile ]] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
  if [[ -f $ROOT/run/infra-started ]]; then
    # With the cluster's ports: rabbitmqctl must find this root's node, not the one on the default port.
    infra stop || true
    rm -f "$ROOT/run/infra-started"
  fi
  log "stopped"
}

status() {
  local name service port state code rc=0
  while read -r name service port; do
    state=stopped
    if [[ -f $ROOT/run/$name.pid ]] && kill -0 "$(cat "$ROOT/run/$name.pid")" 2>/dev/null; then state=running; fi
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)
    printf '%-16s %-8s port %-5s ready=%s\n' "$name" "$state" "$port" "$code"
    [[ $code == 200 ]] || rc=1
  done < <(instances)
  return $rc
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill) kill_instance "${2:?instance name}" ;;
  start-instance) start_instance "${2:?instance name}" ;;
  infra)
    shift
    external_infra && { log "the cluster uses external servers; not touching them"; exit 2; }
    infra "$@" ;;
  *) echo "usage: $0 start|stop|status|kill NAME|start-instance NAME|infra COMMAND" >&2; exit 2 ;;
esac
