#!/usr/bin/env bash
# deploy/stack.sh {start|stop|status|kill|restart} [dev|it|/path/to/own.env] [service...] - the seven services of one
# stack, run from their built jars.
#   start   starts every service that is not running, waits until each is ready, prints the table
#   stop    stops the services this script started (by pid file)
#   status  prints the table
#   kill    SIGKILL (kill -9, no shutdown hooks) of the named services, by pid file (fault injection)
#   restart kill -9 the named services if running, start them again and wait until they are ready
# With service names (identity-service ... sync-gateway, sync-gateway-2) after the stack, an action touches only
# those services of the stack.
# The stack's ports, database and topic prefix come from deploy/env/<stack>.env. The shared engines are not touched
# here (deploy/engines/engines.sh); build first (mvn install -DskipTests).
# Engines of the stack's own (so that the fault suite can kill them without touching what everyone else uses):
#   REDIS_PORT=<port>  a redis-server of this stack (AOF on: revocations survive a restart), named "redis"
#   S3_PORT=<port>     an s3proxy of this stack (its own data directory, the stack's bucket), named "s3"
# Both start before the services and stop after them; "kill redis" / "start s3" etc. act on them alone.
# WT_CPU_SHARES=k8s (env file or environment): each service in a cgroup with the CPU shares of its Kubernetes request
# (deploy/lib/cpu_shares.sh; root and a writable cgroup cpu controller, else a warning). Off by default.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/cpu_shares.sh"

SERVICES=(identity-service project-service content-service export-service stats-service suggestion-service sync-gateway)

action="${1:-status}"
stack="${2:-dev}"
env_file="$WT_ROOT/deploy/env/$stack.env"
if [[ -f "$stack" ]]; then   # a path to an env file of one's own (a private stack); its WT_STACK names it
  env_file="$stack"; stack="$(sed -n 's/^WT_STACK=//p' "$env_file")"
fi
[[ -f "$env_file" ]] || die "unknown stack '$stack' (no $env_file)"
set -a; source "$env_file"; set +a
# an optional second gateway replica (same jar and environment, its own port) for multi-replica sync tests
if [[ -n "${GATEWAY2_PORT:-}" ]]; then SERVICES+=(sync-gateway-2); fi

# the stack's own engines (optional)
ENGINES=()
if [[ -n "${REDIS_PORT:-}" ]]; then ENGINES+=(redis); fi
if [[ -n "${S3_PORT:-}" ]]; then ENGINES+=(s3); fi

# optional service names after the stack: act on those only
if (( $# > 2 )); then
  requested=("${@:3}")
  services=() engines=()
  for svc in "${requested[@]}"; do
    if [[ " ${ENGINES[*]} " == *" $svc "* ]]; then engines+=("$svc"); continue; fi
    [[ " ${SERVICES[*]} " == *" $svc "* ]] || die "unknown service '$svc' (one of: ${SERVICES[*]} ${ENGINES[*]})"
    services+=("$svc")
  done
  SERVICES=("${services[@]}")
  ENGINES=("${engines[@]}")
fi

port_of() {
  case "$1" in
    identity-service) echo "$IDENTITY_PORT" ;; project-service) echo "$PROJECT_PORT" ;;
    content-service) echo "$CONTENT_PORT" ;; export-service) echo "$EXPORT_PORT" ;;
    stats-service) echo "$STATS_PORT" ;; suggestion-service) echo "$SUGGESTION_PORT" ;;
    sync-gateway) echo "$GATEWAY_PORT" ;; sync-gateway-2) echo "$GATEWAY2_PORT" ;;
  esac
}

# metrics (/q/metrics) are on each service's management interface, at its port + 100 (health stays on the port)
management_port_of() { echo $(( $(port_of "$1") + ${MANAGEMENT_PORT_OFFSET:-100} )); }

log_of() { echo "$WT_LOG_DIR/$stack/$1.log"; }

# the environment every service of this stack sees
stack_env() {
  export DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME DB_USER=postgres
  export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 WRITERSTREE_MESSAGING_TOPIC_PREFIX
  export REDIS_URL="redis://127.0.0.1:${REDIS_PORT:-6379}"
  export SMTP_HOST=127.0.0.1 SMTP_PORT=3025
  export S3_ENDPOINT="http://127.0.0.1:${S3_PORT:-9000}" S3_ACCESS_KEY=writerstree S3_SECRET_KEY=writerstree-local-secret S3_BUCKET
  export COOKIE_SECURE IDENTITY_JWT_KEY_DIR="$WT_RUN_DIR/keys/$stack"
  export IDENTITY_URL="http://127.0.0.1:$IDENTITY_PORT" PROJECT_URL="http://127.0.0.1:$PROJECT_PORT"
  export CONTENT_URL="http://127.0.0.1:$CONTENT_PORT" EXPORT_URL="http://127.0.0.1:$EXPORT_PORT"
  export STATS_URL="http://127.0.0.1:$STATS_PORT" SUGGESTION_URL="http://127.0.0.1:$SUGGESTION_PORT"
  export LOG_JSON=true
}

ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$(port_of "$1")/q/health/ready"; }

