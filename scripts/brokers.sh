#!/usr/bin/env bash
# Flowbench local brokers: a real Apache Kafka (KRaft) and a real RabbitMQ.
#
#   npm run brokers -- up       # start what is not already reachable
#   npm run brokers -- status   # reachable / unreachable for each
#   npm run brokers -- down     # stop only what `up` started
#   npm run brokers -- logs     # where the logs are
#   npm run brokers -- reset    # down, then wipe Kafka's data dir (topics, offsets)
#
# Kafka:    127.0.0.1:9092 (PLAINTEXT), KRaft controller on 127.0.0.1:9093, single
#           node (broker+controller), auto.create.topics.enable=false. Apache's own
#           jars are fetched from Maven Central with Maven (scripts/kafka/pom.xml)
#           into ${FLOWBENCH_CACHE:-~/.cache/flowbench}/kafka-<version>/libs.
# RabbitMQ: 127.0.0.1:5672, guest/guest, Debian's rabbitmq-server package.
#
# If a port already accepts connections the broker there is reused (and left
# alone by `down`). State (pids, what `up` started, Kafka's data and logs) lives
# in ${FLOWBENCH_STATE:-~/.local/state/flowbench}/brokers.
#
# Environment:
#   FLOWBENCH_KAFKA_VERSION   Apache Kafka version (default 3.9.2; keep 3.9.x for kafkajs 2.2.4)
#   FLOWBENCH_KAFKA_HEAP      JVM heap flags (default "-Xms256m -Xmx512m")
#   FLOWBENCH_CACHE           cache dir for the Kafka jars
#   FLOWBENCH_STATE           state dir (the brokers/ subdir is used)
#   FLOWBENCH_BROKERS_TIMEOUT seconds to wait for each broker to accept connections (default 120)
#   FLOWBENCH_SKIP_KAFKA=1 / FLOWBENCH_SKIP_RABBITMQ=1   leave that broker out
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

KAFKA_VERSION="${FLOWBENCH_KAFKA_VERSION:-3.9.2}"
KAFKA_HOST=127.0.0.1
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
RABBIT_HOST=127.0.0.1
RABBIT_PORT=5672
RABBIT_NODENAME=rabbit@localhost
KAFKA_HEAP="${FLOWBENCH_KAFKA_HEAP:--Xms256m -Xmx512m}"
TIMEOUT="${FLOWBENCH_BROKERS_TIMEOUT:-120}"

CACHE_DIR="${FLOWBENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/flowbench}"
STATE_ROOT="${FLOWBENCH_STATE:-${XDG_STATE_HOME:-$HOME/.local/state}/flowbench}"
STATE_DIR="$STATE_ROOT/brokers"
KAFKA_HOME="$CACHE_DIR/kafka-$KAFKA_VERSION"
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_STATE="$STATE_DIR/kafka"
KAFKA_DATA="$KAFKA_STATE/data"
KAFKA_LOGS="$KAFKA_STATE/logs"
KAFKA_PID="$STATE_DIR/kafka.pid"
RABBIT_STATE="$STATE_DIR/rabbitmq"
RABBIT_PID="$STATE_DIR/rabbitmq.pid"
RABBIT_STARTED="$STATE_DIR/rabbitmq.started-by-flowbench"
RABBIT_LOG_DIR=/var/log/rabbitmq

export DEBIAN_FRONTEND=noninteractive

say() { printf '[brokers] %s\n' "$*"; }
warn() { printf '[brokers] %s\n' "$*" >&2; }
die() {
  printf '[brokers] ERROR: %s\n' "$*" >&2
  exit 1
}

# port_open HOST PORT: true if something accepts TCP connections there.
port_open() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

pid_alive() {
  local f="$1" pid
  [[ -s "$f" ]] || return 1
  pid="$(cat "$f" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null
}

# The Kafka pid file is only trusted if the process is still our kafka.Kafka JVM.
kafka_pid_alive() {
  pid_alive "$KAFKA_PID" || return 1
  tr '\0' ' ' <"/proc/$(cat "$KAFKA_PID")/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka'
}

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@" </dev/null || die "need root for: $* (sudo -n failed; run it yourself or as root)"
  else
    die "need root for: $*"
  fi
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install $* yourself (or use docker compose up -d)"
  mkdir -p "$STATE_DIR"
  local log="$STATE_DIR/apt.log"
  say "installing $* with apt-get (log: $log) ..."
  if [[ "$APT_UPDATED" -eq 0 ]]; then
    if ! as_root apt-get update -o DPkg::Lock::Timeout=600 >"$log" 2>&1 </dev/null; then
      tail -n 20 "$log" >&2
      die "apt-get update failed (log: $log)"
    fi
    APT_UPDATED=1
  fi
  # DPkg::Lock::Timeout waits for another apt/dpkg run instead of failing at once.
  if ! as_root apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "$@" \
    >>"$log" 2>&1 </dev/null; then
    tail -n 20 "$log" >&2
    die "apt-get install $* failed (log: $log)"
  fi
}

