# shellcheck shell=bash
# Shared by deploy/backup.sh, deploy/restore.sh and deploy/backup-drill.sh.
source "$(dirname "${BASH_SOURCE[0]}")/s3.sh"

log() { printf '[backup] %s\n' "$*" >&2; }
warn() { printf '[backup] WARNING: %s\n' "$*" >&2; }
die() { printf '[backup] ERROR: %s\n' "$*" >&2; exit 1; }

# backup_load_env [env-file] - a stack env file (deploy/env/*.env or a private one) fills what the environment
# does not set; the local engines' defaults fill the rest
backup_load_env() {
  if [[ -n "${1:-}" ]]; then
    [[ -f "$1" ]] || die "no env file $1"
    set -a; source "$1"; set +a
  fi
  : "${DB_HOST:=127.0.0.1}" "${DB_PORT:=5432}" "${DB_USER:=postgres}" "${DB_NAME:=writerstree}"
  # a stack with an s3proxy of its own (S3_PORT, deploy/stack.sh) keeps its bucket there
  : "${S3_ENDPOINT=http://127.0.0.1:${S3_PORT:-9000}}" "${S3_REGION:=us-east-1}"
  : "${S3_ACCESS_KEY:=writerstree}" "${S3_SECRET_KEY:=writerstree-local-secret}" "${S3_BUCKET:=writerstree-exports}"
  local root; root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  : "${IDENTITY_JWT_KEY_DIR:=${WT_RUN_DIR:-$root/.run}/keys/${WT_STACK:-dev}}"
  : "${BACKUP_SCHEMAS:=identity project content export stats suggestion}"
  export DB_HOST DB_PORT DB_USER DB_NAME S3_ENDPOINT S3_REGION S3_ACCESS_KEY S3_SECRET_KEY S3_BUCKET
  export IDENTITY_JWT_KEY_DIR BACKUP_SCHEMAS
}

# PostgreSQL's NOTICEs (drop ... cascades) are noise in these scripts' output
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"

pg_q() {
  PGPASSWORD="${DB_PASSWORD:-}" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 \
    -qAtc "$1"
}
