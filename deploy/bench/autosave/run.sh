#!/usr/bin/env bash
# Autosave benchmark (not a test): throughput and latency of PUT /projects/{id}/content
#   (a) through the gateway, (b) directly on content-service, (c) pgbench doing the equivalent single-row write.
# Loopback only; bounded: DURATION seconds per phase, CONCURRENCY workers, each saving its own project.
#
#   deploy/bench/autosave/run.sh                     # against the dev stack (gateway 3000, content 8083)
#   deploy/bench/autosave/run.sh deploy/env/x.env    # against the stack described by an env file
#   DURATION=20 CONCURRENCY=8 WORDS=2000 deploy/bench/autosave/run.sh ...
# Around each phase it reads every process's CPU from /proc (deploy/bench/cpu/cpu.js: the stack's services by pid
# file, both gateway replicas, Kafka, Redis, PostgreSQL) and prints CPU ms per save per process. DELTA=1 (default)
# adds phase (d): one-word delta saves (patch) through the gateway; PGBENCH=0 skips phase (c).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ $# -ge 1 ]]; then
  set -a; source "$1"; set +a
fi
GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:${GATEWAY_PORT:-3000}}"
CONTENT_URL="${CONTENT_URL:-http://127.0.0.1:${CONTENT_PORT:-8083}}"
DURATION="${DURATION:-20}"
CONCURRENCY="${CONCURRENCY:-8}"
WORDS="${WORDS:-2000}"
DELTA="${DELTA:-1}"
PGBENCH="${PGBENCH:-1}"
root="$(cd "$here/../../.." && pwd)"
PID_DIR="${WT_PID_DIR:-${WT_RUN_DIR:-$root/.run}/pids}"
STACK="${WT_STACK:-dev}"
cpu_dir=$(mktemp -d)
trap 'rm -rf "$cpu_dir"' EXIT
source "$here/../cpu/vacuum.sh"
source "$here/../../lib/cpu_shares.sh"
loadgen_group_join "$STACK" "$PID_DIR"
cpu_snap() { node "$here/../cpu/cpu.js" snapshot "$PID_DIR" "$STACK" "${DB_NAME:-writerstree}" >"$cpu_dir/$1.json"; }
IDLE="${IDLE:-10}"   # seconds of no load before the phases: the background CPU rate, subtracted as "net"
# cpu_report <phase> <load.js JSON>: CPU per save of the phase, from the snapshots <phase>-before/-after
cpu_report() {
  local saves seconds; saves=$(jq -r .ok <<<"$2"); seconds=$(jq -r .seconds <<<"$2")
  node "$here/../cpu/cpu.js" report "$cpu_dir/$1-before.json" "$cpu_dir/$1-after.json" "$saves" "$1" "$seconds" \
    "$cpu_dir/idle-before.json" "$cpu_dir/idle-after.json" "$IDLE"
}
PG_HOST="${DB_HOST:-127.0.0.1}"; PG_PORT="${DB_PORT:-5432}"; PG_USER="${DB_USER:-postgres}"
BENCH_DB="${BENCH_DB:-writerstree_bench}"   # pgbench's scratch database (never a service's)

for url in "$GATEWAY_URL" "$CONTENT_URL"; do
  case "$url" in http://127.0.0.1:*|http://localhost:*) ;; *) echo "refusing non-loopback URL $url" >&2; exit 2;; esac
done
curl -fsS "$GATEWAY_URL/health" >/dev/null || { echo "gateway not answering at $GATEWAY_URL/health" >&2; exit 1; }
curl -fsS "$CONTENT_URL/q/health/ready" >/dev/null || { echo "content-service not ready at $CONTENT_URL" >&2; exit 1; }

source "$here/projects.sh"
echo "== setup: users and $CONCURRENCY projects through $GATEWAY_URL"
bench_projects "$GATEWAY_URL" "$CONCURRENCY" autosave
node "$here/load.js" warmup "$GATEWAY_URL/api/v1" 3 "$WORDS" "${pairs[@]}" >/dev/null

echo "== idle: ${IDLE}s without load (background CPU of every process)"
bench_vacuum
cpu_snap idle-before
sleep "$IDLE"
cpu_snap idle-after
echo "== (a) gateway: ${DURATION}s, $CONCURRENCY workers, $WORDS words per save"
bench_vacuum
cpu_snap a-before
gw=$(node "$here/load.js" gateway "$GATEWAY_URL/api/v1" "$DURATION" "$WORDS" "${pairs[@]}")
cpu_snap a-after
echo "$gw"
cpu_report a "$gw"
echo "== (b) content-service direct"
bench_vacuum
cpu_snap b-before
direct=$(node "$here/load.js" direct "$CONTENT_URL" "$DURATION" "$WORDS" "${pairs[@]}")
cpu_snap b-after
echo "$direct"
cpu_report b "$direct"
delta='{"rps":0,"p50ms":0,"p99ms":0,"ok":0,"errors":0}'
if [[ "$DELTA" == 1 ]]; then
  echo "== (d) gateway, delta saves: one word appended per save (patch) to a ~$WORDS-word text"
  bench_vacuum
  cpu_snap d-before
  delta=$(PATCH=1 node "$here/load.js" gateway-delta "$GATEWAY_URL/api/v1" "$DURATION" "$WORDS" "${pairs[@]}")
  cpu_snap d-after
  echo "$delta"
  cpu_report d "$delta"
