#!/usr/bin/env bash
# Runs the wire-compatibility suite against the server jar built by Maven (run ./run-tests, or
# `mvn -pl postern-server -am package -DskipTests` first), twice: on SQLite, then on PostgreSQL
# (COMPAT_DATABASE=postgres: a fresh database per server on 127.0.0.1:5432, dropped afterwards). Fails if
# either run fails. Without a usable PostgreSQL the second run is skipped, or fails when
# POSTERN_REQUIRE_SERVICES=true. Installs better-auth (and better-sqlite3, node-postgres) from npm on first use.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
. ../scripts/lib.sh
postern_use_jdk
export POSTERN_JAVA="$JAVA_HOME/bin/java"
if [ ! -f ../postern-server/target/postern-server.jar ]; then
  echo "compat: ../postern-server/target/postern-server.jar is missing; build it first (./run-tests does)." >&2
  exit 1
fi
command -v npm >/dev/null 2>&1 || { echo "compat: npm (Node 20+) is required" >&2; exit 1; }
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi

failed=()
skipped=""
run_suite() {
  echo "compat: the suite on $1"
  if ! COMPAT_DATABASE="$1" timeout -k 30 900 npm test; then failed+=("$1"); fi
}

run_suite sqlite

if reason=$(timeout -k 5 60 node lib/databases.mjs check 2>&1); then
  run_suite postgres
elif [ "${POSTERN_REQUIRE_SERVICES:-false}" = "true" ]; then
  echo "compat: PostgreSQL is required (POSTERN_REQUIRE_SERVICES=true) but not usable: ${reason:-check timed out}" >&2
  failed+=("postgres (not reachable)")
else
  skipped=" (PostgreSQL SKIPPED)"
  echo "compat: SKIPPED the PostgreSQL run: ${reason:-check timed out}. Set POSTERN_REQUIRE_SERVICES=true to fail instead." >&2
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "compat: FAILED on: ${failed[*]}" >&2
  exit 1
fi
echo "compat: passed on SQLite${skipped:- and PostgreSQL}"
