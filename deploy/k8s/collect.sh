#!/usr/bin/env bash
# deploy/k8s/collect.sh - gather the manifests quarkus-kubernetes generated at build time
# (<service>/target/kubernetes/kubernetes.yml) into deploy/k8s/generated/ with a kustomization, so that
# `kubectl apply -k deploy/k8s/generated` deploys the suite (after applying deploy/k8s/config.yaml).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
out="$WT_ROOT/deploy/k8s/generated"
mkdir -p "$out"
resources=()
for svc in identity-service project-service content-service export-service stats-service suggestion-service sync-gateway; do
  src="$WT_ROOT/$svc/target/kubernetes/kubernetes.yml"
  [[ -f "$src" ]] || die "$src missing: build first (mvn -B install -DskipTests)"
  cp "$src" "$out/$svc.yml"
  resources+=("$svc.yml")
done
{ echo "apiVersion: kustomize.config.k8s.io/v1beta1"; echo "kind: Kustomization"; echo "resources:";
  for r in "${resources[@]}"; do echo "  - $r"; done; } >"$out/kustomization.yaml"
log "wrote $out"
