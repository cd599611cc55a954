#!/usr/bin/env bash
# Starts a throwaway Redis on 127.0.0.1:6390 for the multi-instance tests and exports TEST_REDIS_URL.
# Source it: `source scripts/redis-up.sh`. Does nothing (and exports nothing) when redis-server is absent.
if command -v redis-server >/dev/null 2>&1; then
  if ! redis-cli -p 6390 ping >/dev/null 2>&1; then
    redis-server --port 6390 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >/dev/null
    for _ in $(seq 1 20); do redis-cli -p 6390 ping >/dev/null 2>&1 && break; sleep 0.2; done
  fi
  export TEST_REDIS_URL="redis://127.0.0.1:6390"
fi
