#!/usr/bin/env bash
# CPU per save per process next to throughput and latency (not a test): the autosave benchmark's phases
# (a) gateway full saves, (b) content-service direct, (d) gateway one-word delta saves, each wrapped in /proc
# snapshots of every process of the stack (deploy/bench/cpu/cpu.js). pgbench (phase c) is skipped unless PGBENCH=1.
#   deploy/bench/cpu/run.sh deploy/env/bench.env            # DURATION=20 CONCURRENCY=8 WORDS=2000 by default
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
PGBENCH="${PGBENCH:-0}" exec "$here/../autosave/run.sh" "$@"
