#!/usr/bin/env bash
# deploy/fault.sh <env-file> - the fault-injection suite (system tests tagged "fault", issue #8) against the stack
# of <env-file>: kill -9 of content-service during 50 concurrent saves, kill -9 of a gateway replica with connected
# devices, the stack's database unreachable (its own database only: the shared PostgreSQL is never restarted), the
# stack's own Redis killed (REDIS_PORT: revocation fails closed, limits fail open, saves go on) and its own s3proxy
# killed (S3_PORT: exports answer 503), and a graceful stop of a gateway replica holding sockets (it must not wait
# for them). Without REDIS_PORT / S3_PORT in the env file those two are skipped.
# Starts the stack if it is not running (deploy/stack.sh start), leaves it running. Bounded: the suite < 5 min.
# Extra Maven options (e.g. -Dmaven.repo.local=...) come from WT_MVN_ARGS.
#
# CI: after the system tests of deploy/test.sh (same stack, its env file deploy/env/it.env):
#   "$WT_ROOT/deploy/fault.sh" "$WT_ROOT/deploy/env/it.env"
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

[[ $# -ge 1 ]] || die "usage: $0 <env-file>"
env_file="$1"
[[ -f "$env_file" ]] || env_file="$WT_ROOT/deploy/env/$1.env"
[[ -f "$env_file" ]] || die "no env file $1"
env_file="$(cd "$(dirname "$env_file")" && pwd)/$(basename "$env_file")"
set -a; source "$env_file"; set +a

"$WT_ROOT/deploy/stack.sh" start "$env_file"

gateway2="http://127.0.0.1:${GATEWAY2_PORT:-$GATEWAY_PORT}"
cd "$WT_ROOT"
log "fault-injection suite against stack '$WT_STACK' (gateway http://127.0.0.1:$GATEWAY_PORT)"
# shellcheck disable=SC2086
timeout 600 mvn -B verify -pl system-tests ${WT_MVN_ARGS:-} \
  -DskipITs=false -DskipFaultITs=false -DskipDisruptiveITs=true \
  -Dit.test='*FaultIT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dwt.stack="$WT_STACK" -Dwt.stack.env="$env_file" \
  -Dwt.gateway.url="http://127.0.0.1:$GATEWAY_PORT" -Dwt.gateway2.url="$gateway2" \
  -Dwt.service.identity.url="http://127.0.0.1:$IDENTITY_PORT" \
  -Dwt.service.project.url="http://127.0.0.1:$PROJECT_PORT" \
  -Dwt.service.content.url="http://127.0.0.1:$CONTENT_PORT" \
  -Dwt.service.export.url="http://127.0.0.1:$EXPORT_PORT" \
  -Dwt.service.stats.url="http://127.0.0.1:$STATS_PORT" \
  -Dwt.service.suggestion.url="http://127.0.0.1:$SUGGESTION_PORT" \
  -Dwt.db.url="jdbc:postgresql://127.0.0.1:5432/$DB_NAME" \
  -Dwt.redis.port="${REDIS_PORT:-}" -Dwt.s3.port="${S3_PORT:-}"