ensure_database() {
  psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc "select 1 from pg_database where datname='$DB_NAME'" \
    | grep -q 1 || psql -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -c "create database \"$DB_NAME\""
}

# ---------------------------------------------------------------- the stack's own engines

engine_port() { case "$1" in redis) echo "$REDIS_PORT" ;; s3) echo "$S3_PORT" ;; esac; }

engine_ready() {
  case "$1" in
    redis) [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]] ;;
    # any HTTP answer carrying an S3 request id counts (anonymous requests get 403)
    s3) curl -s -m 3 -o /dev/null -D - "http://127.0.0.1:$S3_PORT/" 2>/dev/null | grep -qi '^x-amz-request-id:' ;;
  esac
}

s3proxy_jar() {
  local dir="$WT_DATA_DIR/s3/lib" version=4.1.0 jar
  jar="$dir/s3proxy-$version-jar-with-dependencies.jar"
  if [[ ! -f "$jar" ]]; then
    mkdir -p "$dir"
    # shellcheck disable=SC2086
    (cd "$dir" && mvn -B -q ${WT_MVN_ARGS:-} org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.gaul:s3proxy:$version:jar:jar-with-dependencies" -Dmdep.useBaseVersion=true \
      -DoutputDirectory="$dir" >&2) || die "cannot fetch s3proxy $version"
  fi
  echo "$jar"
}

start_engine() {
  local engine="$1" dir="$WT_DATA_DIR/$stack-$1" lf; lf="$(log_of "$1")"
  if is_running "$stack-$engine"; then log "$engine ($stack) already running"; return 0; fi
  port_open 127.0.0.1 "$(engine_port "$engine")" \
    && die "port $(engine_port "$engine") for the stack's $engine is taken by a process this script did not start"
  mkdir -p "$dir" "$(dirname "$lf")"
  case "$engine" in
    redis)
      start_bg "$stack-redis" "$lf" -- redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" \
        --appendonly yes --appendfsync everysec --dir "$dir" --logfile ""
      ;;
    s3)
      local jar; jar="$(s3proxy_jar)"
      mkdir -p "$dir/data"
      cat >"$dir/s3proxy.properties" <<PROPS
# generated by deploy/stack.sh - local-only dev credentials
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=writerstree
s3proxy.credential=writerstree-local-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir/data
PROPS
      # the stack's bucket exists from the start (export-service also creates it when missing)
      mkdir -p "$dir/data/$S3_BUCKET"
      start_bg "$stack-s3" "$lf" -- java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
        -XX:+ExitOnOutOfMemoryError -jar "$jar" --properties "$dir/s3proxy.properties"
      ;;
  esac
  local deadline=$((SECONDS + 60))
  until engine_ready "$engine"; do
    is_running "$stack-$engine" || { show_log_tail "$lf"; die "$engine ($stack) exited during start"; }
    (( SECONDS < deadline )) || { show_log_tail "$lf"; die "$engine ($stack) not ready after 60 s"; }
    sleep 0.3
  done
  log "$engine ($stack) ready on 127.0.0.1:$(engine_port "$engine")"
}

