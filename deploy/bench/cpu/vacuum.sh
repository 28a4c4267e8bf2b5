# Sourced by the benchmarks: bench_vacuum runs VACUUM (ANALYZE) on the stack's database before a measured phase.
# The PostgreSQL of this machine and of CI runs with autovacuum off (/etc/postgresql/15/main/conf.d/90-ci.conf), so
# without it every save's dead tuples (project rows, content pieces, outbox marks) pile up from one run to the next
# and each phase measures a more bloated database than the one before: gateway/direct drifted by 0.1-0.2 between
# runs that way. A production PostgreSQL vacuums on its own (autovacuum is on by default); this stands in for it.
# VACUUM=0 measures the database as it is.
bench_vacuum() {
  [[ "${VACUUM:-1}" == 1 ]] || return 0
  PGPASSWORD="${DB_PASSWORD:-${PGPASSWORD:-}}" psql -X -q -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" \
    -U "${DB_USER:-postgres}" -d "${DB_NAME:-writerstree}" -c 'VACUUM (ANALYZE)' >/dev/null 2>&1 \
    || echo "(VACUUM of ${DB_NAME:-writerstree} failed: measuring the database as it is)" >&2
}
