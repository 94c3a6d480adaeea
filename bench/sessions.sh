#!/usr/bin/env bash
# get-session throughput with sessions in PostgreSQL (no Redis) against sessions in Redis (same PostgreSQL
# for users), measured in one run on this machine with the same load, plus the static /ok of the same server
# as the yardstick of what HTTP alone costs. Rate limiting off, cookie cache off: every get-session reads
# the session store.
# Usage: bench/sessions.sh [seconds per row] [connections]   (defaults 10 and 32; 127.0.0.1 only)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. scripts/lib.sh
postern_use_jdk
seconds="${1:-10}"
connections="${2:-32}"
jar=postern-server/target/postern-server.jar
[ -f "$jar" ] || { echo "build first: ./postern --version (or mvn -pl postern-server -am package)" >&2; exit 1; }
java="$JAVA_HOME/bin/java"
db="postern_bench_$$"
work=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql -h 127.0.0.1 -U "${PGUSER:-postgres}" -d test -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
psql -h 127.0.0.1 -U "${PGUSER:-postgres}" -d test -qc "CREATE DATABASE $db" >/dev/null
url="jdbc:postgresql://127.0.0.1:5432/$db?user=${PGUSER:-postgres}"
secret="bench-secret-that-is-long-enough-0123456789abcdef"

# Starts the jar with extra env "$@"; sets $port and $pid; waits (bounded) for /ok.
start() {
  port=$(( 20000 + RANDOM % 20000 ))
  (cd "$work" && env POSTERN_PORT=$port POSTERN_HOST=127.0.0.1 POSTERN_BASE_URL=http://127.0.0.1:$port POSTERN_DATABASE_URL="$url" POSTERN_SECRET="$secret" \
    POSTERN_RATE_LIMIT_ENABLED=false "$@" "$java" -jar "$OLDPWD/$jar" serve --migrate >"$work/log.$port" 2>&1) &
  pid=$!
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/api/auth/ok" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "server did not start within 30 s:" >&2; cat "$work/log.$port" >&2; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

# Signs a fresh user up and prints the signed session cookie.
session_cookie() {
  local email="bench-$RANDOM$RANDOM@example.com"
  curl -fs -D - -o /dev/null -H 'Content-Type: application/json' -H "Origin: http://127.0.0.1:$port" \
    -d "{\"email\":\"$email\",\"password\":\"correct horse battery\",\"name\":\"Bench\"}" \
    "http://127.0.0.1:$port/api/auth/sign-up/email" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(better-auth.session_token=[^;]*\).*/\1/p'
}
require_cookie() { [ -n "$cookie" ] || { echo "sign-up gave no session cookie:" >&2; tail -20 "$work/log.$port" >&2; exit 1; }; }

load() { bench/load.sh --connections "$connections" --seconds "$seconds" --warmup 3 "$@"; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }

echo "get-session, $connections connections, ${seconds}s per row (after 3 s warm-up), PostgreSQL 127.0.0.1"
start
ok_pg=$(load --url "http://127.0.0.1:$port/api/auth/ok")
cookie=$(session_cookie); require_cookie
pg=$(load --url "http://127.0.0.1:$port/api/auth/get-session" --header "Cookie: $cookie")
stop

start POSTERN_REDIS_URL=redis://127.0.0.1:6379
cookie=$(session_cookie); require_cookie
redis=$(load --url "http://127.0.0.1:$port/api/auth/get-session" --header "Cookie: $cookie")
stop

rps_ok=$(echo "$ok_pg" | field rps); rps_pg=$(echo "$pg" | field rps); rps_redis=$(echo "$redis" | field rps)
printf '%-38s %10s %9s %9s %7s %s\n' "row" "req/s" "p50 ms" "p99 ms" "errors" "ratio"
row() { printf '%-38s %10s %9s %9s %7s %s\n' "$1" "$(echo "$2" | field rps)" "$(echo "$2" | field p50_ms)" \
  "$(echo "$2" | field p99_ms)" "$(echo "$2" | field errors)" "$3"; }
row "GET /ok (HTTP yardstick)" "$ok_pg" "$(awk -v a="$rps_ok" -v b="$rps_pg" 'BEGIN{printf "%.2fx sessions-in-PG", a/b}')"
row "get-session, sessions in PostgreSQL" "$pg" "1.00x (baseline)"
row "get-session, sessions in Redis" "$redis" "$(awk -v a="$rps_redis" -v b="$rps_pg" 'BEGIN{printf "%.2fx sessions-in-PG", a/b}')"
