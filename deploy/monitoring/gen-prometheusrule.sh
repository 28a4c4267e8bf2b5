#!/usr/bin/env bash
# deploy/monitoring/gen-prometheusrule.sh [out] - the Kubernetes PrometheusRule made from alerts.yml, the one
# source of the rules (written to k8s/prometheusrule.yaml, or to `out`). check.sh fails when they differ.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/k8s/prometheusrule.yaml}"
{
  cat <<'HEADER'
# GENERATED from deploy/monitoring/alerts.yml by deploy/monitoring/gen-prometheusrule.sh: edit alerts.yml, then
# run the script (deploy/monitoring/check.sh, run by the build, fails while this file is out of date).
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: writerstree-alerts
  labels:
    app.kubernetes.io/part-of: writers-tree
    release: prometheus
spec:
HEADER
  # the rule groups, without alerts.yml's leading comment block, indented under spec
  sed -n '/^groups:/,$p' "$here/alerts.yml" | sed 's/^\(.\)/  \1/'
} > "$out"
