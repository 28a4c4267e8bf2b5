#!/usr/bin/env bash
# deploy/backup-drill.sh <env-file> - a restore drill against a running stack (deploy/stack.sh start <env-file>):
#   1. writes data through the gateway (a user, a project, saved text) and objects into the export bucket, and
#      waits until the events reached the other services;
#   2. fingerprints every table of every service schema (row count + MD5 of the sorted rows), every sequence, every
#      object in the bucket and the signing keys;
#   3. (the stack stopped before 2, so nothing moves underneath) backup.sh; wipes the schemas, the bucket and the keys; restore.sh;
#   4. fingerprints again (must be identical), starts the stack and checks that it serves the data: the token issued
#      before the backup still verifies (the keys came back) and the project comes back with its text.
# Destroys the stack's data in between: never point it at a stack whose data matters. Exit code 0 = drill passed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
env_file="$(cd "$(dirname "${1:?usage: $0 <env-file>}")" && pwd)/$(basename "$1")"
source "$here/backup/common.sh"
backup_load_env "$env_file"
gateway="http://127.0.0.1:${GATEWAY_PORT:?GATEWAY_PORT missing in $env_file}"
work="$(mktemp -d "${TMPDIR:-/tmp}/writerstree-drill.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# the stack may still be recovering (the fault suite runs just before: its last test makes the database
# unreachable), so wait up to 90 s for it to report healthy
for _ in $(seq 1 90); do
  curl -fs -o /dev/null --max-time 5 "$gateway/health" && break
  sleep 1
done
curl -fs -o /dev/null --max-time 5 "$gateway/health" || die "no stack at $gateway: deploy/stack.sh start $env_file"

api() {  # api METHOD PATH [json] - through the gateway, as a client of its own (X-Forwarded-For)
  local method="$1" path="$2" body="${3:-}"
  curl -sS --max-time 20 -X "$method" "$gateway/api/v1$path" -H "X-Forwarded-For: 10.77.$((RANDOM % 250)).$((RANDOM % 250))" \
    -H 'Content-Type: application/json' ${token:+-H "Authorization: Bearer $token"} ${body:+--data-binary "$body"} \
    -w '\n%{http_code}'
}
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | sed 's/.*:"\(.*\)"/\1/'; }
expect() { local status; status="$(tail -n1 <<<"$2")"; [[ "$status" == "$1" ]] || die "expected $1, got: $2"; }

# --- 1. data -------------------------------------------------------------------------------------------------------
log "writing data through $gateway"
token=""
email="drill-$(date +%s)-$RANDOM@example.com"
r="$(api POST /auth/register "{\"email\":\"$email\",\"password\":\"Drill-Passw0rd-$RANDOM\",\"fullName\":\"Restore Drill\"}")"
expect 201 "$r"
token="$(head -n -1 <<<"$r" | field token)"
r="$(api POST /projects '{"title":"Backup drill","wordGoal":1000}')"
expect 201 "$r"
project="$(head -n -1 <<<"$r" | field id)"
text="Chapter 1.\n\nIt was restored, word for word: «naïve» café ✓ $RANDOM.\n"
r="$(api PUT "/projects/$project/content" "{\"content\":\"$text\",\"version\":0}")"
expect 200 "$r"
s3_make_bucket "$S3_BUCKET"
printf 'PK\003\004 an export file %s' "$RANDOM" > "$work/export.docx"
head -c 100000 /dev/urandom > "$work/tree.png"
s3_put "$S3_BUCKET" "exports/$project/Backup drill.docx" "$work/export.docx"
s3_put "$S3_BUCKET" "exports/$project/tree (1) ✓.png" "$work/tree.png"
# the events reach project-service (word count) before the snapshot, so that nothing moves underneath it
for _ in $(seq 1 60); do
  [[ "$(pg_q "select current_word_count from project.projects where id = '$project'" 2>/dev/null)" -gt 0 ]] 2>/dev/null && break
  sleep 1
done
for _ in $(seq 1 30); do   # the outboxes are drained
  pending=0
  for schema in $BACKUP_SCHEMAS; do
    n="$(pg_q "select count(*) from \"$schema\".outbox_events where published_at is null" 2>/dev/null || echo 0)"
    pending=$((pending + n))
  done
  [[ $pending -eq 0 ]] && break
  sleep 1
