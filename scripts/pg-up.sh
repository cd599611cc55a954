#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster (creating it if needed), sets a password for the test user, and
# exports TEST_POSTGRES_URL. Source it: `source scripts/pg-up.sh`.
set -euo pipefail
PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
PG_PASSWORD=${PG_PASSWORD:-fluxer}
if ! pg_lsclusters -h 2>/dev/null | grep -q "^${PG_VERSION} main"; then
  pg_createcluster "$PG_VERSION" main >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^${PG_VERSION} main .* online"; then
  pg_ctlcluster "$PG_VERSION" main start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
PG_PORT=$(pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $3}')
su postgres -c "psql -q -p ${PG_PORT} -c \"ALTER USER postgres PASSWORD '${PG_PASSWORD}'\"" >/dev/null
export TEST_POSTGRES_URL="postgresql://postgres:${PG_PASSWORD}@127.0.0.1:${PG_PORT}/postgres"
