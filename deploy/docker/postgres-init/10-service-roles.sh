#!/bin/sh
# docker-compose: runs once, when the postgres container initialises an empty data volume. Creates one role per
# service owning its schema (the same script as the Kubernetes Job: deploy/k8s/components/db-roles).
set -eu
exec psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v identity_password="$WT_IDENTITY_DB_PASSWORD" -v project_password="$WT_PROJECT_DB_PASSWORD" \
  -v content_password="$WT_CONTENT_DB_PASSWORD" -v export_password="$WT_EXPORT_DB_PASSWORD" \
  -v stats_password="$WT_STATS_DB_PASSWORD" -v suggestion_password="$WT_SUGGESTION_DB_PASSWORD" \
  -f /writerstree/service-roles.sql
