#!/usr/bin/env bash
# deploy/monitoring/check.sh - validates the monitoring configuration offline (run by the build:
# platform MonitoringConfigTest; promtool/amtool come from Debian's prometheus and prometheus-alertmanager
# packages, installed by deploy/lib/prereqs.sh). Starts no server.
#   promtool check rules alerts.yml        syntax and PromQL of every rule
#   promtool test rules tests/*.yml        the rules' unit tests (they fire when they should, and only then)
#   promtool check config prometheus.yml   the compose scrape configuration (and its rule file)
#   amtool check-config alertmanager.yml   routes and receivers
#   k8s/prometheusrule.yaml                is what gen-prometheusrule.sh makes of alerts.yml today
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
for tool in promtool amtool; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool not found: run deploy/lib/prereqs.sh (ensure_prereqs)" >&2; exit 2; }
done
promtool check rules alerts.yml
promtool test rules tests/*.yml
promtool check config prometheus.yml
amtool check-config alertmanager.yml
generated="$(mktemp)"
trap 'rm -f "$generated"' EXIT
./gen-prometheusrule.sh "$generated"
if ! diff -u k8s/prometheusrule.yaml "$generated"; then
  echo "k8s/prometheusrule.yaml is out of date: run deploy/monitoring/gen-prometheusrule.sh" >&2
  exit 1
fi
echo "monitoring configuration OK"
