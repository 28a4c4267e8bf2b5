# shellcheck shell=bash
# deploy/lib/common.sh - small helpers shared by the deploy/ scripts.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
#
# Provides:
#   repo_root                              absolute path of the git work tree
#   log MSG... / warn MSG... / die MSG...  messages on stderr (die exits 1)
#   port_open HOST PORT                    0 if a TCP connect succeeds
#   wait_for_port HOST PORT TIMEOUT_S NAME [LOGFILE]
#   wait_until TIMEOUT_S NAME LOGFILE -- CMD...   poll CMD until it succeeds
#   start_bg NAME LOGFILE -- CMD...        nohup+setsid in background, pid file, returns at once
#   is_running NAME                        0 if the pid in <pids>/NAME.pid is alive
#   stop_pid NAME [TIMEOUT_S]              TERM, wait (default 20 s), then KILL
#   pid_file NAME / read_pid NAME
#
# Layout (all overridable from the environment):
#   WT_RUN_DIR  = <repo>/.run      WT_LOG_DIR = $WT_RUN_DIR/logs
#   WT_PID_DIR  = $WT_RUN_DIR/pids WT_DATA_DIR = $WT_RUN_DIR/engines

[[ -n "${_WT_COMMON_SH:-}" ]] && return 0
_WT_COMMON_SH=1

