#!/usr/bin/env bash
# CPU a gateway replica spends per 1,000 content events of users it holds no socket of (not a test): publishes N
# ContentSaved events of random users to the stack's content-events topic (FanOutLoad.java, as the outbox relay
# sends them) and reads both gateway replicas' CPU from /proc around it, net of an idle window of the same length.
#   deploy/bench/cpu/fanout.sh <stack.env> [N=20000] [header|noheader]
# KAFKA_LIB: a directory of Kafka jars (kafka-clients), default: the local engine's (deploy/engines).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
set -a; source "$1"; set +a
n="${2:-20000}"; mode="${3:-header}"
root="$(cd "$here/../../.." && pwd)"
PID_DIR="${WT_PID_DIR:-${WT_RUN_DIR:-$root/.run}/pids}"
KAFKA_LIB="${KAFKA_LIB:-$(ls -d /work/main/.run/engines/kafka/lib "$root/.run/engines/kafka/lib" 2>/dev/null | head -1 || true)}"
SETTLE="${SETTLE:-10}"   # seconds after the last record for the replicas to consume it
topic="${WRITERSTREE_MESSAGING_TOPIC_PREFIX:-}content-events"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
snap() { node "$here/cpu.js" snapshot "$PID_DIR" "$WT_STACK" "${DB_NAME:-writerstree}" >"$tmp/$1.json"; }
# compile the producer once (JVM start and compile are not measured)
javac -d "$tmp" -cp "$KAFKA_LIB/*" "$here/FanOutLoad.java"
start=$(date +%s.%N)
snap busy-before
java -cp "$tmp:$KAFKA_LIB/*" FanOutLoad 127.0.0.1:9092 "$topic" "$n" "$mode"
sleep "$SETTLE"
snap busy-after
busy=$(echo "$(date +%s.%N) - $start" | bc)
snap idle-before; sleep "${busy%.*}"; snap idle-after
node "$here/cpu.js" report "$tmp/busy-before.json" "$tmp/busy-after.json" "$n" "fan-out of $n foreign events ($mode)" \
  "${busy%.*}" "$tmp/idle-before.json" "$tmp/idle-after.json" "${busy%.*}" | grep -E "^CPU|process|---|sync-gateway"
