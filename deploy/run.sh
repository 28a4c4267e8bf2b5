#!/usr/bin/env bash
# deploy/run.sh - build and start the whole suite locally: engines (PostgreSQL, Redis, Kafka, s3proxy,
# GreenMail; installed or started where missing, reused where running) and the seven services.
# The gateway answers on http://localhost:3000. Stop everything with deploy/stop.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$WT_ROOT/deploy/lib/prereqs.sh"

ensure_prereqs
"$WT_ROOT/deploy/engines/engines.sh" start
if [[ "${WT_SKIP_BUILD:-false}" != true ]]; then
  log "building (mvn install -DskipTests)"
  (cd "$WT_ROOT" && mvn -B -q install -DskipTests)
fi
"$WT_ROOT/deploy/stack.sh" start dev
echo
"$WT_ROOT/deploy/engines/engines.sh" status
cat <<MSG

Writer's Tree is running.
  API gateway     http://localhost:3000/api/v1   (also /v1; health: http://localhost:3000/health)
  Service logs    $WT_LOG_DIR/dev/<service>.log
  Engine logs     $WT_LOG_DIR/<engine>.log
  Mail (GreenMail) http://127.0.0.1:8025         (every mail the suite sends lands here)
Stop with: deploy/stop.sh
MSG
