# shellcheck shell=bash
# ensure_prereqs - install what building and running the suite needs on a fresh Debian machine:
# a JDK 17+, Maven, curl, the PostgreSQL and Redis clients. Engines themselves: deploy/engines/engines.sh.
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
  # system-tests' browser tests (WebClientIT) drive Debian's chromium through chromium-driver (Selenium)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  if [[ ${#missing[@]} -gt 0 ]]; then
    log "installing: ${missing[*]}"
    [[ $(id -u) -eq 0 ]] || die "need root to install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
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
