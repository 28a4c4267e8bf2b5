#!/usr/bin/env bash
# deploy/stop.sh - stop the services (both stacks) and the engines this project started.
# PostgreSQL and Redis are only stopped when these scripts started them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
"$WT_ROOT/deploy/stack.sh" stop dev
"$WT_ROOT/deploy/stack.sh" stop it
"$WT_ROOT/deploy/engines/engines.sh" stop
