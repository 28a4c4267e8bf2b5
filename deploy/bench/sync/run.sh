#!/usr/bin/env bash
# Sync benchmark with CPU per save per process (not a test): SyncBench (N users x 2 devices, device A on the first
# gateway saves, device B on the second receives sync:update), wrapped in /proc snapshots of every process of the
# stack (deploy/bench/cpu/cpu.js: services, both gateway replicas, Kafka, Redis, the stack's PostgreSQL backends),
# net of the background rate measured for IDLE seconds with every socket connected.
#   deploy/bench/sync/run.sh deploy/env/bench.env 100 20 1000     # users, seconds, save interval per user (ms)
#   WT_PID_DIR=<checkout>/.run/pids deploy/bench/sync/run.sh <env> ...   # a stack started from another checkout
# The benchmark users (their tokens and projects; tokens of unverified accounts live 24 h) are kept in
# SYNC_USERS_FILE (default: <run dir>/bench-sync-users-<stack>.tsv, mode 600) and reused by the next run against
# the same stack, so a run does not spend minutes registering; SYNC_USERS_FILE= (empty) registers new users.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
env_file="${1:?usage: run.sh <stack.env> [users] [seconds] [interval-ms]}"
set -a; source "$env_file"; set +a
USERS="${2:-100}"; SECONDS_="${3:-20}"; INTERVAL="${4:-1000}"; IDLE="${IDLE:-10}"
root="$(cd "$here/../../.." && pwd)"
PID_DIR="${WT_PID_DIR:-${WT_RUN_DIR:-$root/.run}/pids}"
STACK="${WT_STACK:-dev}"
g1="http://127.0.0.1:${GATEWAY_PORT:?}"; g2="http://127.0.0.1:${GATEWAY2_PORT:?two gateway replicas needed}"
export SYNC_USERS_FILE="${SYNC_USERS_FILE-$(dirname "$PID_DIR")/bench-sync-users-$STACK.tsv}"
if [[ -n "$SYNC_USERS_FILE" ]]; then (umask 077; touch "$SYNC_USERS_FILE"); fi
cpu_dir=$(mktemp -d)
trap 'rm -rf "$cpu_dir"' EXIT
source "$here/../cpu/vacuum.sh"
source "$here/../../lib/cpu_shares.sh"
loadgen_group_join "$STACK" "$PID_DIR"
bench_vacuum
snap="node $here/../cpu/cpu.js snapshot $PID_DIR $STACK ${DB_NAME:-writerstree}"
export PHASE_HOOK="phase_hook() { case \$1 in
  ready) $snap > $cpu_dir/idle-before.json; sleep $IDLE; $snap > $cpu_dir/idle-after.json; $snap > $cpu_dir/s-before.json;;
  done) $snap > $cpu_dir/s-after.json;; esac; }; phase_hook"
# The load generator's heap is sized so that it does not collect while it measures (its young generation holds a
# run's garbage; a collection would delay every save in flight: G1's default sizing paused it 60-90 ms twice per run);
# SyncBench prints its own collections during the saves. SYNC_BENCH_JAVA_OPTS overrides.
out=$(java ${SYNC_BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xms2g -Xmx2g -Xmn1600m} "$here/SyncBench.java" "$g1" "$g2" "$USERS" "$SECONDS_" "$INTERVAL")
echo "$out"
saves=$(sed -n 's/^\([0-9]*\) saves sent in.*/\1/p' <<<"$out")
echo "== CPU per WebSocket save (ms; $saves saves; net of the idle rate)"
node "$here/../cpu/cpu.js" report "$cpu_dir/s-before.json" "$cpu_dir/s-after.json" "$saves" sync "$((SECONDS_ + 3))" \
  "$cpu_dir/idle-before.json" "$cpu_dir/idle-after.json" "$IDLE"
