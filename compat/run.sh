#!/usr/bin/env bash
# Runs the wire-compatibility suite against the server jar built by Maven (run ./run-tests, or
# `mvn -pl postern-server,postern-servlet -am install -DskipTests` first), three times: on SQLite, then on
# PostgreSQL (COMPAT_DATABASE=postgres: a fresh database per server on 127.0.0.1:5432, dropped afterwards),
# then on SQLite through the Servlet adapter (COMPAT_ADAPTER=servlet: the same configuration served by
# PosternFilter in embedded Jetty ee11). Fails if any run fails. Without a usable PostgreSQL the second run
# is skipped, or fails when POSTERN_REQUIRE_SERVICES=true. The first run covers every file, the other two the
# core ones (CORE_FILES below). Installs better-auth (and better-sqlite3,
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
postern_compat_install

failed=()
skipped=""
# The files every run covers: the core flows, their cookies and errors, and a database better-auth wrote.
# Plugin files run on the first (SQLite, Jetty) run only: what a plugin does with PostgreSQL is proven by its
# Java tests on PostgreSQL, and three passes over every plugin would triple the suite's time for little.
CORE_FILES=(test/foundation.test.mjs test/email-password.test.mjs test/session.test.mjs test/security.test.mjs
  test/bearer.test.mjs test/better-auth-database.test.mjs test/smtp-mail.test.mjs)

# $1: the database; $2: the adapter serving Postern (jetty: the jar's own; servlet: PosternFilter in Jetty ee11);
# $3: "all" files or the "core" ones.
run_suite() {
  local files=(test/)
  [ "$3" = "core" ] && files=("${CORE_FILES[@]}")
  echo "compat: the $3 suite on $1 through the $2 adapter"
  if ! COMPAT_DATABASE="$1" COMPAT_ADAPTER="$2" timeout -k 30 1200 node --test --test-concurrency=1 "${files[@]}"; then
    failed+=("$1/$2")
  fi
}

run_suite sqlite jetty all

if reason=$(timeout -k 5 60 node lib/databases.mjs check 2>&1); then
  run_suite postgres jetty core
elif [ "${POSTERN_REQUIRE_SERVICES:-false}" = "true" ]; then
  echo "compat: PostgreSQL is required (POSTERN_REQUIRE_SERVICES=true) but not usable: ${reason:-check timed out}" >&2
  failed+=("postgres (not reachable)")
else
  skipped=" (PostgreSQL SKIPPED)"
  echo "compat: SKIPPED the PostgreSQL run: ${reason:-check timed out}. Set POSTERN_REQUIRE_SERVICES=true to fail instead." >&2
fi

# The Servlet adapter maps requests its own way; the database side is the same, so SQLite is enough.
if [ -f ../postern-servlet/target/compat-classpath.txt ]; then
  run_suite sqlite servlet core
else
  echo "compat: ../postern-servlet/target/compat-classpath.txt is missing; build postern-servlet first (./run-tests does)." >&2
  failed+=("sqlite/servlet (not built)")
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "compat: FAILED on: ${failed[*]}" >&2
  exit 1
fi
echo "compat: passed on SQLite${skipped:- and PostgreSQL}, and on SQLite through the Servlet adapter"