fi
# gateway/direct as throughput of alternating slices (a b, b a, a b, ...): both paths see the same machine, the same
# database and the same JIT state, which two phases run one after the other do not (RATIO_ROUNDS=0 skips it)
RATIO_ROUNDS="${RATIO_ROUNDS:-4}"; RATIO_SECONDS="${RATIO_SECONDS:-10}"
ratio="none"
if (( RATIO_ROUNDS > 0 )); then
  echo "== gateway/direct interleaved: $RATIO_ROUNDS rounds of ${RATIO_SECONDS}s per path, alternating which goes first"
  slices=()
  for ((r = 0; r < RATIO_ROUNDS; r++)); do
    order=(gateway direct); (( r % 2 == 1 )) && order=(direct gateway)
    for path in "${order[@]}"; do
      bench_vacuum
      if [[ "$path" == gateway ]]; then
        slices+=("$(node "$here/load.js" gateway "$GATEWAY_URL/api/v1" "$RATIO_SECONDS" "$WORDS" "${pairs[@]}")")
      else
        slices+=("$(node "$here/load.js" direct "$CONTENT_URL" "$RATIO_SECONDS" "$WORDS" "${pairs[@]}")")
      fi
    done
  done
  ratio=$(node -e '
const s = process.argv.slice(1).map((a) => JSON.parse(a));
const sum = (l) => s.filter((x) => x.label === l).reduce((t, x) => ({ ok: t.ok + x.ok, sec: t.sec + x.seconds,
  rps: t.rps.concat([x.rps]) }), { ok: 0, sec: 0, rps: [] });
const g = sum("gateway"), d = sum("direct");
console.log("gateway " + (g.ok / g.sec).toFixed(1) + " saves/s (slices " + g.rps.join(", ") + "), direct "
  + (d.ok / d.sec).toFixed(1) + " saves/s (slices " + d.rps.join(", ") + "): gateway/direct = "
  + ((g.ok / g.sec) / (d.ok / d.sec)).toFixed(2));
' "${slices[@]}")
  echo "$ratio"
fi
if [[ "$PGBENCH" != 1 ]]; then
  echo
  echo "== result ($(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${DURATION}s per phase, $CONCURRENCY concurrent, ~$WORDS words/save)"
  node -e '
const [gw, direct, delta] = process.argv.slice(1).map((a) => JSON.parse(a));
console.log("| path | saves/s | p50 ms | p99 ms | ok | errors |");
console.log("|---|---|---|---|---|---|");
for (const [n, r] of [["(a) gateway full saves", gw], ["(b) content-service direct full saves", direct], ["(d) gateway delta saves", delta]])
  console.log("| " + [n, r.rps, r.p50ms, r.p99ms, r.ok, r.errors].join(" | ") + " |");
console.log("gateway/direct = " + (gw.rps / direct.rps).toFixed(2) + " (phases (a) and (b), one after the other)");
' "$gw" "$direct" "$delta"
  echo "interleaved: $ratio"
  exit 0
fi

echo "== (c) pgbench: UPDATE of one ${WORDS}-word row + version+1 per transaction, database $BENCH_DB"
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }
psql_ -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1 \
  || psql_ -d postgres -c "CREATE DATABASE $BENCH_DB"
text=$(node -e "const v='the rain fell on the quiet town while she waited by the window and wondered whether the letter would ever come back from the old house on the hill above the river'.split(' ');const o=[];for(let i=0;i<$WORDS;i++)o.push(v[(i*7)%v.length]);process.stdout.write(o.join(' '))")
psql_ -d "$BENCH_DB" -v text="$text" -v clients="$CONCURRENCY" <<'SQL'
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_autosave;
CREATE TABLE bench_autosave (id INTEGER PRIMARY KEY, content TEXT NOT NULL, version INTEGER NOT NULL,
                             updated_at TIMESTAMPTZ NOT NULL DEFAULT now());
INSERT INTO bench_autosave SELECT g, :'text', 0 FROM generate_series(1, :clients) g;
SQL
script=$(mktemp)
cat > "$script" <<'PGB'
\set id :client_id + 1
BEGIN;
UPDATE bench_autosave SET content = overlay(content PLACING lpad((version + 1)::text, 10, '0') FROM 1 FOR 10),
       version = version + 1, updated_at = now() WHERE id = :id;
END;
PGB
pgb=$(pgbench -n -M prepared -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -c "$CONCURRENCY" -j 2 -T "$DURATION" \
  -f "$script" -r "$BENCH_DB" 2>&1 || true)
rm -f "$script"
pg_tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<<"$pgb" | head -1)
pg_lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$pgb" | head -1)
echo "tps=$pg_tps latency_avg_ms=$pg_lat"

echo
echo "== result ($(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${DURATION}s per phase, $CONCURRENCY concurrent, ~$WORDS words/save)"
node -e '
const [gw, direct, pgTps, pgLat] = [JSON.parse(process.argv[1]), JSON.parse(process.argv[2]), Number(process.argv[3]), Number(process.argv[4])];
const rows = [["path", "saves/s", "p50 ms", "p99 ms", "ok", "errors"],
  ["(a) gateway PUT /api/v1/projects/{id}/content", gw.rps, gw.p50ms, gw.p99ms, gw.ok, gw.errors],
  ["(b) content-service PUT /projects/{id}/content", direct.rps, direct.p50ms, direct.p99ms, direct.ok, direct.errors],
  ["(c) pgbench single-row UPDATE (avg latency)", pgTps.toFixed(1), pgLat.toFixed(2), "-", "-", "-"]];
for (const r of rows) console.log("| " + r.join(" | ") + " |");
console.log("");
console.log("throughput ratio gateway : direct : pgbench = " + (gw.rps / pgTps).toFixed(3) + " : " + (direct.rps / pgTps).toFixed(3) + " : 1"
  + "   (gateway/direct = " + (gw.rps / direct.rps).toFixed(2) + ")");
' "$gw" "$direct" "${pg_tps:-0}" "${pg_lat:-0}"
echo "interleaved: $ratio"
