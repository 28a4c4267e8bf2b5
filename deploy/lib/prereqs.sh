# shellcheck shell=bash
# ensure_prereqs - install what building and running the suite needs on a fresh Debian machine:
# a JDK 17+, Maven, curl, the PostgreSQL and Redis clients, promtool and amtool. Engines themselves: deploy/engines/engines.sh.
ensure_prereqs() {
  local missing=()
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  command -v setsid >/dev/null 2>&1 || missing+=(util-linux)
  # deploy-tests validates docker-compose.yml offline (no Docker engine needed)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  # the Socket.IO system tests drive the real npm socket.io-client (system-tests/socketio-client)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)

  # system-tests' browser tests (WebClientIT) drive Debian's chromium through chromium-driver (Selenium)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  if [[ ${#missing[@]} -gt 0 ]]; then
    log "installing: ${missing[*]}"
    [[ $(id -u) -eq 0 ]] || die "need root to install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  ensure_monitoring_tools
  local major
  major="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')"
  [[ "${major%%.*}" -ge 17 ]] || die "Java 17+ required, found $major"
  # deploy-tests builds the Kubernetes overlays with kubectl's Kustomize v5 (kubectl 1.27+). Debian's
  # kubernetes-client (1.20) is too old, so it is not installed from here: install kubectl from the Kubernetes
  # release packages (https://kubernetes.io/docs/tasks/tools/) or set KUBECTL to one.
  if ! "${KUBECTL:-kubectl}" version --client 2>/dev/null | grep -q 'Kustomize Version: v[5-9]'; then
    log "warning: kubectl with Kustomize v5 not found: deploy-tests (part of mvn install) will fail"
  fi
}

# promtool and amtool (Debian's prometheus and prometheus-alertmanager packages) validate deploy/monitoring in the
# build (deploy/monitoring/check.sh). Only the tools are wanted: a policy-rc.d keeps the packages' servers from
# being started by the installation, and is removed again.
ensure_monitoring_tools() {
  local missing=()
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
  command -v amtool >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
  [[ ${#missing[@]} -eq 0 ]] && return 0
  log "installing: ${missing[*]} (promtool, amtool)"
  [[ $(id -u) -eq 0 ]] || die "need root to install ${missing[*]}"
  local policy=/usr/sbin/policy-rc.d created=""
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [[ -n $created ]] && rm -f "$policy"
  command -v promtool >/dev/null 2>&1 || die "promtool missing after installing prometheus"
}
