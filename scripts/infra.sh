#!/usr/bin/env bash
# Throwaway PostgreSQL and RabbitMQ on 127.0.0.1 for tests and local runs.
#
#   scripts/infra.sh start     install if missing, start (or reuse), print export lines
#   scripts/infra.sh stop      stop what `start` started from this root, delete its folders
#   scripts/infra.sh status    exit 0 when both servers of this root are running
#   scripts/infra.sh env       print the export lines (eval "$(scripts/infra.sh env)")
#   scripts/infra.sh rabbitmqctl ARGS...   talk to this root's RabbitMQ node
#   scripts/infra.sh stop-postgres | start-postgres | restart-postgres
#   scripts/infra.sh stop-rabbitmq | start-rabbitmq
#                              take ONE server of this root down or up again, keeping its data
#                              (fault tests: a broker outage, a database restart)
#
# Settings: TICKETING_INFRA_ROOT (default /tmp/ticketing-infra), TICKETING_PG_PORT
# (55432), TICKETING_RABBIT_PORT (56720; the next 13 ports are used too),
# TICKETING_INSTALL_BROWSER=1 also installs chromium.
# Works as root (postgres then runs as the postgres user) or as a user who
# already has the binaries. Progress goes to stderr; stdout only carries exports.
set -euo pipefail
# runuser, and apt's helpers, live in sbin, which non-login shells may lack.
PATH=$PATH:/usr/sbin:/sbin

ROOT=${TICKETING_INFRA_ROOT:-/tmp/ticketing-infra}
case $ROOT in /*) ;; *) ROOT=$PWD/$ROOT ;; esac
PG_PORT=${TICKETING_PG_PORT:-55432}
RABBIT_PORT=${TICKETING_RABBIT_PORT:-56720}
PG_DIR=$ROOT/postgres
RABBIT_DIR=$ROOT/rabbitmq
STATE=$ROOT/started # one line per server this script started: postgres, rabbitmq
POLICY=/usr/sbin/policy-rc.d

log() { echo "infra: $*" >&2; }
die() {
  log "error: $*"
  [ -z "${STARTING:-}" ] || log "servers this run launched keep running; 'scripts/infra.sh stop' removes them"
  exit 1
}
is_root() { [ "$(id -u)" -eq 0 ]; }

# ---------------------------------------------------------------- binaries
pg_bin() {
  local d
  # Debian keeps the server tools off PATH, one folder per major version.
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  d=$(command -v initdb 2>/dev/null) && dirname "$d"
  return 0
}

rabbit_bin() {
  # The /usr/sbin wrappers switch user and cookie; the real scripts live here.
  if [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
    echo /usr/lib/rabbitmq/bin
  else
    local d
    d=$(command -v rabbitmq-server 2>/dev/null) && dirname "$d"
  fi
  return 0
}

epmd_bin() {
  command -v epmd 2>/dev/null || ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | sort -V | tail -n 1
}

# ---------------------------------------------------------------- packages
# apt-get update does not wait for another apt/dpkg run's locks, so wait here.
wait_for_apt() {
  local i
  for ((i = 0; i < 600; i++)); do
    grep -qsxE 'apt|apt-get|aptitude|dpkg|unattended-upgr' /proc/[0-9]*/comm || return 0
    ((i % 30)) || log "waiting for another apt/dpkg run to finish"
    sleep 1
  done
  die "another apt/dpkg run is still busy after 10 minutes"
}