# ---------------------------------------------------------------------------
# Kafka
# ---------------------------------------------------------------------------

ensure_java_maven() {
  local missing=()
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
  if [[ ! -f "$KAFKA_LIBS/.complete" ]]; then
    command -v mvn >/dev/null 2>&1 || missing+=(maven)
  fi
  if [[ ${#missing[@]} -gt 0 ]]; then apt_install "${missing[@]}"; fi
  local major
  major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  if [[ -n "$major" && "$major" -lt 11 ]]; then
    die "Kafka $KAFKA_VERSION needs Java 11+ (found $major)"
  fi
}

fetch_kafka() {
  if [[ -f "$KAFKA_LIBS/.complete" ]]; then
    return 0
  fi
  say "fetching Apache Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIBS ..."
  local tmp="$KAFKA_HOME/libs.tmp.$$"
  mkdir -p "$KAFKA_HOME"
  rm -rf "$tmp"
  mkdir -p "$STATE_DIR"
  local log="$STATE_DIR/mvn.log"
  if ! mvn -B -Dstyle.color=never -f "$SCRIPT_DIR/kafka/pom.xml" \
    -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" \
    >"$log" 2>&1 </dev/null; then
    grep -E 'ERROR|FAIL' "$log" | head -n 20 >&2 || tail -n 20 "$log" >&2
    rm -rf "$tmp"
    die "mvn could not fetch org.apache.kafka:kafka_2.13:$KAFKA_VERSION (is Maven Central reachable?)"
  fi
  [[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] || die "kafka_2.13-$KAFKA_VERSION.jar missing after mvn"
  touch "$tmp/.complete"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
}

write_kafka_config() {
  mkdir -p "$KAFKA_STATE" "$KAFKA_DATA" "$KAFKA_LOGS"
  cat >"$KAFKA_STATE/server.properties" <<EOF
# Written by scripts/brokers.sh (Flowbench); rewritten on every \`up\`.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA

auto.create.topics.enable=false
delete.topic.enable=true
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
group.initial.rebalance.delay.ms=0

# Small machine (2 cores): fewer threads than the defaults.
num.network.threads=2
num.io.threads=4
background.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=24
log.segment.bytes=67108864
EOF
  cat >"$KAFKA_STATE/log4j.properties" <<EOF
# Written by scripts/brokers.sh (Flowbench).
log4j.rootLogger=INFO, server
log4j.appender.server=org.apache.log4j.RollingFileAppender
log4j.appender.server.File=$KAFKA_LOGS/server.log
log4j.appender.server.MaxFileSize=20MB
log4j.appender.server.MaxBackupIndex=3
log4j.appender.server.layout=org.apache.log4j.PatternLayout
log4j.appender.server.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.appender.state=org.apache.log4j.RollingFileAppender
log4j.appender.state.File=$KAFKA_LOGS/state-change.log
log4j.appender.state.MaxFileSize=10MB
log4j.appender.state.MaxBackupIndex=1
log4j.appender.state.layout=org.apache.log4j.PatternLayout
log4j.appender.state.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.state.change.logger=INFO, state
log4j.additivity.state.change.logger=false
log4j.logger.org.apache.kafka.controller=INFO
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
log4j.logger.org.apache.zookeeper=WARN
EOF
}

# kafka_java_cmd ARGS...: sets KAFKA_CMD to the java command line for Kafka's classpath.
kafka_java_cmd() {
  # shellcheck disable=SC2206 # KAFKA_HEAP is a list of flags
  KAFKA_CMD=(java $KAFKA_HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError
    -Djava.awt.headless=true -Dkafka.logs.dir="$KAFKA_LOGS"
    -Dlog4j.configuration="file:$KAFKA_STATE/log4j.properties"
    -cp "$KAFKA_LIBS/*" "$@")
}

format_kafka_storage() {
  if [[ -f "$KAFKA_DATA/meta.properties" ]]; then
    return 0
  fi
  local cluster_id
  # A KRaft cluster id is 16 random bytes, base64url without padding (22 chars).
  cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  say "formatting KRaft storage in $KAFKA_DATA (cluster id $cluster_id) ..."
  kafka_java_cmd kafka.tools.StorageTool format --ignore-formatted \
    --cluster-id "$cluster_id" --config "$KAFKA_STATE/server.properties"
  if ! "${KAFKA_CMD[@]}" >"$KAFKA_LOGS/storage-format.log" 2>&1 </dev/null; then
    cat "$KAFKA_LOGS/storage-format.log" >&2
    die "kafka storage format failed (log: $KAFKA_LOGS/storage-format.log)"
  fi
}

kafka_up() {
  if kafka_pid_alive; then
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      say "kafka: already running (started by flowbench, pid $(cat "$KAFKA_PID")) at $KAFKA_HOST:$KAFKA_PORT"
      return 0
    fi
    say "kafka: process $(cat "$KAFKA_PID") is still starting; waiting ..."
    wait_for_kafka
    return 0
  fi
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    say "kafka: reusing the broker already listening on $KAFKA_HOST:$KAFKA_PORT (not started by flowbench; \`down\` leaves it alone)"
    return 0
  fi
  rm -f "$KAFKA_PID"
  if port_open "$KAFKA_HOST" "$KAFKA_CONTROLLER_PORT"; then
    die "kafka: port $KAFKA_CONTROLLER_PORT (KRaft controller) is taken by something else, but $KAFKA_PORT is not serving; free it and retry"
  fi

  ensure_java_maven
  fetch_kafka
  write_kafka_config
  format_kafka_storage

  # Keep the previous run's logs for one round, so each start has fresh logs to wait on.
  [[ -f "$KAFKA_LOGS/server.log" ]] && mv -f "$KAFKA_LOGS/server.log" "$KAFKA_LOGS/server.log.prev"
  [[ -f "$KAFKA_LOGS/kafka.out" ]] && mv -f "$KAFKA_LOGS/kafka.out" "$KAFKA_LOGS/kafka.out.prev"

  say "kafka: starting Apache Kafka $KAFKA_VERSION (KRaft) on $KAFKA_HOST:$KAFKA_PORT ..."
  kafka_java_cmd kafka.Kafka "$KAFKA_STATE/server.properties"
  (
    cd "$KAFKA_STATE"
    exec 9>&- # do not hand the state lock to the broker
    # setsid + nohup: the broker outlives this shell and its process group. The
    # subshell is not a group leader, so setsid does not fork and $! is the JVM.
    exec setsid nohup "${KAFKA_CMD[@]}" >"$KAFKA_LOGS/kafka.out" 2>&1 </dev/null
  ) &
  echo $! >"$KAFKA_PID"
  wait_for_kafka
}

wait_for_kafka() {
  local deadline=$((SECONDS + TIMEOUT))
  while :; do
    # kill -0 only: right after the launch the pid may not have exec'd java yet.
    if ! pid_alive "$KAFKA_PID"; then
      warn "kafka exited during startup. Last lines of $KAFKA_LOGS/kafka.out and server.log:"
      tail -n 30 "$KAFKA_LOGS/kafka.out" >&2 2>/dev/null || true
      tail -n 30 "$KAFKA_LOGS/server.log" >&2 2>/dev/null || true
      rm -f "$KAFKA_PID"
      die "kafka failed to start (logs: $KAFKA_LOGS)"
    fi
    # The socket is bound before the broker serves requests, so also wait for
    # the "Kafka Server started" line in its log.
    if port_open "$KAFKA_HOST" "$KAFKA_PORT" &&
      grep -q 'Kafka Server started' "$KAFKA_LOGS/server.log" 2>/dev/null; then
      say "kafka: ready at $KAFKA_HOST:$KAFKA_PORT (pid $(cat "$KAFKA_PID"); logs: $KAFKA_LOGS/server.log)"
      return 0
    fi
    if ((SECONDS >= deadline)); then
      warn "kafka did not accept connections on $KAFKA_HOST:$KAFKA_PORT within ${TIMEOUT}s; last log lines:"
      tail -n 30 "$KAFKA_LOGS/server.log" >&2 2>/dev/null || true
      die "kafka startup timed out (logs: $KAFKA_LOGS/server.log, $KAFKA_LOGS/kafka.out; pid $(cat "$KAFKA_PID" 2>/dev/null) left running)"
    fi
    sleep 0.5
  done
}

kafka_down() {
  if ! kafka_pid_alive; then
    rm -f "$KAFKA_PID"
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      say "kafka: not started by flowbench; leaving $KAFKA_HOST:$KAFKA_PORT alone"
    else
      say "kafka: not running"
    fi
    return 0
  fi
  local pid i
  pid="$(cat "$KAFKA_PID")"
  say "kafka: stopping pid $pid ..."
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "kafka: pid $pid did not stop within 30s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$KAFKA_PID"
  say "kafka: stopped"
}

# ---------------------------------------------------------------------------
# RabbitMQ
# ---------------------------------------------------------------------------

# Debian's rabbitmq-server/rabbitmqctl wrappers must run as root (they switch to
# the rabbitmq user themselves).
ROOT_PREFIX=()
if [[ "$(id -u)" -ne 0 ]]; then ROOT_PREFIX=(sudo -n); fi

# rabbitmqctl_ SECONDS ARGS...
rabbitmqctl_() {
  local secs="$1"
  shift
  timeout "$secs" "${ROOT_PREFIX[@]}" env RABBITMQ_NODENAME="$RABBIT_NODENAME" \
    rabbitmqctl -n "$RABBIT_NODENAME" "$@" </dev/null
}

rabbit_up() {
  if port_open "$RABBIT_HOST" "$RABBIT_PORT"; then
    if [[ -f "$RABBIT_STARTED" ]]; then
      say "rabbitmq: already running (started by flowbench, node $RABBIT_NODENAME) at $RABBIT_HOST:$RABBIT_PORT"
    else
      say "rabbitmq: reusing the broker already listening on $RABBIT_HOST:$RABBIT_PORT (not started by flowbench; \`down\` leaves it alone)"
    fi
    return 0
  fi
  if [[ -f "$RABBIT_STARTED" ]] && pid_alive "$RABBIT_PID"; then
    say "rabbitmq: process $(cat "$RABBIT_PID") is still starting; waiting ..."
    wait_for_rabbit
    return 0
  fi
  rm -f "$RABBIT_STARTED" "$RABBIT_PID"

  if ! command -v rabbitmq-server >/dev/null 2>&1 || ! command -v rabbitmqctl >/dev/null 2>&1; then
    apt_install rabbitmq-server
    # On a machine with a working init system the package starts its own node.
    if port_open "$RABBIT_HOST" "$RABBIT_PORT"; then
      say "rabbitmq: the freshly installed package started its own node on $RABBIT_HOST:$RABBIT_PORT; reusing it (\`down\` leaves it alone)"
      return 0
    fi
  fi
  mkdir -p "$RABBIT_STATE"
  # Debian's postinst may have started a node under systemd/init that is not
  # serving 5672 (or none at all). We run our own node, named $RABBIT_NODENAME so
  # it does not depend on the machine's hostname resolving.
  say "rabbitmq: starting rabbitmq-server (node $RABBIT_NODENAME) on port $RABBIT_PORT ..."
  (
    cd /
    exec 9>&- # do not hand the state lock to the broker
    # The Debian wrapper switches to the rabbitmq user when run as root.
    exec setsid nohup "${ROOT_PREFIX[@]}" env RABBITMQ_NODENAME="$RABBIT_NODENAME" RABBITMQ_NODE_PORT="$RABBIT_PORT" \
      rabbitmq-server >"$RABBIT_STATE/rabbitmq-server.out" 2>&1 </dev/null
  ) &
  echo $! >"$RABBIT_PID"
  touch "$RABBIT_STARTED"
  wait_for_rabbit
}

wait_for_rabbit() {
  local deadline=$((SECONDS + TIMEOUT))
  while :; do
    if port_open "$RABBIT_HOST" "$RABBIT_PORT"; then
      # Port open means the AMQP listener is up; await_startup confirms the boot finished.
      rabbitmqctl_ 60 await_startup >/dev/null 2>&1 ||
        warn "rabbitmq: 'rabbitmqctl await_startup' did not succeed, but the port is open"
      say "rabbitmq: ready at $RABBIT_HOST:$RABBIT_PORT (guest/guest; logs: $RABBIT_LOG_DIR/$RABBIT_NODENAME.log, $RABBIT_STATE/rabbitmq-server.out)"
      return 0
    fi
    if ! pid_alive "$RABBIT_PID"; then
      warn "rabbitmq-server exited during startup. Last lines of its output:"
      tail -n 30 "$RABBIT_STATE/rabbitmq-server.out" >&2 2>/dev/null || true
      tail -n 30 "$RABBIT_LOG_DIR/$RABBIT_NODENAME.log" >&2 2>/dev/null || true
      rm -f "$RABBIT_PID" "$RABBIT_STARTED"
      die "rabbitmq failed to start (logs: $RABBIT_STATE/rabbitmq-server.out, $RABBIT_LOG_DIR/$RABBIT_NODENAME.log)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$RABBIT_LOG_DIR/$RABBIT_NODENAME.log" >&2 2>/dev/null || true
      die "rabbitmq did not accept connections on $RABBIT_HOST:$RABBIT_PORT within ${TIMEOUT}s (logs: $RABBIT_STATE/rabbitmq-server.out, $RABBIT_LOG_DIR/$RABBIT_NODENAME.log)"
    fi
    sleep 0.5
  done
}

rabbit_down() {
  if [[ ! -f "$RABBIT_STARTED" ]]; then
    if port_open "$RABBIT_HOST" "$RABBIT_PORT"; then
      say "rabbitmq: not started by flowbench; leaving $RABBIT_HOST:$RABBIT_PORT alone"
    else
      say "rabbitmq: not running"
    fi
    return 0
  fi
  if ! pid_alive "$RABBIT_PID" && ! port_open "$RABBIT_HOST" "$RABBIT_PORT"; then
    rm -f "$RABBIT_PID" "$RABBIT_STARTED"
    say "rabbitmq: not running"
    return 0
  fi
  say "rabbitmq: stopping node $RABBIT_NODENAME ..."
  if ! rabbitmqctl_ 60 shutdown >/dev/null 2>&1; then
    rabbitmqctl_ 60 stop >/dev/null 2>&1 || warn "rabbitmq: rabbitmqctl stop failed"
  fi
  local i
  for ((i = 0; i < 60; i++)); do
    pid_alive "$RABBIT_PID" || break
    sleep 0.5
  done
  if pid_alive "$RABBIT_PID"; then
    warn "rabbitmq: wrapper pid $(cat "$RABBIT_PID") still alive; sending TERM"
    kill -TERM "$(cat "$RABBIT_PID")" 2>/dev/null || true
  fi
  rm -f "$RABBIT_PID" "$RABBIT_STARTED"
  say "rabbitmq: stopped"
}

# ---------------------------------------------------------------------------

status() {
  local rc=0 who
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    who="not started by flowbench"
    kafka_pid_alive && who="started by flowbench, pid $(cat "$KAFKA_PID")"
    say "kafka    $KAFKA_HOST:$KAFKA_PORT  reachable ($who)"
  else
    say "kafka    $KAFKA_HOST:$KAFKA_PORT  unreachable"
    rc=1
  fi
  if port_open "$RABBIT_HOST" "$RABBIT_PORT"; then
    who="not started by flowbench"
    [[ -f "$RABBIT_STARTED" ]] && who="started by flowbench, node $RABBIT_NODENAME"
    say "rabbitmq $RABBIT_HOST:$RABBIT_PORT  reachable ($who)"
  else
    say "rabbitmq $RABBIT_HOST:$RABBIT_PORT  unreachable"
    rc=1
  fi
  return $rc
}

logs() {
  say "kafka logs:    $KAFKA_LOGS/server.log (stdout/stderr: $KAFKA_LOGS/kafka.out)"
  say "rabbitmq logs: $RABBIT_LOG_DIR/$RABBIT_NODENAME.log (stdout/stderr: $RABBIT_STATE/rabbitmq-server.out)"
}

with_lock() {
  mkdir -p "$STATE_DIR"
  exec 9>"$STATE_DIR/.lock"
  if command -v flock >/dev/null 2>&1; then
    flock -w 300 9 || die "another 'brokers.sh' is still running (lock $STATE_DIR/.lock)"
  fi
  "$@"
}

cmd_up() {
  local t0=$SECONDS
  [[ "${FLOWBENCH_SKIP_RABBITMQ:-0}" == 1 ]] || rabbit_up
  [[ "${FLOWBENCH_SKIP_KAFKA:-0}" == 1 ]] || kafka_up
  say "up in $((SECONDS - t0))s"
  logs
}

cmd_down() {
  [[ "${FLOWBENCH_SKIP_KAFKA:-0}" == 1 ]] || kafka_down
  [[ "${FLOWBENCH_SKIP_RABBITMQ:-0}" == 1 ]] || rabbit_down
}

cmd_reset() {
  cmd_down
  say "kafka: wiping $KAFKA_DATA"
  rm -rf "$KAFKA_DATA"
}

case "${1:-}" in
  up) with_lock cmd_up ;;
  down) with_lock cmd_down ;;
  reset) with_lock cmd_reset ;;
  status) status ;;
  logs) logs ;;
  *)
    echo "usage: $0 up|down|status|logs|reset" >&2
    exit 2
    ;;
esac