start() {
  stack_env
  local engine
  for engine in "${ENGINES[@]}"; do start_engine "$engine"; done
  ensure_database
  mkdir -p "$WT_LOG_DIR/$stack" "$IDENTITY_JWT_KEY_DIR"
  local svc jar
  for svc in "${SERVICES[@]}"; do
    # WT_JAR_<service, dashes as underscores> runs that one from another build (an A/B of two builds side by side,
    # e.g. WT_JAR_sync_gateway_2=/tmp/variant/quarkus-app/quarkus-run.jar: deploy/bench/autosave/floor.sh)
    local own_jar="WT_JAR_${svc//-/_}"
    jar="${!own_jar:-$WT_ROOT/${svc%-2}/target/quarkus-app/quarkus-run.jar}"
    [[ -f "$jar" ]] || die "$svc is not built ($jar missing): run mvn -B install -DskipTests first"
    if is_running "$stack-$svc"; then
      log "$svc ($stack) already running"
      continue
    fi
    if port_open 127.0.0.1 "$(port_of "$svc")"; then
      die "port $(port_of "$svc") for $svc is taken by a process this script did not start"
    fi
    if port_open 127.0.0.1 "$(management_port_of "$svc")"; then
      die "management port $(management_port_of "$svc") for $svc is taken by a process this script did not start"
    fi
    # WT_JAVA_OPTS for every service; WT_JAVA_OPTS_<service, dashes as underscores> (e.g. WT_JAVA_OPTS_sync_gateway_2)
    # is appended for that one (a later option wins)
    local own_opts="WT_JAVA_OPTS_${svc//-/_}"
    HTTP_PORT="$(port_of "$svc")" MANAGEMENT_PORT="$(management_port_of "$svc")" start_bg "$stack-$svc" "$(log_of "$svc")" -- \
      java ${WT_JAVA_OPTS:--Xms64m -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} ${!own_opts:-} \
      -Dquarkus.http.port="$(port_of "$svc")" -jar "$jar"
    cpu_group_join "$stack-$svc" "$(k8s_cpu_request_millis "$svc")" "$(read_pid "$stack-$svc")"
  done
  local deadline=$((SECONDS + ${WT_START_TIMEOUT:-180})) pending
  while :; do
    pending=()
    for svc in "${SERVICES[@]}"; do ready "$svc" || pending+=("$svc"); done
    [[ ${#pending[@]} -eq 0 ]] && break
    for svc in "${pending[@]}"; do
      is_running "$stack-$svc" || { show_log_tail "$(log_of "$svc")"; die "$svc ($stack) exited during start"; }
    done
    if (( SECONDS > deadline )); then
      for svc in "${pending[@]}"; do
        warn "$svc not ready: $(curl -s --max-time 2 "http://127.0.0.1:$(port_of "$svc")/q/health/ready" | tr -d '\n ' | cut -c1-400)"
        show_log_tail "$(log_of "$svc")" 15
      done
      die "services not ready after ${WT_START_TIMEOUT:-180}s: ${pending[*]}"
    fi
    sleep 1
  done
  log "stack '$stack' ready"
}

stop() {
  local svc pid waits=()
  # all services at once: each one's graceful shutdown (requests in flight, Kafka consumers leaving their groups) runs
  # beside the others' instead of after them (one after another the it stack took 60-70 s to stop, a gateway alone up
  # to 25 s); the engines after them, as the services may still use them while they stop
  for svc in "${SERVICES[@]}"; do
    if is_running "$stack-$svc"; then
      (stop_pid "$stack-$svc" 30; log "stopped $svc ($stack)") &
      waits+=("$!")
    fi
  done
  for pid in "${waits[@]}"; do wait "$pid" || true; done
  for svc in "${SERVICES[@]}"; do cpu_group_remove "$stack-$svc"; done
  cpu_group_remove "$stack-loadgen"
  for svc in "${ENGINES[@]}"; do
    if is_running "$stack-$svc"; then stop_pid "$stack-$svc" 30; log "stopped $svc ($stack)"; fi
  done
}

status() {
  local svc state
  printf '%-20s %-28s %-6s %s\n' SERVICE ADDRESS STATE LOG
  for svc in "${SERVICES[@]}"; do
    if ready "$svc"; then state=ready; elif is_running "$stack-$svc"; then state=start; else state=down; fi
    printf '%-20s %-28s %-6s %s\n' "$svc" "http://127.0.0.1:$(port_of "$svc")" "$state" "$(log_of "$svc")"
  done
  for svc in "${ENGINES[@]}"; do
    if engine_ready "$svc"; then state=ready; elif is_running "$stack-$svc"; then state=start; else state=down; fi
    printf '%-20s %-28s %-6s %s\n' "$svc" "127.0.0.1:$(engine_port "$svc")" "$state" "$(log_of "$svc")"
  done
}

# SIGKILL; returns only when the process is gone (and an engine's port refuses connections): a process in
# uninterruptible sleep (a busy disk) dies only when that ends, so a caller must not see it "up" after "kill"
kill9() {
  local svc pid i failed=0
  for svc in "${SERVICES[@]}" "${ENGINES[@]}"; do
    if is_running "$stack-$svc"; then
      pid="$(read_pid "$stack-$svc")"
      kill -9 "$pid" 2>/dev/null || true
      for ((i = 0; i < 300; i++)); do pid_alive "$pid" || break; sleep 0.1; done
      if pid_alive "$pid"; then
        warn "$svc ($stack, pid $pid) still alive 30 s after SIGKILL (state $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null))"
        failed=1
        continue
      fi
      if [[ " ${ENGINES[*]} " == *" $svc "* ]]; then
        for ((i = 0; i < 100; i++)); do port_open 127.0.0.1 "$(engine_port "$svc")" || break; sleep 0.1; done
        if port_open 127.0.0.1 "$(engine_port "$svc")"; then
          warn "$svc ($stack) killed but port $(engine_port "$svc") still accepts connections"
          failed=1
          continue
        fi
      fi
      log "killed $svc ($stack, pid $pid, SIGKILL)"
    elif [[ "${1:-}" == strict && -n "${requested+x}" ]]; then
      # "kill <service>" is fault injection: a service that is not running (as its pid file says) is an error
      warn "$svc ($stack) is not running (pid file: $(read_pid "$stack-$svc")): nothing killed"
      failed=1
    fi
  done
  return "$failed"
}

case "$action" in
  start) start; status ;;
  kill) kill9 strict ;;
  restart) kill9; start; status ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: $0 {start|stop|status|kill|restart} [dev|it|/path/to/own.env] [service...]" ;;
esac
