#!/usr/bin/env bash
# A/B of two content-service builds on one running stack (not a test): "measured side by side with the reference in
# one run" for a change of the save path.
#
#   deploy/bench/autosave/ab-build.sh <env-file> <reference-commit> [rounds] [seconds] [warm-seconds]
#   deploy/bench/autosave/ab-build.sh deploy/env/bench.env f6623c7 3 20 60
#
# Builds the reference commit's content-service in a scratch git worktree (`mvn -o package -DskipTests`), keeps both
# builds, then for each round, this checkout's build first: restarts the stack's content-service with that build
# (`deploy/stack.sh restart`), warms its JIT with <warm-seconds> of one-word delta saves, vacuums the database, and
# measures <seconds> of one-word delta saves sent directly to content-service (CONCURRENCY workers, default 4, each on
# its own ~WORDS-word project, default 2000), with CPU per save of content-service and of every PostgreSQL process
# from /proc (deploy/bench/cpu/cpu.js). Rounds alternate so that both builds see the same machine drift. Ends with this checkout's build
# running again. The reference may predate migrations of this build: it is started with Flyway told to ignore them
# (QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS, as a rollback would be).
# AB_BENCH=sync measures the sync path instead (deploy/bench/sync/run.sh: SYNC_USERS users x 2 devices, a save every
# SYNC_INTERVAL ms each for <seconds>, after SYNC_WARM unmeasured runs per restart, default 2; <warm-seconds> unused)
# and prints send -> sync:update and send -> sync:ack percentiles with content-service's CPU per save.
# Needs: a running stack (deploy/stack.sh start bench), this checkout built (mvn install), curl, jq, node, psql.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
[[ $# -ge 2 ]] || { sed -n '4,6p' "$0" >&2; exit 2; }
env_file="$1"; reference="$2"; rounds="${3:-3}"; seconds="${4:-20}"; warm="${5:-60}"
set -a; source "$env_file"; set +a
GATEWAY_URL="http://127.0.0.1:${GATEWAY_PORT:-3000}"
CONTENT_URL="http://127.0.0.1:${CONTENT_PORT:-8083}"
CONCURRENCY="${CONCURRENCY:-4}"
WORDS="${WORDS:-2000}"
PID_DIR="${WT_PID_DIR:-${WT_RUN_DIR:-$root/.run}/pids}"
STACK="${WT_STACK:-dev}"
app="$root/content-service/target/quarkus-app"
[[ -f "$app/quarkus-run.jar" ]] || { echo "build this checkout first (mvn install)" >&2; exit 1; }
curl -fsS "$CONTENT_URL/q/health/ready" >/dev/null || { echo "content-service not ready at $CONTENT_URL" >&2; exit 1; }

work=$(mktemp -d)
tree="$work/reference"
restore() {
  if [[ -d "$work/this" ]]; then
    rm -rf "$app"; cp -a "$work/this" "$app"
    "$root/deploy/stack.sh" restart "$env_file" content-service >/dev/null 2>&1 || true
  fi
  git -C "$root" worktree remove --force "$tree" 2>/dev/null || true
  rm -rf "$work"
}
trap restore EXIT

echo "== building content-service at $reference (scratch worktree)"
git -C "$root" worktree add -q --detach "$tree" "$reference"
(cd "$tree" && mvn -B -q -o package -DskipTests -pl content-service -am) >"$work/build.log" 2>&1 \
  || { tail -20 "$work/build.log" >&2; exit 1; }
cp -a "$tree/content-service/target/quarkus-app" "$work/reference-app"
cp -a "$app" "$work/this"

# use_build this|reference: puts that build in place and restarts the stack's content-service with it
use_build() {
  local source_dir="$work/this"
  [[ "$1" == reference ]] && source_dir="$work/reference-app"
  rm -rf "$app"; cp -a "$source_dir" "$app"
  QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS='*:future,*:missing' \
    "$root/deploy/stack.sh" restart "$env_file" content-service >"$work/restart.log" 2>&1 \
    || { cat "$work/restart.log" >&2; exit 1; }
}

if [[ "${AB_BENCH:-delta}" == sync ]]; then
  SYNC_USERS="${SYNC_USERS:-500}"; SYNC_INTERVAL="${SYNC_INTERVAL:-2500}"; SYNC_WARM="${SYNC_WARM:-2}"
  export SYNC_USERS_FILE="$work/sync-users.tsv"   # the same users for both builds, registered once
  # p50 | p99 of a SyncBench table row; the net-of-idle CPU per save of a cpu.js report row
  cells() { awk -F'|' -v m="$1" 'index($2, m) {gsub(/ /, "", $4); gsub(/ /, "", $6); print $4 " | " $6; exit}'; }
  net_cpu() { awk -F'|' -v m="$1" 'index($0, m) == 1 {v = $(NF - 1); gsub(/[ *]/, "", v); print v; exit}'; }
  sync_run() { IDLE=3 "$root/deploy/bench/sync/run.sh" "$env_file" "$SYNC_USERS" "$1" "$SYNC_INTERVAL"; }
  printf '| round | build | saves sent | update p50 ms | update p99 ms | ack p50 ms | ack p99 ms | content-service ms/save (net of idle) | every process ms/save (net of idle) |\n'
  printf '|---|---|---|---|---|---|---|---|---|\n'
  for ((r = 1; r <= rounds; r++)); do
    for build in this reference; do
      use_build "$build"
      for ((w = 0; w < SYNC_WARM; w++)); do sync_run "$seconds" >/dev/null; done
      out=$(sync_run "$seconds")
      echo "$out" >>"${AB_LOG:-/dev/null}"
      printf '| %d | %s | %s | %s | %s | %s | %s |\n' "$r" "$build" \
        "$(sed -n 's/^\([0-9]*\) saves sent in.*/\1/p' <<<"$out")" \
        "$(cells 'sync:update on the other device' <<<"$out")" "$(cells 'sync:ack on the sender' <<<"$out")" \
        "$(net_cpu '| content-service |' <<<"$out")" "$(net_cpu '| **sum' <<<"$out")"
    done
  done
  exit 0
fi

echo "== setup: $CONCURRENCY projects through $GATEWAY_URL"
source "$here/projects.sh"
bench_projects "$GATEWAY_URL" "$CONCURRENCY" ab

source "$here/../cpu/vacuum.sh"
snap() { node "$here/../cpu/cpu.js" snapshot "$PID_DIR" "$STACK" "${DB_NAME:-writerstree}" >"$work/$1.json"; }
# CPU ms per save of one group of a cpu.js report (its third column, gross: builds are compared with each other)
per_save() { awk -F'|' -v m="| $1 |" 'index($0, m) == 1 {v = $4; gsub(/ /, "", v); print v; exit}'; }

printf '| round | build | saves/s | p50 ms | p99 ms | content-service ms/save | PostgreSQL ms/save |\n|---|---|---|---|---|---|---|\n'
for ((r = 1; r <= rounds; r++)); do
  for build in this reference; do
    use_build "$build"
    PATCH=1 node "$here/load.js" warm "$CONTENT_URL" "$warm" "$WORDS" "${pairs[@]}" >/dev/null
    bench_vacuum
    snap before
    out=$(PATCH=1 node "$here/load.js" "$build" "$CONTENT_URL" "$seconds" "$WORDS" "${pairs[@]}")
    snap after
    cpu=$(node "$here/../cpu/cpu.js" report "$work/before.json" "$work/after.json" "$(jq .ok <<<"$out")")
    printf '| %d | %s | %s | %s | %s | %s | %s |\n' "$r" "$build" "$(jq .rps <<<"$out")" "$(jq .p50ms <<<"$out")" \
      "$(jq .p99ms <<<"$out")" "$(per_save content-service <<<"$cpu")" "$(per_save 'postgres (all)' <<<"$cpu")"
  done
done
