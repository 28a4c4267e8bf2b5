#!/usr/bin/env bash
# Puts a running stack's services into (on) or out of (off) CPU groups weighted by their Kubernetes CPU requests
# (deploy/lib/cpu_shares.sh), so that one stack can be measured both ways in alternating runs; "status" prints
# each service's group and shares. Needs root and a writable cgroup cpu controller.
#   deploy/bench/cpu/shares.sh deploy/env/bench.env on|off|status
#   WT_PID_DIR=<checkout>/.run/pids deploy/bench/cpu/shares.sh <env> on   # a stack started from another checkout
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../../lib/common.sh"
source "$here/../../lib/cpu_shares.sh"
env_file="${1:?usage: shares.sh <stack.env> on|off|status}"
action="${2:-status}"
set -a; source "$env_file"; set +a
stack="${WT_STACK:?}"
PID_DIR="$WT_PID_DIR"
services=(identity-service project-service content-service export-service stats-service suggestion-service sync-gateway)
[[ -n "${GATEWAY2_PORT:-}" ]] && services+=(sync-gateway-2)
root="$(cpu_cgroup_root)"
[[ -n "$root" ]] || die "no writable cgroup cpu controller on this machine"
for svc in "${services[@]}"; do
  pid="$(head -n 1 "$PID_DIR/$stack-$svc.pid" 2>/dev/null | tr -dc '0-9' || true)"
  [[ -n "$pid" && -d "/proc/$pid" ]] || { warn "$svc ($stack) is not running"; continue; }
  case "$action" in
    on) WT_CPU_SHARES=k8s cpu_group_join "$stack-$svc" "$(k8s_cpu_request_millis "$svc")" "$pid" ;;
    off) echo "$pid" >"$(dirname "$root")/cgroup.procs"; cpu_group_remove "$stack-$svc" ;;
    status) ;;
    *) die "usage: shares.sh <stack.env> on|off|status" ;;
  esac
  group="$(cpu_group_of "$pid")"
  shares="$(cat "$(dirname "$root")$group/cpu.shares" 2>/dev/null || echo -)"
  printf '%-20s pid %-8s group %-32s shares %s\n' "$svc" "$pid" "${group:-/}" "$shares"
done
[[ "$action" == off ]] && cpu_group_remove "$stack-loadgen"
exit 0
