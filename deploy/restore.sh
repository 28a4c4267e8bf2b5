#!/usr/bin/env bash
# deploy/restore.sh [env-file] <backup-dir> - puts a backup made by deploy/backup.sh back:
#   verifies MANIFEST (every file's SHA-256), then for each schema in the backup drops the schema and restores it
#   (pg_restore: tables, rows, sequences, Flyway history), uploads every object into the bucket (created when
#   missing) over the S3 API, and copies the signing keys into IDENTITY_JWT_KEY_DIR.
# Stop the services first (deploy/stack.sh stop ...; in Kubernetes scale the deployments to 0): a running service
# would write between drop and restore. Objects in the bucket that are not in the backup are left alone
# (RESTORE_S3_PRUNE=true deletes them, for a restore into a bucket that must equal the backup).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/backup/common.sh"
if [[ $# -ge 2 ]]; then backup_load_env "$1"; dir="$2"; else backup_load_env ""; dir="${1:?usage: $0 [env-file] <backup-dir>}"; fi
[[ -f "$dir/MANIFEST" ]] || die "$dir holds no backup (no MANIFEST)"

log "verifying $dir"
(cd "$dir" && grep -v '^#' MANIFEST | sha256sum --quiet -c -) || die "backup files do not match MANIFEST"

for dump in "$dir"/db/*.dump; do
  [[ -e "$dump" ]] || continue
  schema="$(basename "$dump" .dump)"
  log "restoring schema $schema into $DB_NAME"
  pg_q "DROP SCHEMA IF EXISTS \"$schema\" CASCADE"
  PGPASSWORD="${DB_PASSWORD:-}" pg_restore -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" \
    --no-owner --no-privileges --exit-on-error "$dump"
done

s3_make_bucket "$S3_BUCKET"
restored=0
declare -A keep=()
if [[ -d "$dir/s3" ]]; then
  while IFS= read -r -d '' file; do
    key="${file#"$dir/s3/"}"
    s3_put "$S3_BUCKET" "$key" "$file"
    keep["$key"]=1
    restored=$((restored + 1))
  done < <(find "$dir/s3" -type f -print0)
fi
if [[ "${RESTORE_S3_PRUNE:-false}" == true ]]; then
  while IFS= read -r key; do
    [[ -n "$key" && -z "${keep[$key]:-}" ]] && s3_delete "$S3_BUCKET" "$key"
  done < <(s3_list "$S3_BUCKET")
fi

if compgen -G "$dir/keys/*.pem" >/dev/null; then
  mkdir -p "$IDENTITY_JWT_KEY_DIR"
  chmod 700 "$IDENTITY_JWT_KEY_DIR"
  cp -p "$dir"/keys/*.pem "$IDENTITY_JWT_KEY_DIR/"
fi
log "restored: $(ls "$dir"/db/*.dump 2>/dev/null | wc -l) schemas, $restored objects, $(ls "$dir"/keys/*.pem 2>/dev/null | wc -l) keys"
