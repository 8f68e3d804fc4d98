#!/usr/bin/env bash
# Validates docker-compose.yml and the Kubernetes manifests without a Docker engine or a cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
node -e '
  const fs = require("fs");
  const text = fs.readFileSync("docker-compose.yml", "utf8");
  if (!/^services:/m.test(text)) throw new Error("docker-compose.yml has no services");
'
if docker compose version >/dev/null 2>&1; then docker compose config --quiet; fi
if command -v kubectl >/dev/null 2>&1; then
  for overlay in k8s/overlays/*/; do kubectl kustomize "$overlay" >/dev/null && echo "k8s: $overlay builds"; done
else
  echo "k8s: kubectl not installed, manifests not built"
fi
