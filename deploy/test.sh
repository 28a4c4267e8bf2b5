#!/usr/bin/env bash
# deploy/test.sh - the whole test suite on the real engines:
#   1. engines up (installed/started where missing),
#   2. mvn install: unit tests and each service's Quarkus tests (database writerstree_test, topics test.*),
#   3. the seven services started from the jars just built as the 'it' stack (ports 13000, 18081-18086,
#      database writerstree_it, topics it.*), then the black-box system tests through its gateway,
#   4. the fault-injection suite against the same stack (deploy/fault.sh: kill -9 of content-service and of a
#      gateway replica, the stack's database unreachable),
#   5. the restore drill (deploy/backup-drill.sh: backup, wipe, restore, identical; it destroys the stack's data,
#      so it runs last),
#   6. the 'it' stack stopped again (engines keep running).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$WT_ROOT/deploy/lib/prereqs.sh"

ensure_prereqs
"$WT_ROOT/deploy/engines/engines.sh" start

cd "$WT_ROOT"
log "unit and service tests (mvn install)"
mvn -B install -Dsurefire.printSummary=true

trap '"$WT_ROOT/deploy/stack.sh" stop it' EXIT
"$WT_ROOT/deploy/stack.sh" stop it >/dev/null 2>&1 || true
"$WT_ROOT/deploy/stack.sh" start it
log "system tests through the gateway (http://127.0.0.1:13000)"
it_env() { sed -n "s/^$1=//p" "$WT_ROOT/deploy/env/it.env" | tail -1; }
mvn -B verify -pl system-tests -DskipITs=false -Dwt.gateway2.url=http://127.0.0.1:13001 \
  -Dwt.redis.port="$(it_env REDIS_PORT)" -Dwt.s3.port="$(it_env S3_PORT)" -Dwt.otlp.port="$(it_env OTLP_PORT)"

log "fault-injection suite (deploy/fault.sh)"
"$WT_ROOT/deploy/fault.sh" "$WT_ROOT/deploy/env/it.env"

log "restore drill (deploy/backup-drill.sh)"
"$WT_ROOT/deploy/backup-drill.sh" "$WT_ROOT/deploy/env/it.env"
