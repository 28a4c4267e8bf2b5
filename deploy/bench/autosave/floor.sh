#!/usr/bin/env bash
# What gateway/direct could be at best on this machine (not a test): alternating slices of 2,000-word saves through
# (1) the gateway, (2) BareProxy.java (the least a Vert.x reverse proxy does: no auth, limits, tracing or metrics;
# the floor of a JVM gateway) and (3) content-service directly, with the CPU per save of the proxying process.
#   deploy/bench/autosave/floor.sh deploy/env/bench.env [rounds=4] [seconds=10]
# WARM=<seconds> of unmeasured load per path before the slices (default 20). BARE_MODES="core router webclient both"
# runs one BareProxy per mode (each adds one layer of the gateway's stack). FLOOR_NGINX=1 adds nginx (Debian's
# nginx-light, one process, keep-alive upstream): a proxy that is not a JVM. FLOOR_GATEWAY2=1 adds the stack's second
# gateway replica (GATEWAY2_PORT): started from another build (deploy/stack.sh's WT_JAR_sync_gateway_2), an A/B of two
# gateway builds in one run.
# Needs: a running stack (deploy/stack.sh start bench), sync-gateway built (its jars are BareProxy's classpath).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
set -a; source "$1"; set +a
rounds="${2:-4}"; seconds="${3:-10}"
WORDS="${WORDS:-2000}"; CONCURRENCY="${CONCURRENCY:-8}"
GATEWAY_URL="http://127.0.0.1:${GATEWAY_PORT:?}"; CONTENT_URL="http://127.0.0.1:${CONTENT_PORT:?}"
BARE_PORT="${BARE_PORT:-$((GATEWAY_PORT + 50))}"
PID_DIR="${WT_PID_DIR:-${WT_RUN_DIR:-$root/.run}/pids}"
tmp=$(mktemp -d)
declare -A bare_pids bare_ports; nginx_pid=""
trap 'for p in "${bare_pids[@]}"; do kill "$p" 2>/dev/null; done; [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
# BARE_MODES: one BareProxy per mode (core = the floor; router, webclient, both add one layer of the gateway's stack
# each: BareProxy.java); path "bare" is core, the others "bare-<mode>"
bare_paths=()
i=0
for mode in ${BARE_MODES:-core}; do
  name=$([[ "$mode" == core ]] && echo bare || echo "bare-$mode")
  bare_ports[$name]=$((BARE_PORT + 2 * i)); i=$((i + 1))
  java -Xmx256m -cp "$root/sync-gateway/target/quarkus-app/lib/boot/*:$root/sync-gateway/target/quarkus-app/lib/main/*" "$here/BareProxy.java" "${bare_ports[$name]}" \
    "$CONTENT_PORT" /api/v1 "$mode" >"$tmp/$name.log" 2>&1 &
  bare_pids[$name]=$!
  bare_paths+=("$name")
done
for name in "${bare_paths[@]}"; do
  for _ in $(seq 60); do grep -q "bare proxy on" "$tmp/$name.log" && break; sleep 0.5; done
  grep -q "bare proxy on" "$tmp/$name.log" || { cat "$tmp/$name.log" >&2; exit 1; }
done
NGINX_PORT="${NGINX_PORT:-$((GATEWAY_PORT + 51))}"
paths=(gateway)
[[ "${FLOOR_GATEWAY2:-0}" == 1 ]] && paths+=(gateway-2)
paths+=("${bare_paths[@]}" direct)
if [[ "${FLOOR_NGINX:-0}" == 1 ]]; then
  command -v nginx >/dev/null || { echo "FLOOR_NGINX=1 needs nginx (apt-get install nginx-light)" >&2; exit 1; }
  mkdir -p "$tmp/nginx"
  cat >"$tmp/nginx.conf" <<CONF
daemon off; master_process off; worker_processes 1; pid $tmp/nginx.pid; error_log $tmp/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off; client_body_temp_path $tmp/nginx; client_max_body_size 10m; client_body_buffer_size 1m;
  proxy_temp_path $tmp/nginx;
  upstream content { server 127.0.0.1:$CONTENT_PORT; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location /api/v1/ { proxy_pass http://content/; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_buffering off; }
  }
}
CONF
  nginx -c "$tmp/nginx.conf" -p "$tmp" &
  nginx_pid=$!
  for _ in $(seq 20); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break; sleep 0.25; done
  paths+=(nginx)
fi

source "$here/projects.sh"
bench_projects "$GATEWAY_URL" "$CONCURRENCY" floor
url() {
  case "$1" in
    gateway) echo "$GATEWAY_URL/api/v1";; gateway-2) echo "http://127.0.0.1:${GATEWAY2_PORT:?}/api/v1";; bare*) echo "http://127.0.0.1:${bare_ports[$1]}/api/v1";;
    nginx) echo "http://127.0.0.1:$NGINX_PORT/api/v1";; direct) echo "$CONTENT_URL";;
  esac
}
proxy_pid() {
  case "$1" in
    gateway) head -1 "$PID_DIR/${WT_STACK:-dev}-sync-gateway.pid";;
    gateway-2) head -1 "$PID_DIR/${WT_STACK:-dev}-sync-gateway-2.pid";; bare*) echo "${bare_pids[$1]}";; nginx) echo "$nginx_pid";;
    *) echo "";;
  esac
}
cpu_of() { [[ -n "$1" ]] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
WARM="${WARM:-20}"   # seconds of unmeasured load per path first; a slow machine's JITs need minutes (README)
echo "== warm-up: $WARM s per path"
for path in "${paths[@]}"; do node "$here/load.js" "$path" "$(url $path)" "$WARM" "$WORDS" "${pairs[@]}" >/dev/null; done
echo "| round | path | saves/s | p50 ms | p99 ms | errors | proxy CPU ms per save |"
echo "|---|---|---|---|---|---|---|"
declare -A ok secs
order=("${paths[@]}")
for ((r = 1; r <= rounds; r++)); do
  for path in "${order[@]}"; do
    pid=$(proxy_pid "$path"); c0=$(cpu_of "$pid")
    out=$(node "$here/load.js" "$path" "$(url $path)" "$seconds" "$WORDS" "${pairs[@]}")
    c1=$(cpu_of "$pid")
    n=$(jq .ok <<<"$out")
    ok[$path]=$(( ${ok[$path]:-0} + n )); secs[$path]=$(( ${secs[$path]:-0} + seconds ))
    per=$( [[ -n "$pid" ]] && echo "scale=3; ($c1 - $c0) * 10 / $n" | bc || echo "-")
    echo "| $r | $path | $(jq .rps <<<"$out") | $(jq .p50ms <<<"$out") | $(jq .p99ms <<<"$out") | $(jq .errors <<<"$out") | $per |"
  done
  order=("${order[@]:1}" "${order[0]}")   # rotate which path goes first
done
rate() { echo "scale=1; ${ok[$1]} / ${secs[$1]}" | bc; }
ratio() { echo "scale=2; ${ok[$1]} / ${ok[direct]}" | bc; }
summary="direct $(rate direct)/s; gateway $(rate gateway)/s, gateway/direct = $(ratio gateway)"
for path in "${paths[@]}"; do
  [[ "$path" == gateway || "$path" == direct ]] && continue
  summary+="; $path $(rate "$path")/s, $path/direct = $(ratio "$path")"
done
echo "$summary"
