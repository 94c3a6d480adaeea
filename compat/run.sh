#!/usr/bin/env bash
# Runs the wire-compatibility suite against the server jar built by Maven (run ./run-tests, or
# `mvn -pl postern-server,postern-servlet -am install -DskipTests` first), three times: on SQLite, then on
# PostgreSQL (COMPAT_DATABASE=postgres: a fresh database per server on 127.0.0.1:5432, dropped afterwards),
# then on SQLite through the Servlet adapter (COMPAT_ADAPTER=servlet: the same configuration served by
# PosternFilter in embedded Jetty ee11). Fails if any run fails. Without a usable PostgreSQL the second run
# is skipped, or fails when POSTERN_REQUIRE_SERVICES=true. Installs better-auth (and better-sqlite3,
# node-postgres) from npm on first use.
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
# $1: the database; $2: the adapter serving Postern (jetty: the jar's own; servlet: PosternFilter in Jetty ee11).
run_suite() {
  echo "compat: the suite on $1 through the $2 adapter"
  if ! COMPAT_DATABASE="$1" COMPAT_ADAPTER="$2" timeout -k 30 900 npm test; then failed+=("$1/$2"); fi
}

run_suite sqlite jetty

if reason=$(timeout -k 5 60 node lib/databases.mjs check 2>&1); then
  run_suite postgres jetty
elif [ "${POSTERN_REQUIRE_SERVICES:-false}" = "true" ]; then
  echo "compat: PostgreSQL is required (POSTERN_REQUIRE_SERVICES=true) but not usable: ${reason:-check timed out}" >&2
  failed+=("postgres (not reachable)")
else
  skipped=" (PostgreSQL SKIPPED)"
  echo "compat: SKIPPED the PostgreSQL run: ${reason:-check timed out}. Set POSTERN_REQUIRE_SERVICES=true to fail instead." >&2
fi

# The Servlet adapter maps requests its own way; the database side is the same, so SQLite is enough.
if [ -f ../postern-servlet/target/compat-classpath.txt ]; then
  run_suite sqlite servlet
else
  echo "compat: ../postern-servlet/target/compat-classpath.txt is missing; build postern-servlet first (./run-tests does)." >&2
  failed+=("sqlite/servlet (not built)")
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "compat: FAILED on: ${failed[*]}" >&2
  exit 1
fi
echo "compat: passed on SQLite${skipped:- and PostgreSQL}, and on SQLite through the Servlet adapter"
