#!/usr/bin/env bash
# stats-service benchmark (not a test), against a running stack described by an env file (a private one: see
# README.md). Loopback only; bounded (N reads, RATE x SECONDS saves).
#   deploy/bench/stats/run.sh /path/to/stack.env            # seed + read + ingest
#   N=3000 CONC=4 RATE=500 SECONDS_=30 deploy/bench/stats/run.sh /path/to/stack.env
# Needs the gateway's per-user limit out of the way for the read phase (GATEWAY_RATE_LIMIT_ENABLED=false in the
# stack's env), java 17 and jq. The Kafka client jars come from the local Maven repository (M2, default ~/.m2).
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
  echo "== ingest: $RATE ContentSaved/s for ${SECONDS_}s"
  java -cp "$cp" "$here/StatsBench.java" ingest "$PREFIX" "$RATE" "$SECONDS_"
fi
