# shellcheck shell=bash
# CPU weights of a local stack's processes as Kubernetes gives them (sourced by deploy/stack.sh and the benchmarks).
#
# In Kubernetes each container runs in its own cgroup whose cpu.shares come from its CPU request
# (shares = millicores * 1024 / 1000; deploy/k8s/base/<service>/deployment.yaml): when a node's cores are all
# busy, a service gets CPU in proportion to its request, whatever its number of threads. Started as plain
# processes on one machine, every thread weighs the same instead: a consumer catching up on a batch with its
# dozen threads takes the cores from a save in flight. With WT_CPU_SHARES=k8s a stack puts each service in a cgroup
# (cgroup v1 "cpu" controller, or cgroup v2's cpu.weight) with the shares of its manifest's request, so the
# machine schedules the stack as a node would; load generators get their own group (a client is not on the node).
# Needs root and a writable cgroup "cpu" hierarchy; where there is none it warns once and changes nothing.
# Off by default, the bench stack included: measured on 2026-12-01 it made the sync tail worse (root README, issue
# 12 fourth session); deploy/bench/cpu/shares.sh switches a running stack on and off to measure it again.

WT_CGROUP_NAME="${WT_CGROUP_NAME:-writerstree}"
declare -F warn >/dev/null || warn() { echo "WARN: $*" >&2; }
declare -F log >/dev/null || log() { echo "$*" >&2; }

# the cgroup root we can create groups under, or nothing
cpu_cgroup_root() {
  local v1=/sys/fs/cgroup/cpu v2=/sys/fs/cgroup
  if [[ -w "$v1" && -f "$v1/cpu.shares" ]]; then echo "$v1/$WT_CGROUP_NAME"; return; fi
  if [[ -w "$v2" && -f "$v2/cgroup.controllers" ]] && grep -qw cpu "$v2/cgroup.controllers"; then
    echo "$v2/$WT_CGROUP_NAME"; return
  fi
}

# the CPU request of a service's Kubernetes manifest in millicores ("300m" -> 300, "1" -> 1000)
k8s_cpu_request_millis() {
  local svc="${1%-2}" manifest req
  manifest="$WT_ROOT/deploy/k8s/base/$svc/deployment.yaml"
  [[ -f "$manifest" ]] || { echo 1000; return; }
  req=$(awk '/requests:/ {r=1; next} r && /cpu:/ {gsub(/["\047]/, "", $2); print $2; exit} /limits:/ {r=0}' "$manifest")
  case "$req" in
    *m) echo "${req%m}" ;;
    '') echo 1000 ;;
    *) awk -v c="$req" 'BEGIN { printf "%d", c * 1000 }' ;;
  esac
}

# cpu_group_join <group> <millicores> <pid>: moves a process (all its threads) into its own CPU group
cpu_group_join() {
  local group="$1" millis="$2" pid="$3" root dir shares
  [[ "${WT_CPU_SHARES:-off}" == "k8s" ]] || return 0
  root="$(cpu_cgroup_root)"
  if [[ -z "$root" ]]; then
    [[ -n "${_WT_CPU_SHARES_WARNED:-}" ]] || warn "WT_CPU_SHARES=k8s: no writable cgroup cpu controller, processes keep equal weights"
    _WT_CPU_SHARES_WARNED=1
    return 0
  fi
  dir="$root/$group"
  mkdir -p "$dir" 2>/dev/null || { warn "cannot create cgroup $dir"; return 0; }
  shares=$(( millis * 1024 / 1000 ))
  (( shares >= 2 )) || shares=2
  if [[ -f "$dir/cpu.shares" ]]; then
    echo "$shares" >"$dir/cpu.shares"
  elif [[ -f "$dir/cpu.weight" ]]; then   # cgroup v2: weight 1-10000, 100 = 1024 shares
    echo $(( shares * 100 / 1024 > 0 ? shares * 100 / 1024 : 1 )) >"$dir/cpu.weight"
  fi
  echo "$pid" >"$dir/cgroup.procs" 2>/dev/null || warn "cannot move pid $pid into $dir"
}

# cpu_group_of <pid>: the CPU group a process is in (for reports)
cpu_group_of() {
  { grep -E '(^|:)cpu(,cpuacct)?:|^0::' "/proc/$1/cgroup" 2>/dev/null || true; } | sed -n '1s/^[^:]*:[^:]*://p'
}

# cpu_group_remove <group>: removes an empty group (after its process stopped), and the parent when it was the last
cpu_group_remove() {
  local root
  root="$(cpu_cgroup_root)"
  [[ -n "$root" && -d "$root/$1" ]] || return 0
  rmdir "$root/$1" 2>/dev/null || true
  rmdir "$root" 2>/dev/null || true   # the last group gone: no empty parent left behind
}

# loadgen_group_join <stack> <pid-dir>: when the stack's gateway runs in a CPU group, the calling shell (and the load
# generator it starts) joins a group of its own weighted as one core: a client does not run on the node; left among
# the stack's groups as plain threads, each of its threads would weigh as much as a whole service
loadgen_group_join() {
  local gw group
  gw="$(head -n 1 "$2/$1-sync-gateway.pid" 2>/dev/null | tr -dc '0-9' || true)"
  [[ -n "$gw" ]] || return 0
  group="$(cpu_group_of "$gw")"
  [[ "$group" == */"$WT_CGROUP_NAME"/* ]] || return 0
  WT_CPU_SHARES=k8s cpu_group_join "$1-loadgen" 1000 "$BASHPID"
  log "load generator in CPU group $1-loadgen (the stack runs with its Kubernetes CPU shares)"
}
