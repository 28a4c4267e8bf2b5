#!/usr/bin/env bash
# deploy/engines/engines.sh - local backing engines for writerstree (dev, tests, CI).
#
#   deploy/engines/engines.sh start  [engine...]   ensure up + ready (idempotent)
#   deploy/engines/engines.sh status [engine...]   one line per engine; exit 3 if any is down
#   deploy/engines/engines.sh stop   [engine...]   stop only what this script started
#
# engines: postgres redis kafka s3 smtp (default: all). See deploy/engines/README.md.
set -euo pipefail

ENGINES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=../lib/common.sh
source "$ENGINES_DIR/../lib/common.sh"

ALL_ENGINES=(postgres redis kafka s3 smtp)
HOST=127.0.0.1
PG_PORT="${WT_PG_PORT:-5432}"
REDIS_PORT="${WT_REDIS_PORT:-6379}"
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
S3_PORT=9000
SMTP_PORT=3025
IMAP_PORT=3143
GM_API_PORT=8025
START_TIMEOUT="${WT_ENGINE_START_TIMEOUT:-120}"
JAVA="${JAVA:-java}"

PG_DATABASES=(writerstree writerstree_test writerstree_it)
KAFKA_BASE_TOPICS=(user-events project-events content-events export-events)
S3PROXY_VERSION=4.1.0
S3_IDENTITY=writerstree
S3_CREDENTIAL=writerstree-local-secret
S3_BUCKETS=(writerstree-exports writerstree-exports-it writerstree-exports-test)
GREENMAIL_VERSION=2.1.13
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

engine_dir() { printf '%s/%s' "$WT_DATA_DIR" "$1"; }
engine_log() { printf '%s/%s.log' "$WT_LOG_DIR" "$1"; }
have() { command -v "$1" >/dev/null 2>&1; }

# ---------------------------------------------------------------- shared bits

_APT_UPDATED=""
apt_install() {
  have apt-get || die "apt-get not found; install manually: $*"
  [[ $(id -u) -eq 0 ]] || die "need root to apt-get install $*"
  local lf="$WT_LOG_DIR/apt.log"
  mkdir -p "$WT_LOG_DIR"
  if [[ -z "$_APT_UPDATED" ]]; then
    log "apt-get update (log: $lf)"
    apt-get update -q >>"$lf" 2>&1 || { show_log_tail "$lf"; die "apt-get update failed"; }
    _APT_UPDATED=1
  fi
  log "apt-get install $* (log: $lf)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$lf" 2>&1 \
    || { show_log_tail "$lf"; die "apt-get install $* failed"; }
}