ensure_packages() {
  local missing=()
  [ -n "$(pg_bin)" ] || missing+=(postgresql)
  [ -n "$(rabbit_bin)" ] || missing+=(rabbitmq-server)
  if [ "${TICKETING_INSTALL_BROWSER:-0}" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
    missing+=(chromium)
  fi
  [ ${#missing[@]} -gt 0 ] || return 0

  local sudo=()
  if ! is_root; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null ||
      die "missing packages: ${missing[*]}; install them or run as root"
    sudo=(sudo -n)
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing: ${missing[*]}, and no apt-get to install them"
  log "installing ${missing[*]}"

  # Without policy-rc.d the packages start their services at once, on 0.0.0.0.
  local made_policy=0 rc=0
  if [ ! -e "$POLICY" ]; then
    printf '#!/bin/sh\n# added by scripts/infra.sh while it installs packages\nexit 101\n' |
      "${sudo[@]}" tee "$POLICY" >/dev/null
    "${sudo[@]}" chmod 755 "$POLICY"
    made_policy=1
  fi
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=600)
  wait_for_apt
  "${apt[@]}" update >&2 && "${apt[@]}" install "${missing[@]}" >&2 || rc=$?
  [ "$made_policy" = 0 ] || "${sudo[@]}" rm -f "$POLICY"
  [ "$rc" = 0 ] || die "apt-get install ${missing[*]} failed (exit $rc)"
}

# ---------------------------------------------------------------- helpers
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

record() { grep -qsx "$1" "$STATE" || echo "$1" >>"$STATE"; }
recorded() { grep -qsx "$1" "$STATE"; }

# initdb and pg_ctl refuse to run as root; cd / so the postgres user never
# trips over an unreadable working directory.
as_pg() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

pg_running() {
  local bin
  bin=$(pg_bin)
  [ -n "$bin" ] && [ -f "$PG_DIR/data/PG_VERSION" ] &&
    as_pg "$bin/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1
}

# Every port explicit, or the Erlang distribution port drifts and epmd listens on 0.0.0.0.
rabbit_env() {
  local p=$RABBIT_PORT r=$RABBIT_DIR
  export HOME=$r RABBITMQ_NODENAME=ticketing@localhost RABBITMQ_USE_LONGNAME=false \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$p \
    RABBITMQ_DIST_PORT=$((p + 1)) RABBITMQ_CTL_DIST_PORT_MIN=$((p + 2)) RABBITMQ_CTL_DIST_PORT_MAX=$((p + 12)) \
    ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=$((p + 13)) \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    RABBITMQ_MNESIA_BASE=$r/mnesia RABBITMQ_LOG_BASE=$r/log \
    RABBITMQ_CONFIG_FILE=$r/rabbitmq RABBITMQ_ADVANCED_CONFIG_FILE=$r/advanced.config \
    RABBITMQ_ENABLED_PLUGINS_FILE=$r/enabled_plugins RABBITMQ_CONF_ENV_FILE=$r/rabbitmq-env.conf \
    RABBITMQ_PID_FILE=$r/rabbit.pid PATH="$(rabbit_bin):$PATH"
}

# Run a command with this root's RabbitMQ environment, without leaking it.
with_rabbit() { (rabbit_env && "$@"); }

pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
rabbit_running() { pid_alive "$RABBIT_DIR/rabbit.pid" || pid_alive "$RABBIT_DIR/launcher.pid"; }

# ---------------------------------------------------------------- start
# Kicked off first and left booting (~11 s) while PostgreSQL starts.
launch_rabbit() {
  if rabbit_running; then
    log "rabbitmq: already running from $RABBIT_DIR, reusing it"
    return 0
  fi
  port_open "$RABBIT_PORT" && die "port $RABBIT_PORT is taken by something else; set TICKETING_RABBIT_PORT"
  port_open $((RABBIT_PORT + 1)) && die "port $((RABBIT_PORT + 1)) is taken; set TICKETING_RABBIT_PORT"
  rm -rf "$RABBIT_DIR"
  mkdir -p "$RABBIT_DIR/log" "$RABBIT_DIR/mnesia"
  write_rabbit_config
  boot_rabbit
  record rabbitmq
  log "rabbitmq: booting on 127.0.0.1:$RABBIT_PORT"
}

write_rabbit_config() {
  : >"$RABBIT_DIR/rabbitmq-env.conf"
  echo '[].' >"$RABBIT_DIR/enabled_plugins"
  echo '[].' >"$RABBIT_DIR/advanced.config"
  # A small disk limit: test machines often have little free space in /tmp.
  printf 'listeners.tcp.default = 127.0.0.1:%s\ndisk_free_limit.absolute = 50MB\n' "$RABBIT_PORT" \
    >"$RABBIT_DIR/rabbitmq.conf"
}

boot_rabbit() {
  # setsid: the node must outlive this script and ignore the terminal's Ctrl-C.
  (
    rabbit_env
    cd "$RABBIT_DIR"
    setsid nohup rabbitmq-server >"$RABBIT_DIR/log/startup.out" 2>&1 </dev/null &
    echo $! >"$RABBIT_DIR/launcher.pid"
  )
}

# Starts the server on an existing data folder.
pg_ctl_start() {
  # fsync=off: the data is thrown away, durability only costs time.
  as_pg "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$PG_DIR/run' -c max_connections=300 -c fsync=off" \
    start >/dev/null || {
    tail -n 30 "$PG_DIR/server.log" >&2 || true
    die "postgres did not start"
  }
}

start_postgres() {
  local bin
  bin=$(pg_bin)
  if pg_running; then
    log "postgres: already running from $PG_DIR, reusing it"
  else
    port_open "$PG_PORT" && die "port $PG_PORT is taken by something else; set TICKETING_PG_PORT"
    rm -rf "$PG_DIR"
    mkdir -p "$PG_DIR/run"
    if is_root; then chown -R postgres: "$PG_DIR"; fi
    as_pg test -w "$PG_DIR" ||
      die "the postgres user cannot write $PG_DIR; choose a TICKETING_INFRA_ROOT it can reach (not under /root)"
    as_pg "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync \
      >"$PG_DIR/initdb.log" 2>&1 || {
      cat "$PG_DIR/initdb.log" >&2
      die "initdb failed"
    }
    pg_ctl_start
    record postgres
  fi
  local i
  for ((i = 0; i < 150; i++)); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && {
      log "postgres: ready on 127.0.0.1:$PG_PORT"
      return 0
    }
    sleep 0.2
  done
  die "postgres does not answer on 127.0.0.1:$PG_PORT (see $PG_DIR/server.log)"
}

wait_rabbit() {
  local deadline=$((SECONDS + 120))
  until port_open "$RABBIT_PORT"; do
    rabbit_running || {
      tail -n 30 "$RABBIT_DIR/log/startup.out" >&2 || true
      die "rabbitmq exited while booting (logs in $RABBIT_DIR/log)"
    }
    ((SECONDS < deadline)) || die "rabbitmq did not open port $RABBIT_PORT within 120 s"
    sleep 0.2
  done
  with_rabbit rabbitmqctl -q await_startup >&2 || die "rabbitmq did not finish booting"
  log "rabbitmq: ready on 127.0.0.1:$RABBIT_PORT"
}

print_env() {
  echo "export TICKETING_TEST_POSTGRES=\"Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres\""
  echo "export TICKETING_TEST_RABBITMQ=\"amqp://guest:guest@127.0.0.1:$RABBIT_PORT/\""
}

cmd_start() {
  ensure_packages
  [ -n "$(pg_bin)" ] || die "PostgreSQL server binaries (initdb, pg_ctl) not found"
  [ -n "$(rabbit_bin)" ] || die "rabbitmq-server not found"
  # The postgres user must be able to traverse the root.
  [ -d "$ROOT" ] || mkdir -p -m 755 "$ROOT"
  as_pg test -x "$ROOT" || {
    rmdir "$ROOT" 2>/dev/null || true
    die "the postgres user cannot reach $ROOT; choose a TICKETING_INFRA_ROOT outside /root"
  }
  STARTING=1
  launch_rabbit
  start_postgres
  wait_rabbit
  print_env
}

# ---------------------------------------------------------------- stop
stop_postgres() {
  if pg_running; then
    log "postgres: stopping"
    as_pg "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null
  fi
}

stop_rabbit() {
  local out
  if pid_alive "$RABBIT_DIR/rabbit.pid"; then
    log "rabbitmq: stopping"
    # `stop PIDFILE` returns once the node's OS process has exited.
    out=$(with_rabbit rabbitmqctl -q stop "$RABBIT_DIR/rabbit.pid" 2>&1) || {
      echo "$out" >&2
      kill "$(cat "$RABBIT_DIR/rabbit.pid")" 2>/dev/null || true
    }
  fi
  # The launcher shell exits after the node. If the node never wrote its pid
  # (stopped while booting), TERM makes the launcher stop it.
  wait_gone "$RABBIT_DIR/launcher.pid" 50 || {
    log "rabbitmq: stopping its launcher"
    kill "$(cat "$RABBIT_DIR/launcher.pid")" 2>/dev/null || true
    wait_gone "$RABBIT_DIR/launcher.pid" 150 || log "warning: rabbitmq launcher still running"
  }
  # epmd is a daemon of its own; it would keep running after the node.
  local epmd
  epmd=$(epmd_bin)
  if [ -n "$epmd" ]; then
    ERL_EPMD_ADDRESS=127.0.0.1 "$epmd" -port $((RABBIT_PORT + 13)) -kill >/dev/null 2>&1 || true
  fi
}

# wait_gone PIDFILE TENTHS: wait up to TENTHS/10 s for that process to exit.
wait_gone() {
  local i
  for ((i = 0; i < $2; i++)); do
    pid_alive "$1" || return 0
    sleep 0.1
  done
  return 1
}

cmd_stop() {
  if [ ! -d "$ROOT" ]; then
    log "nothing to stop in $ROOT"
    return 0
  fi
  if recorded postgres; then stop_postgres; fi
  if recorded rabbitmq; then stop_rabbit; fi
  # Never delete folders under a server that is still running.
  pg_running && die "postgres in $PG_DIR is still running; not deleting it"
  rabbit_running && die "rabbitmq in $RABBIT_DIR is still running; not deleting it"
  rm -rf "$PG_DIR" "$RABBIT_DIR" "$STATE"
  # Only the root itself, and only if empty: it may be a folder someone chose.
  rmdir "$ROOT" 2>/dev/null || true
  log "stopped; removed the throwaway folders in $ROOT"
}

cmd_status() {
  local rc=0
  if pg_running; then
    log "postgres: running on 127.0.0.1:$PG_PORT"
  else
    log "postgres: not running"
    rc=1
  fi
  if rabbit_running && port_open "$RABBIT_PORT"; then
    log "rabbitmq: running on 127.0.0.1:$RABBIT_PORT"
  else
    log "rabbitmq: not running"
    rc=1
  fi
  return $rc
}

# ---------------------------------------------------------------- one server down/up
# Only servers this root started, and their data stays: queues and databases survive.
need_recorded() { recorded "$1" || die "$1 of $ROOT was not started by 'scripts/infra.sh start'"; }

cmd_start_postgres() {
  need_recorded postgres
  pg_running || pg_ctl_start
  start_postgres
}

cmd_start_rabbit() {
  need_recorded rabbitmq
  if ! rabbit_running; then
    boot_rabbit
    log "rabbitmq: booting again on 127.0.0.1:$RABBIT_PORT"
  fi
  wait_rabbit
}

case ${1:-} in
stop-postgres) need_recorded postgres && stop_postgres ;;
start-postgres) cmd_start_postgres ;;
restart-postgres) need_recorded postgres && stop_postgres && cmd_start_postgres ;;
stop-rabbitmq) need_recorded rabbitmq && stop_rabbit ;;
start-rabbitmq) cmd_start_rabbit ;;
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
env) print_env ;;
rabbitmqctl)
  shift
  with_rabbit rabbitmqctl "$@"
  ;;
*)
  echo "usage: $0 start|stop|status|env|rabbitmqctl ARGS...|stop-postgres|start-postgres|restart-postgres|stop-rabbitmq|start-rabbitmq" >&2
  exit 2
  ;;
esac
