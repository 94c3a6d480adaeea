#!/usr/bin/env bash
# Runs the wire-compatibility suite against the server jar built by Maven (run ./run-tests, or
# `mvn -pl postern-server -am package -DskipTests` first). Installs better-auth from npm on first use.
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
timeout 900 npm test
