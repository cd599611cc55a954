#!/usr/bin/env bash
# Starts Debian's PostgreSQL clusters for the tests (creating them if needed), sets a password for the
# test user, and exports:
#   TEST_POSTGRES_URL   the "main" cluster, used by the API and browser suites and the benchmark
#   FAULT_POSTGRES_URL  a separate "faults" cluster that the fault tests stop and start at will, so they
#   FAULT_PG_CLUSTER    never disturb anything else using the main one
# Source it: `source scripts/pg-up.sh`.
set -euo pipefail
PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
PG_PASSWORD=${PG_PASSWORD:-fluxer}

pg_cluster_up() { # name port
  local name=$1 port=$2
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "${PG_VERSION} ${name}"; then
    pg_createcluster "$PG_VERSION" "$name" --port "$port" >&2
  fi
  if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v n="$name" '$1==v && $2==n {print $4}' | grep -q online; then
    # Its messages (such as "Removed stale pid file." when the machine was stopped with the cluster up) go
    # to stderr: this function's stdout is the port and nothing else.
    # A postmaster killed a moment ago can hold its socket lock briefly: try a few times.
    for attempt in 1 2 3; do
      pg_ctlcluster "$PG_VERSION" "$name" start >&2 && break
      [ "$attempt" = 3 ] && return 1
      sleep 2
    done
  fi
  local actual
  actual=$(pg_lsclusters -h | awk -v v="$PG_VERSION" -v n="$name" '$1==v && $2==n {print $3}')
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$actual" && break; sleep 1; done
  if ! [[ "$actual" =~ ^[0-9]+$ ]]; then
    echo "pg-up: could not read the port of cluster ${PG_VERSION}/${name} (got '${actual}')" >&2
    return 1
  fi
  su postgres -c "psql -q -p ${actual} -c \"ALTER USER postgres PASSWORD '${PG_PASSWORD}'\"" >&2
  echo "$actual"
}

main_port=$(pg_cluster_up main 5432) || { echo "pg-up: the main cluster did not start" >&2; return 1 2>/dev/null || exit 1; }
faults_port=$(pg_cluster_up faults 5439) || { echo "pg-up: the faults cluster did not start" >&2; return 1 2>/dev/null || exit 1; }
export TEST_POSTGRES_URL="postgresql://postgres:${PG_PASSWORD}@127.0.0.1:${main_port}/postgres"
export FAULT_POSTGRES_URL="postgresql://postgres:${PG_PASSWORD}@127.0.0.1:${faults_port}/postgres"
export FAULT_PG_CLUSTER="${PG_VERSION} faults"