repo_root() {
  (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
}

WT_ROOT="${WT_ROOT:-$(repo_root)}"
WT_RUN_DIR="${WT_RUN_DIR:-$WT_ROOT/.run}"
WT_LOG_DIR="${WT_LOG_DIR:-$WT_RUN_DIR/logs}"
WT_PID_DIR="${WT_PID_DIR:-$WT_RUN_DIR/pids}"
WT_DATA_DIR="${WT_DATA_DIR:-$WT_RUN_DIR/engines}"
export WT_ROOT WT_RUN_DIR WT_LOG_DIR WT_PID_DIR WT_DATA_DIR

log()  { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
warn() { log "WARN: $*"; }
die()  { log "ERROR: $*"; exit 1; }

# show_log_tail LOGFILE [LINES] - print the end of a log to stderr (used on failures)
show_log_tail() {
  local f="${1:-}" n="${2:-40}"
  if [[ -n "$f" && -f "$f" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$n" "$f" >&2
    tail -n "$n" "$f" >&2 || true
    printf -- '-----\n' >&2
  fi
}

port_open() {
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

pid_file() { printf '%s/%s.pid' "$WT_PID_DIR" "$1"; }

# read_pid NAME - print the pid from the pid file (first line), or nothing
read_pid() {
  local f; f="$(pid_file "$1")"
  [[ -f "$f" ]] || return 0
  head -n 1 "$f" 2>/dev/null | tr -dc '0-9'
}

# pid_alive PID - alive and not a zombie
pid_alive() {
  local pid="${1:-}" state
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ "$state" != "Z" && "$state" != "X" ]]
}

# is_running NAME - the pid file names a live process (and, when the pid file
# carries a start time on line 2, it is still that same process, not a reused pid)
is_running() {
  local f pid want have
  f="$(pid_file "$1")"
  pid="$(read_pid "$1")"
  pid_alive "$pid" || return 1
  want="$(sed -n 2p "$f" 2>/dev/null || true)"
  if [[ -n "$want" ]]; then
    have="$(_proc_starttime "$pid")"
    [[ "$want" == "$have" ]] || return 1
  fi
  return 0
}

_proc_starttime() {
  # field 22 of /proc/PID/stat; comm (field 2) may contain spaces, so cut after ')'
  { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null || true; } | awk '{print $20}'
}

# start_bg NAME LOGFILE -- CMD...
# Starts CMD detached (own session, stdin closed, stdout+stderr appended to LOGFILE),
# writes <pids>/NAME.pid and returns immediately. No-op if NAME is already running.
start_bg() {
  local name="$1" logfile="$2"; shift 2
  [[ "${1:-}" == "--" ]] && shift
  [[ $# -gt 0 ]] || die "start_bg $name: no command given"
  mkdir -p "$WT_PID_DIR" "$(dirname "$logfile")"
  if is_running "$name"; then
    log "$name already running (pid $(read_pid "$name"))"
    return 0
  fi
  local pf tmp i pid
  pf="$(pid_file "$name")"
  tmp="$pf.starting"
  rm -f "$pf" "$tmp"
  printf '===== %s starting %s: %s\n' "$(date '+%F %T')" "$name" "$*" >>"$logfile"
  # The inner shell writes its own pid and then execs CMD, so the pid is right even
  # if setsid has to fork. It closes inherited fds 3..31 first: a daemon must not keep
  # the caller's lock files (flock) or pipes open.
  nohup setsid bash -c 'for fd in {3..31}; do eval "exec $fd>&-"; done; echo $$ >"$0"; exec "$@"' \
    "$tmp" "$@" >>"$logfile" 2>&1 </dev/null &
  for ((i = 0; i < 100; i++)); do
    [[ -s "$tmp" ]] && break
    sleep 0.05
  done
  pid="$(tr -dc '0-9' <"$tmp" 2>/dev/null || true)"
  rm -f "$tmp"
  [[ -n "$pid" ]] || { show_log_tail "$logfile"; die "$name: failed to start"; }
  printf '%s\n%s\n' "$pid" "$(_proc_starttime "$pid")" >"$pf"
  log "$name started (pid $pid, log $logfile)"
}

# stop_pid NAME [TIMEOUT_S] - stop the process named by the pid file: TERM, wait, KILL.
stop_pid() {
  local name="$1" timeout_s="${2:-20}" pid i
  pid="$(read_pid "$name")"
  if [[ -z "$pid" ]]; then
    return 0
  fi
  if ! is_running "$name"; then
    log "$name: not running (removing stale pid file)"
    rm -f "$(pid_file "$name")"
    return 0
  fi
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout_s * 5; i++)); do
    pid_alive "$pid" || break
    sleep 0.2
  done
  if pid_alive "$pid"; then
    warn "$name (pid $pid) still alive after ${timeout_s}s, sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 25; i++)); do pid_alive "$pid" || break; sleep 0.2; done
  fi
  rm -f "$(pid_file "$name")"
  log "$name stopped"
}

# wait_until TIMEOUT_S NAME LOGFILE -- CMD...
# Polls CMD (quietly) every 0.5 s. Fails at once if NAME has a pid file whose process
# died, or if WAIT_FATAL_REGEX is set and matches the log written since the last
# "===== ... starting" line (start_bg writes it). On failure prints the log tail, exits.
wait_until() {
  local timeout_s="$1" name="$2" logfile="$3"; shift 3
  [[ "${1:-}" == "--" ]] && shift
  local deadline=$((SECONDS + timeout_s)) had_pid=""
  [[ -n "$(read_pid "$name")" ]] && had_pid=1
  while true; do
    if "$@" >/dev/null 2>&1; then return 0; fi
    if [[ -n "$had_pid" ]] && ! is_running "$name"; then
      _wait_failed "$name" "$logfile" "exited while starting"
    fi
    if [[ -n "${WAIT_FATAL_REGEX:-}" && -f "$logfile" ]] &&
      awk '/^===== .* starting /{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' "$logfile" |
      grep -qE "$WAIT_FATAL_REGEX"; then
      _wait_failed "$name" "$logfile" "failed while starting"
    fi
    if ((SECONDS >= deadline)); then
      _wait_failed "$name" "$logfile" "not ready after ${timeout_s}s"
    fi
    sleep 0.5
  done
}

# a failed start leaves nothing half-running behind: stop what the pid file names
_wait_failed() {
  show_log_tail "$2"
  if is_running "$1"; then stop_pid "$1" 10 || true; fi
  die "$1 $3 (see $2)"
}

# wait_for_port HOST PORT TIMEOUT_S NAME [LOGFILE]
wait_for_port() {
  local host="$1" port="$2" timeout_s="$3" name="$4" logfile="${5:-}"
  wait_until "$timeout_s" "$name" "$logfile" -- port_open "$host" "$port"
}