done

# --- 2. fingerprint ------------------------------------------------------------------------------------------------
fingerprint() {
  local schema table seq key
  for schema in $BACKUP_SCHEMAS; do
    [[ "$(pg_q "select count(*) from information_schema.schemata where schema_name = '$schema'")" == 1 ]] || { echo "$schema missing"; continue; }
    for table in $(pg_q "select table_name from information_schema.tables where table_schema = '$schema' and table_type = 'BASE TABLE' order by 1"); do
      echo "$schema.$table $(pg_q "select count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) from \"$schema\".\"$table\" t")"
    done
    for seq in $(pg_q "select sequencename from pg_sequences where schemaname = '$schema' order by 1"); do
      echo "$schema.$seq $(pg_q "select last_value from \"$schema\".\"$seq\"")"
    done
  done
  while IFS= read -r key; do
    s3_get "$S3_BUCKET" "$key" "$work/object"
    echo "s3:$key $(sha256sum < "$work/object" | cut -d' ' -f1)"
  done < <(s3_list "$S3_BUCKET" | sort)
  (cd "$IDENTITY_JWT_KEY_DIR" && sha256sum ./*.pem)
}
# The services stop before the fingerprint: their background work (suggestion-service learning a writer's text,
# sweeps) would otherwise move rows between the fingerprint and the dump. backup.sh itself also works on a running
# system (pg_dump takes a consistent snapshot per schema); the drill needs a fixed point to compare against.
"$here/stack.sh" stop "$env_file"
# a stack's own engines (REDIS_PORT / S3_PORT in its env file) stop with it: its bucket lives in its own s3proxy
own_engines=()
if [[ -n "${REDIS_PORT:-}" ]]; then own_engines+=(redis); fi
if [[ -n "${S3_PORT:-}" ]]; then own_engines+=(s3); fi
if (( ${#own_engines[@]} > 0 )); then "$here/stack.sh" start "$env_file" "${own_engines[@]}" >/dev/null; fi
fingerprint > "$work/before"
for schema in $BACKUP_SCHEMAS; do
  rows="$(grep "^$schema\." "$work/before" | awk '$2 ~ /^[0-9]+$/ {s += $2} END {print s + 0}')"
  [[ "$rows" -gt 0 ]] || die "schema $schema holds no rows: the drill needs data in every schema"
done
grep -q '^s3:' "$work/before" || die "no objects in $S3_BUCKET"
log "fingerprint: $(grep -c . "$work/before") lines ($(grep -c '^s3:' "$work/before") objects)"

# --- 3. backup, wipe, restore --------------------------------------------------------------------------------------
SECONDS=0
"$here/backup.sh" "$env_file" "$work/backup" >/dev/null
backup_seconds=$SECONDS
log "wiping schemas, bucket and keys"
for schema in $BACKUP_SCHEMAS; do pg_q "DROP SCHEMA IF EXISTS \"$schema\" CASCADE"; done
while IFS= read -r key; do s3_delete "$S3_BUCKET" "$key"; done < <(s3_list "$S3_BUCKET")
s3_curl DELETE "/$S3_BUCKET" -o /dev/null
rm -f "$IDENTITY_JWT_KEY_DIR"/*.pem
[[ "$(pg_q "select count(*) from information_schema.schemata where schema_name in ('identity','project','content')")" == 0 ]] || die "wipe failed"
SECONDS=0
"$here/restore.sh" "$env_file" "$work/backup"
restore_seconds=$SECONDS

# --- 4. identical, and served --------------------------------------------------------------------------------------
fingerprint > "$work/after"
if ! diff -u "$work/before" "$work/after"; then die "restored data differs from the data backed up"; fi
log "restored data identical ($(grep -c . "$work/after") tables, sequences, objects and keys)"
SECONDS=0
"$here/stack.sh" start "$env_file" >/dev/null
start_seconds=$SECONDS
r="$(api GET "/projects/$project")"
expect 200 "$r"
grep -qF "restored, word for word" <<<"$r" || die "the project came back without its text: $r"
log "the stack serves the restored data (token from before the backup still valid, project $project with its text)"
log "PASSED: backup ${backup_seconds}s, restore ${restore_seconds}s, stack start ${start_seconds}s"
