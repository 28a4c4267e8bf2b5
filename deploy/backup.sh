#!/usr/bin/env bash
# deploy/backup.sh [env-file] [out-dir] - a consistent-per-schema backup of everything the suite cannot rebuild:
#   db/<schema>.dump   pg_dump -Fc of each service's schema (identity, project, content, export, stats, suggestion)
#   s3/<key>           every object of the export bucket, fetched over the S3 API
#   keys/*.pem         identity's JWT signing keys (IDENTITY_JWT_KEY_DIR)
#   MANIFEST           what was taken, when, and the SHA-256 of every file (restore.sh verifies it)
# Redis is not backed up: it holds caches, rate-limit windows and the revocation deny list; the deny list is made
# durable by Redis' append-only file in production (see deploy/backup/README.md), and tokens revoked since the
# last AOF sync expire on their own within their lifetime.
#
# Configuration: the stack's env file (DB_NAME, S3_BUCKET, ...) or the environment: DB_HOST DB_PORT DB_USER
# DB_PASSWORD DB_NAME, S3_ENDPOINT S3_REGION S3_ACCESS_KEY S3_SECRET_KEY S3_BUCKET, IDENTITY_JWT_KEY_DIR,
# BACKUP_SCHEMAS (default: the six service schemas). out-dir defaults to $BACKUP_DIR/writerstree-<UTC time>.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/backup/common.sh"
backup_load_env "${1:-}"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="${2:-${BACKUP_DIR:-$PWD/backups}/writerstree-$stamp}"
[[ ! -e "$out/MANIFEST" ]] || die "$out already holds a backup"
mkdir -p "$out/db" "$out/s3" "$out/keys"
chmod 700 "$out"

log "backup of $DB_NAME, bucket $S3_BUCKET, keys $IDENTITY_JWT_KEY_DIR -> $out"
for schema in $BACKUP_SCHEMAS; do
  if [[ "$(pg_q "select count(*) from information_schema.schemata where schema_name = '$schema'")" == 0 ]]; then
    warn "schema $schema does not exist: skipped"; continue
  fi
  PGPASSWORD="${DB_PASSWORD:-}" pg_dump -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" \
    -n "$schema" -Fc --no-owner --no-privileges -f "$out/db/$schema.dump"
done

objects=0
if s3_bucket_exists "$S3_BUCKET"; then
  while IFS= read -r key; do
    [[ -n "$key" ]] || continue
    case "/$key/" in */../*|*/./*) die "refusing an S3 key with a dot segment: $key" ;; esac
    mkdir -p "$(dirname "$out/s3/$key")"
    s3_get "$S3_BUCKET" "$key" "$out/s3/$key"
    objects=$((objects + 1))
  done < <(s3_list "$S3_BUCKET")
else
  warn "bucket $S3_BUCKET does not exist: no objects"
fi

if compgen -G "$IDENTITY_JWT_KEY_DIR/*.pem" >/dev/null; then
  cp -p "$IDENTITY_JWT_KEY_DIR"/*.pem "$out/keys/"
  chmod 600 "$out/keys"/*.pem
else
  warn "no signing keys in $IDENTITY_JWT_KEY_DIR"
fi

{
  echo "# writerstree backup $stamp database=$DB_NAME bucket=$S3_BUCKET objects=$objects"
  (cd "$out" && find db s3 keys -type f -print0 | sort -z | xargs -0 -r sha256sum)
} > "$out/MANIFEST"
log "done: $(ls "$out/db" | wc -l) schemas, $objects objects, $(ls "$out/keys" | wc -l) keys ($(du -sh "$out" | cut -f1))"
echo "$out"