require_java_mvn() {
  local pkgs=()
  have "$JAVA" || pkgs+=(openjdk-17-jre-headless)
  have mvn || pkgs+=(maven)
  [[ ${#pkgs[@]} -eq 0 ]] || apt_install "${pkgs[@]}"
  have "$JAVA" || die "java not found (Java 17+ required; set JAVA=/path/to/java)"
}

require_curl() { have curl || apt_install curl; }

# fetch_into DIR STAMP -- CMD...: run a Maven fetch into DIR.tmp, then move it to DIR.
# DIR is complete iff DIR/.complete holds STAMP; otherwise it is fetched again.
fetch_into() {
  local dir="$1" stamp="$2"; shift 2
  [[ "${1:-}" == "--" ]] && shift
  if [[ -f "$dir/.complete" && "$(cat "$dir/.complete")" == "$stamp" ]]; then
    return 0
  fi
  require_java_mvn
  local tmp="$dir.tmp" lf="$WT_LOG_DIR/maven-fetch.log"
  rm -rf "$tmp"
  mkdir -p "$tmp" "$WT_LOG_DIR"
  log "fetching $(basename "$(dirname "$dir")") jars from Maven Central into $dir"
  if ! "$@" -DoutputDirectory="$tmp" >>"$lf" 2>&1; then
    show_log_tail "$lf"
    die "maven fetch failed for $dir"
  fi
  printf '%s' "$stamp" >"$tmp/.complete"
  rm -rf "$dir"
  mv "$tmp" "$dir"
}

# fetch_artifact DIR GAV: copy one artifact (with its classifier) into DIR
fetch_artifact() {
  local dir="$1" gav="$2"
  # run from the engine dir so that the project's own pom is not picked up
  fetch_into "$dir" "$gav" -- \
    bash -c 'cd "$1" && shift && exec "$@"' _ "$(dirname "$dir")" \
    mvn -B -q "$DEP_PLUGIN:copy" -Dartifact="$gav" -Dmdep.useBaseVersion=true
}

http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" 2>/dev/null || true; }

# Whether a port is held by a process we started (pid file) - used to tell ours from theirs.
owner_of() { if is_running "$1"; then echo ours; else echo external; fi; }

# ---------------------------------------------------------------- postgres

pg_ready() {
  if have pg_isready; then
    pg_isready -q -h "$HOST" -p "$PG_PORT" -t 3
  else
    return 1
  fi
}

pg_cluster_version() {
  local v
  v="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1 || true)"
  printf '%s' "$v"
}

pg_psql() {
  # trust auth over TCP first; fall back to the postgres OS user over the socket (peer auth)
  if psql -h "$HOST" -p "$PG_PORT" -U postgres -d postgres -w -qAtX -v ON_ERROR_STOP=1 "$@" 2>/dev/null; then
    return 0
  fi
  if [[ $(id -u) -eq 0 ]] && have runuser; then
    runuser -u postgres -- psql -p "$PG_PORT" -d postgres -qAtX -v ON_ERROR_STOP=1 "$@"
  else
    psql -h "$HOST" -p "$PG_PORT" -U postgres -d postgres -w -qAtX -v ON_ERROR_STOP=1 "$@"
  fi
}

pg_configure_ours() {
  # Only for a PostgreSQL this script installed: trust on 127.0.0.1, listen on 127.0.0.1 only.
  local ver="$1" conf="/etc/postgresql/$1/main"
  mkdir -p "$conf/conf.d"
  cat >"$conf/conf.d/writerstree-engines.conf" <<EOF
# written by deploy/engines/engines.sh (local dev engine)
listen_addresses = '127.0.0.1'
port = $PG_PORT
EOF
  if ! grep -q '^host[[:space:]]\+all[[:space:]]\+all[[:space:]]\+127\.0\.0\.1/32[[:space:]]\+trust' "$conf/pg_hba.conf"; then
    local tmp; tmp="$(mktemp)"
    { echo "# added by deploy/engines/engines.sh (local dev engine): trust local TCP"
      echo "host    all             all             127.0.0.1/32            trust"
      cat "$conf/pg_hba.conf"; } >"$tmp"
    cat "$tmp" >"$conf/pg_hba.conf"
    rm -f "$tmp"
  fi
}

pg_record_pid() {
  local ver="$1" pidf="/var/run/postgresql/$1-main.pid" pid=""
  [[ -f "$pidf" ]] && pid="$(head -n 1 "$pidf" | tr -dc '0-9')"
  if [[ -z "$pid" ]]; then
    local dd; dd="$(pg_lsclusters -h 2>/dev/null | awk -v v="$ver" '$1==v && $2=="main"{print $6}')"
    [[ -n "$dd" && -f "$dd/postmaster.pid" ]] && pid="$(head -n 1 "$dd/postmaster.pid" | tr -dc '0-9')"
  fi
  [[ -n "$pid" ]] || { warn "postgres: could not find postmaster pid"; return 0; }
  mkdir -p "$WT_PID_DIR"
  printf '%s\n%s\n' "$pid" "$(_proc_starttime "$pid")" >"$(pid_file postgres)"
  printf '%s\n' "$ver" >"$WT_PID_DIR/postgres.cluster"
}

postgres_launch() {
  local lf; lf="$(engine_log postgres)"
  mkdir -p "$WT_LOG_DIR" "$(engine_dir postgres)"
  if pg_ready; then
    log "postgres: $HOST:$PG_PORT is up ($(owner_of postgres)), reusing"
    return 0
  fi
  if ! have pg_isready && port_open "$HOST" "$PG_PORT"; then
    # something listens but we lack the client tools
    apt_install postgresql-client
    pg_ready && { log "postgres: $HOST:$PG_PORT is up (external), reusing"; return 0; }
  fi
  local marker; marker="$(engine_dir postgres)/installed-by-engines"
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt_install postgresql
    date '+%F %T' >"$marker"
  fi
  have pg_ctlcluster || die "postgres: pg_ctlcluster missing (postgresql-common not installed?)"
  local ver; ver="$(pg_cluster_version)"
  if [[ -z "$ver" ]]; then
    ver="$(ls /usr/lib/postgresql | sort -V | tail -1)"
    log "postgres: creating cluster $ver/main"
    pg_createcluster "$ver" main >>"$lf" 2>&1 || { show_log_tail "$lf"; die "pg_createcluster failed"; }
  fi
  if [[ -f "$marker" ]]; then
    pg_configure_ours "$ver"
  fi
  {
    echo "===== $(date '+%F %T') starting postgres cluster $ver/main"
    if [[ -f "$marker" ]]; then
      # ours: the package may have started it already; restart to apply our config
      pg_ctlcluster --skip-systemctl-redirect "$ver" main stop 2>&1 || true
    fi
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start 2>&1 9>&-
  } >>"$lf" || {
    show_log_tail "$lf"
    show_log_tail "/var/log/postgresql/postgresql-$ver-main.log"
    die "postgres: pg_ctlcluster $ver main start failed"
  }
  pg_record_pid "$ver"
  log "postgres: started cluster $ver/main"
}

postgres_ready() {
  local lf; lf="$(engine_log postgres)"
  local ver; ver="$(cat "$WT_PID_DIR/postgres.cluster" 2>/dev/null || pg_cluster_version)"
  if ! pg_ready; then
    local deadline=$((SECONDS + START_TIMEOUT))
    until pg_ready; do
      if ((SECONDS >= deadline)); then
        show_log_tail "$lf"
        show_log_tail "/var/log/postgresql/postgresql-$ver-main.log"
        die "postgres not ready on $HOST:$PG_PORT after ${START_TIMEOUT}s"
      fi
      sleep 0.5
    done
  fi
  local db have_db
  for db in "${PG_DATABASES[@]}"; do
    have_db="$(pg_psql -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" \
      || die "postgres: cannot query $HOST:$PG_PORT as user postgres (auth?)"
    if [[ "$have_db" != "1" ]]; then
      log "postgres: creating database $db"
      pg_psql -c "CREATE DATABASE \"$db\"" >/dev/null \
        || [[ "$(pg_psql -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" == "1" ]] \
        || die "postgres: could not create database $db"
    fi
  done
}

postgres_stop() {
  if ! is_running postgres; then
    [[ -f "$(pid_file postgres)" ]] && rm -f "$(pid_file postgres)" "$WT_PID_DIR/postgres.cluster"
    log "postgres: not started by us, leaving it alone"
    return 0
  fi
  local ver; ver="$(cat "$WT_PID_DIR/postgres.cluster" 2>/dev/null || pg_cluster_version)"
  log "stopping postgres cluster $ver/main (pid $(read_pid postgres))"
  # pg_ctlcluster stop = fast shutdown (rolls back open transactions); it waits for the exit
  pg_ctlcluster --skip-systemctl-redirect "$ver" main stop >>"$(engine_log postgres)" 2>&1 || true
  if is_running postgres; then
    stop_pid postgres 20
  else
    rm -f "$(pid_file postgres)"
    log "postgres stopped"
  fi
  rm -f "$WT_PID_DIR/postgres.cluster"
}

postgres_datadir() {
  if have pg_lsclusters; then
    local v; v="$(cat "$WT_PID_DIR/postgres.cluster" 2>/dev/null || pg_cluster_version)"
    [[ -n "$v" ]] && pg_lsclusters -h 2>/dev/null | awk -v v="$v" '$1==v && $2=="main"{print $6; exit}'
  fi
}

# ---------------------------------------------------------------- redis

redis_ping() {
  have redis-cli && [[ "$(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]
}

redis_launch() {
  local dir lf was_open=""; dir="$(engine_dir redis)"; lf="$(engine_log redis)"
  if redis_ping; then
    log "redis: $HOST:$REDIS_PORT is up ($(owner_of redis)), reusing"
    return 0
  fi
  port_open "$HOST" "$REDIS_PORT" && was_open=1
  if ! have redis-server || ! have redis-cli; then
    apt_install redis-server
    # the package may have started its own daemon (init script): we installed it, so
    # replace it with ours (our data dir, no persistence)
    if [[ -z "$was_open" ]] && redis_ping && [[ -x /etc/init.d/redis-server ]]; then
      /etc/init.d/redis-server stop >/dev/null 2>&1 9>&- || true
      local i; for ((i = 0; i < 50; i++)); do redis_ping || break; sleep 0.2; done
    fi
    redis_ping && { log "redis: $HOST:$REDIS_PORT is up (external), reusing"; return 0; }
  fi
  [[ -z "$was_open" ]] || die "redis: port $HOST:$REDIS_PORT is in use by something that does not answer PING"
  mkdir -p "$dir" "$WT_LOG_DIR" "$WT_PID_DIR"
  printf '===== %s starting redis\n' "$(date '+%F %T')" >>"$lf"
  redis-server --daemonize yes --bind "$HOST" --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$dir" --logfile "$lf" --pidfile "$(pid_file redis)" >>"$lf" 2>&1 9>&- \
    || { show_log_tail "$lf"; die "redis-server failed to start"; }
  log "redis: started on $HOST:$REDIS_PORT"
}

redis_ready() {
  wait_until "$START_TIMEOUT" redis "$(engine_log redis)" -- redis_ping
}

redis_stop() {
  if is_running redis; then
    stop_pid redis 20
  else
    rm -f "$(pid_file redis)"
    log "redis: not started by us, leaving it alone"
  fi
}

# ---------------------------------------------------------------- kafka

KAFKA_DIR="$(engine_dir kafka)"
KAFKA_LIB="$KAFKA_DIR/lib"
KAFKA_POM="$ENGINES_DIR/kafka/pom.xml"

kafka_fetch() {
  local stamp; stamp="kafka $(sha256sum "$KAFKA_POM" | cut -c1-16)"
  fetch_into "$KAFKA_LIB" "$stamp" -- \
    mvn -B -q -f "$KAFKA_POM" "$DEP_PLUGIN:copy-dependencies"
}

kafka_cli() {
  timeout "${KAFKA_CLI_TIMEOUT:-60}" "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$KAFKA_LIB/*" "$@"
}

kafka_topics() {
  kafka_cli org.apache.kafka.tools.TopicCommand --bootstrap-server "$HOST:$KAFKA_PORT" "$@"
}

kafka_write_config() {
  mkdir -p "$KAFKA_DIR/data"
  cat >"$KAFKA_DIR/server.properties.tmp" <<EOF
# generated by deploy/engines/engines.sh - do not edit (rewritten on every start)
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
controller.quorum.bootstrap.servers=$HOST:$KAFKA_CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
  mv "$KAFKA_DIR/server.properties.tmp" "$KAFKA_DIR/server.properties"
}

kafka_format() {
  [[ -f "$KAFKA_DIR/data/meta.properties" ]] && return 0
  local lf id; lf="$(engine_log kafka)"
  id="$("$JAVA" -cp "$KAFKA_LIB/*" kafka.tools.StorageTool random-uuid 2>>"$lf" | tail -n 1)"
  [[ -n "$id" ]] || { show_log_tail "$lf"; die "kafka: StorageTool random-uuid failed"; }
  log "kafka: formatting storage (cluster id $id)"
  printf '===== %s formatting storage, cluster id %s\n' "$(date '+%F %T')" "$id" >>"$lf"
  "$JAVA" -cp "$KAFKA_LIB/*" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn kafka.tools.StorageTool \
    format --standalone -t "$id" -c "$KAFKA_DIR/server.properties" >>"$lf" 2>&1 \
    || { show_log_tail "$lf"; die "kafka: storage format failed"; }
}

kafka_launch() {
  require_java_mvn
  if is_running kafka; then
    log "kafka: already running (pid $(read_pid kafka))"
    return 0
  fi
  kafka_fetch
  if port_open "$HOST" "$KAFKA_PORT"; then
    if KAFKA_CLI_TIMEOUT=20 kafka_topics --list >/dev/null 2>&1; then
      log "kafka: $HOST:$KAFKA_PORT is up (external) and speaks Kafka, reusing"
      return 0
    fi
    die "kafka: port $HOST:$KAFKA_PORT is in use by something that is not a Kafka broker"
  fi
  port_open "$HOST" "$KAFKA_CONTROLLER_PORT" \
    && die "kafka: controller port $HOST:$KAFKA_CONTROLLER_PORT is already in use"
  kafka_write_config
  kafka_format
  (
    cd "$KAFKA_DIR"
    start_bg kafka "$(engine_log kafka)" -- "$JAVA" -Xmx512m -Xms256m \
      -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
      -Djava.awt.headless=true \
      -Dlog4j2.statusLoggerLevel=OFF \
      -Dorg.slf4j.simpleLogger.showDateTime=true \
      -Dorg.slf4j.simpleLogger.dateTimeFormat="yyyy-MM-dd HH:mm:ss,SSS" \
      -Dorg.slf4j.simpleLogger.log.kafka.request.logger=warn \
      -Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn \
      -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_DIR/server.properties"
  )
}

kafka_wanted_topics() {
  local t
  for t in "${KAFKA_BASE_TOPICS[@]}"; do printf '%s\n' "$t" "it.$t" "test.$t"; done
}

_kafka_list_into_var() { _KAFKA_EXISTING="$(KAFKA_CLI_TIMEOUT=20 kafka_topics --list 2>/dev/null)"; }

kafka_ready() {
  local lf; lf="$(engine_log kafka)"
  wait_for_port "$HOST" "$KAFKA_PORT" "$START_TIMEOUT" kafka "$lf"
  # ready = a topic listing works; keep that listing to skip topics that already exist
  _KAFKA_EXISTING=""
  wait_until "$START_TIMEOUT" kafka "$lf" -- _kafka_list_into_var
  local t
  while read -r t; do
    grep -qxF "$t" <<<"$_KAFKA_EXISTING" && continue
    log "kafka: creating topic $t"
    # event topics are kept forever: stats-service rebuilds its aggregates by replaying them (its README)
    kafka_topics --create --if-not-exists --topic "$t" --partitions 3 --replication-factor 1 --config retention.ms=-1 \
      >>"$lf" 2>&1 || { show_log_tail "$lf"; die "kafka: could not create topic $t"; }
  done < <(kafka_wanted_topics)
}

kafka_stop() { stop_pid kafka 30; }

# ---------------------------------------------------------------- s3 (s3proxy)

S3_DIR="$(engine_dir s3)"
S3_JAR="$S3_DIR/lib/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"

s3_answers() {
  # any HTTP answer carrying an S3 request id counts (anonymous requests get 403)
  curl -s -m 5 -o /dev/null -D - "http://$HOST:$S3_PORT/" 2>/dev/null | grep -qi '^x-amz-request-id:'
}

s3_launch() {
  require_curl
  if is_running s3; then
    log "s3: already running (pid $(read_pid s3))"
    return 0
  fi
  if port_open "$HOST" "$S3_PORT"; then
    s3_answers && { log "s3: $HOST:$S3_PORT is up (external) and speaks S3, reusing"; return 0; }
    die "s3: port $HOST:$S3_PORT is in use by something that is not S3"
  fi
  fetch_artifact "$S3_DIR/lib" "org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies"
  mkdir -p "$S3_DIR/data"
  cat >"$S3_DIR/s3proxy.properties" <<EOF
# generated by deploy/engines/engines.sh - local-only dev credentials
s3proxy.endpoint=http://$HOST:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_IDENTITY
s3proxy.credential=$S3_CREDENTIAL
jclouds.provider=filesystem
jclouds.filesystem.basedir=$S3_DIR/data
EOF
  (
    cd "$S3_DIR"
    start_bg s3 "$(engine_log s3)" -- "$JAVA" -Xmx256m -XX:+ExitOnOutOfMemoryError \
      -jar "$S3_JAR" --properties "$S3_DIR/s3proxy.properties"
  )
}

s3_curl() {
  # SigV4-signed request (curl >= 7.75); the payload hash header is needed by s3proxy
  curl -s -m 10 --aws-sigv4 "aws:amz:us-east-1:s3" --user "$S3_IDENTITY:$S3_CREDENTIAL" \
    -H "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" "$@"
}

s3_ready() {
  wait_until "$START_TIMEOUT" s3 "$(engine_log s3)" -- s3_answers
  local b code
  for b in "${S3_BUCKETS[@]}"; do
    code="$(s3_curl -o /dev/null -w '%{http_code}' -I "http://$HOST:$S3_PORT/$b" || true)"
    [[ "$code" == "200" ]] && continue
    code="$(s3_curl -o /dev/null -w '%{http_code}' -X PUT "http://$HOST:$S3_PORT/$b" || true)"
    case "$code" in
      200 | 409) log "s3: bucket $b ready" ;;
      *) warn "s3: could not create bucket $b (HTTP $code); the services can create it" ;;
    esac
  done
}

s3_stop() { stop_pid s3 20; }

# ---------------------------------------------------------------- smtp (GreenMail)

SMTP_DIR="$(engine_dir smtp)"
GM_JAR="$SMTP_DIR/lib/greenmail-standalone-$GREENMAIL_VERSION.jar"

smtp_banner_ok() {
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    IFS= read -r -t 4 line <&3 || exit 1
    printf "QUIT\r\n" >&3
    [[ "$line" == 220* ]]' _ "$HOST" "$SMTP_PORT" 2>/dev/null
}

smtp_api_ok() {
  [[ "$(http_code "http://$HOST:$GM_API_PORT/api/service/readiness")" == "200" ]]
}

smtp_answers() { smtp_banner_ok && smtp_api_ok; }

smtp_launch() {
  require_curl
  if is_running smtp; then
    log "smtp: already running (pid $(read_pid smtp))"
    return 0
  fi
  if port_open "$HOST" "$SMTP_PORT" || port_open "$HOST" "$GM_API_PORT"; then
    smtp_answers && { log "smtp: GreenMail on $HOST:$SMTP_PORT is up (external), reusing"; return 0; }
    die "smtp: port $SMTP_PORT or $GM_API_PORT on $HOST is in use by something that is not GreenMail"
  fi
  port_open "$HOST" "$IMAP_PORT" && die "smtp: IMAP port $HOST:$IMAP_PORT is already in use"
  fetch_artifact "$SMTP_DIR/lib" "com.icegreen:greenmail-standalone:$GREENMAIL_VERSION"
  (
    cd "$SMTP_DIR"
    start_bg smtp "$(engine_log smtp)" -- "$JAVA" -Xmx256m -XX:+ExitOnOutOfMemoryError \
      -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap \
      -Dgreenmail.hostname="$HOST" \
      -Dgreenmail.api.hostname="$HOST" -Dgreenmail.api.port="$GM_API_PORT" \
      -Dgreenmail.auth.disabled \
      -jar "$GM_JAR"
  )
}

smtp_ready() {
  # GreenMail keeps running (without serving) when one of its servers cannot bind
  WAIT_FATAL_REGEX='Exception in thread "main"|Could not start mail server' \
    wait_until "$START_TIMEOUT" smtp "$(engine_log smtp)" -- smtp_answers
}

smtp_stop() { stop_pid smtp 20; }

# ---------------------------------------------------------------- status

engine_address() {
  case "$1" in
    postgres) echo "$HOST:$PG_PORT" ;;
    redis) echo "$HOST:$REDIS_PORT" ;;
    kafka) echo "$HOST:$KAFKA_PORT" ;;
    s3) echo "http://$HOST:$S3_PORT" ;;
    smtp) echo "$HOST:$SMTP_PORT (imap $IMAP_PORT, api http://$HOST:$GM_API_PORT)" ;;
  esac
}

engine_up() {
  case "$1" in
    postgres) pg_ready || { ! have pg_isready && port_open "$HOST" "$PG_PORT"; } ;;
    redis) redis_ping || { ! have redis-cli && port_open "$HOST" "$REDIS_PORT"; } ;;
    kafka) port_open "$HOST" "$KAFKA_PORT" ;;
    s3) s3_answers ;;
    smtp) smtp_answers ;;
  esac
}

engine_status_line() {
  local e="$1" state owner data logf
  if engine_up "$e"; then state=up; else state=down; fi
  if is_running "$e"; then owner="ours pid $(read_pid "$e")"; elif [[ $state == up ]]; then owner=external; else owner=-; fi
  case "$e" in
    postgres) data="$(postgres_datadir || true)"; data="${data:--}" ;;
    *) if [[ $owner == external ]]; then data="-"; else data="$(engine_dir "$e")"; fi ;;
  esac
  logf="$(engine_log "$e")"
  printf '%-9s %-52s %-5s %-16s data=%s log=%s\n' "$e" "$(engine_address "$e")" "$state" "($owner)" "$data" "$logf"
  [[ $state == up ]]
}

# ---------------------------------------------------------------- main

usage() {
  echo "usage: $0 {start|stop|status} [postgres|redis|kafka|s3|smtp ...]" >&2
  exit 2
}

main() {
  local cmd="${1:-}"; [[ $# -gt 0 ]] && shift
  local engines=("$@") e
  [[ ${#engines[@]} -gt 0 ]] || engines=("${ALL_ENGINES[@]}")
  for e in "${engines[@]}"; do
    [[ " ${ALL_ENGINES[*]} " == *" $e "* ]] || { echo "unknown engine: $e" >&2; usage; }
  done

  mkdir -p "$WT_RUN_DIR" "$WT_LOG_DIR" "$WT_PID_DIR" "$WT_DATA_DIR"
  case "$cmd" in
    start | stop)
      # one start/stop at a time (e.g. two test scripts racing)
      # (daemons must not inherit fd 9: start_bg closes it, and the others get 9>&-)
      exec 9>"$WT_PID_DIR/engines.lock"
      flock -w 900 9 || die "could not get $WT_PID_DIR/engines.lock (another engines.sh running?)"
      ;;
  esac

  case "$cmd" in
    start)
      local t0=$SECONDS
      # launch everything first (JVMs boot in parallel), then wait for each to be ready
      for e in "${engines[@]}"; do "${e}_launch"; done
      for e in "${engines[@]}"; do "${e}_ready"; done
      log "ready: ${engines[*]} ($((SECONDS - t0))s)"
      ;;
    stop)
      local i
      for ((i = ${#engines[@]} - 1; i >= 0; i--)); do "${engines[i]}_stop"; done
      ;;
    status)
      local rc=0
      for e in "${engines[@]}"; do engine_status_line "$e" || rc=3; done
      return "$rc"
      ;;
    *) usage ;;
  esac
}

# run main only when executed (sourcing gives access to the helpers, e.g. kafka_topics)
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
