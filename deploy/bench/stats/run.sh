#!/usr/bin/env bash
# stats-service benchmark (not a test), against a running stack described by an env file (a private one: see
# README.md). Loopback only; bounded (N reads, RATE x SECONDS saves).
#   deploy/bench/stats/run.sh /path/to/stack.env            # seed + read + ingest
#   N=3000 CONC=4 RATE=500 SECONDS_=30 deploy/bench/stats/run.sh /path/to/stack.env
# Needs the gateway's per-user limit out of the way for the read phase (GATEWAY_RATE_LIMIT_ENABLED=false in the
# stack's env), java 17 and jq. The Kafka client jars come from the local Maven repository (M2, default ~/.m2).
# ISOLATE=1: during the ingest phase the stack's other services are paused (SIGSTOP by their pid files under
# .run/pids, SIGCONT after), so the phase measures stats-service's own capacity rather than the 2 cores shared with
# project- and suggestion-service consuming the same events; stats-service's CPU per event is printed (/proc).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[[ $# -ge 1 ]] || { echo "usage: $0 stack.env" >&2; exit 2; }
set -a; source "$1"; set +a
GATEWAY_URL="http://127.0.0.1:${GATEWAY_PORT:-3000}"
PREFIX="${WRITERSTREE_MESSAGING_TOPIC_PREFIX:-}"
N="${N:-3000}"; CONC="${CONC:-4}"; RATE="${RATE:-500}"; SECONDS_="${SECONDS_:-30}"
M2="${M2:-$HOME/.m2/repository}"
cp="$M2/org/apache/kafka/kafka-clients/4.1.1/kafka-clients-4.1.1.jar:$M2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar"
for jar in ${cp//:/ }; do [[ -f "$jar" ]] || { echo "missing $jar (set M2)" >&2; exit 1; }; done

curl -fsS "$GATEWAY_URL/health" >/dev/null || { echo "gateway not answering at $GATEWAY_URL" >&2; exit 1; }
echo "== a writer registered through the gateway"
email="stats-bench-$(date +%s%N)@example.com"
token=$(curl -fsS -X POST "$GATEWAY_URL/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"BenchPass123!\",\"fullName\":\"Stats Bench\"}" | jq -r .data.token)
[[ -n "$token" && "$token" != null ]] || { echo "registration failed" >&2; exit 1; }
user=$(python3 -c 'import sys,json,base64; p=sys.argv[1].split(".")[1]; print(json.loads(base64.urlsafe_b64decode(p+"="*(-len(p)%4)))["sub"])' "$token")

echo "== seed: 3 years of daily history over 20 projects (through Kafka, applied by stats-service)"
time java -cp "$cp" "$here/StatsBench.java" seed "$user" "$PREFIX" "$GATEWAY_URL" "$token"
echo "== read: GET /users/me/stats?period=all through the gateway, then on stats-service directly"
java -cp "$cp" "$here/StatsBench.java" read "$GATEWAY_URL/api/v1/users/me/stats?period=all" "$token" "$N" "$CONC"
java -cp "$cp" "$here/StatsBench.java" read "http://127.0.0.1:${STATS_PORT:-8085}/users/me/stats?period=all" "$token" "$N" "$CONC"
if (( SECONDS_ > 0 )); then
  echo "== ingest: $RATE ContentSaved/s for ${SECONDS_}s${ISOLATE:+ (other services of the stack paused)}"
  pids_dir="$here/../../../.run/pids"; stack="${WT_STACK:-dev}"; paused=()
  if [[ -n "${ISOLATE:-}" ]]; then
    for svc in identity-service project-service content-service export-service suggestion-service sync-gateway sync-gateway-2; do
      [[ -f "$pids_dir/$stack-$svc.pid" ]] && paused+=("$(head -1 "$pids_dir/$stack-$svc.pid")")
    done
    trap 'kill -CONT "${paused[@]}" 2>/dev/null || true' EXIT
    kill -STOP "${paused[@]}"
  fi
  stats_pid="$(head -1 "$pids_dir/$stack-stats-service.pid" 2>/dev/null || true)"
  ticks() { [[ -n "$stats_pid" ]] && awk '{print $14+$15}' "/proc/$stats_pid/stat" 2>/dev/null || echo 0; }
  t0="$(ticks)"
  java -cp "$cp" "$here/StatsBench.java" ingest "$PREFIX" "$RATE" "$SECONDS_"
  t1="$(ticks)"
  if [[ ${#paused[@]} -gt 0 ]]; then kill -CONT "${paused[@]}"; fi
  [[ -n "$stats_pid" ]] && awk -v d="$((t1 - t0))" -v n="$((RATE * SECONDS_))" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "stats-service CPU: %.1f s for %d events = %.2f ms per event\n", d / hz, n, 1000 * d / hz / n }'
fi
