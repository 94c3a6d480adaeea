#!/usr/bin/env bash
# Postern side by side with the real better-auth (npm 1.7.25 on Node), measured in one run on this machine
# with the same load generator, and printed as one table with the ratio Postern / better-auth per row.
# Both sides get: the same database kind (a fresh SQLite file each; a fresh PostgreSQL database each on
# 127.0.0.1:5432, migrated by each side's own migrator), the same secret, better-auth's default scrypt
# (N=16384, r=16, p=1, 64-byte key; Postern's default too), the core email/password flows and no plugin,
# rate limiting off, cookie cache off except in its row. Yardsticks in the same run: the raw scrypt
# throughput of all cores (Postern's own Java scrypt, Bouncy Castle's for reference, and Node's crypto.scrypt) next to sign-in, and Postern's
# static GET /api/auth/ok next to get-session.
#
# Usage: bench/run.sh [--seconds S] [--warmup W] [--hash-warmup H] [--no-postgres] [--no-build]
#   --seconds   measured seconds per row (default 5)      --warmup  unmeasured seconds before each (default 2)
#   --hash-warmup  unmeasured seconds before the sign-in and sign-up rows (default 3 x the warm-up): they run
#                  at about 40 req/s instead of thousands, so a JIT needs longer to compile their code
#   --no-postgres  skip the PostgreSQL rows               --no-build  use the jar as it is
# Needs: a JDK 21+, Maven (only if the jar is stale), Node 20+, wrk (apt-get install wrk), psql and PostgreSQL
# on 127.0.0.1:5432 (trust).
# The first run installs bench/better-auth/node_modules (npm ci, compiles better-sqlite3: a few minutes).
# Every load run and every wait is bounded in time; everything talks to 127.0.0.1 only; everything started here is
# stopped on exit.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. scripts/lib.sh
postern_use_jdk

seconds=5; warmup=2; hash_warmup=""; postgres=1; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --hash-warmup) hash_warmup="$2"; shift 2 ;;
    --no-postgres) postgres=0; shift ;;
    --no-build) build=0; shift ;;
    *) echo "usage: bench/run.sh [--seconds S] [--warmup W] [--hash-warmup H] [--no-postgres] [--no-build]" >&2; exit 2 ;;
  esac
done
# Warm-up is there for the JITs (HotSpot's and V8's): they optimise code once it has run some thousands of
# times. A get-session row does that in its first second; the password rows, bound by scrypt at ~40 req/s,
# do not within a few seconds, and their request handling then runs unoptimised beside the hashing.
hash_warmup="${hash_warmup:-$((3 * warmup))}"

repo=$(pwd)
java="$JAVA_HOME/bin/java"
jar=postern-server/target/postern-server.jar
cores=$(nproc)
secret="bench-secret-that-is-long-enough-0123456789abcdef"
password="correct horse battery staple"
pg_user="${PGUSER:-postgres}"

# --- build what is stale -------------------------------------------------------------------------------
if [ "$build" = 1 ]; then
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml postern-*/pom.xml postern-*/src -newer "$jar" -print -quit 2>/dev/null)" ]; then
    postern_require_maven
    echo "building $jar (stale or missing)..." >&2
    mvn -B -ntp -q -pl postern-server -am package -DskipTests
  fi
fi
[ -f "$jar" ] || { echo "no $jar: run without --no-build" >&2; exit 1; }
command -v node >/dev/null || { echo "Node 20+ is required for better-auth" >&2; exit 1; }
if [ ! -d bench/better-auth/node_modules/better-auth ]; then
  echo "installing better-auth into bench/better-auth/node_modules (compiles better-sqlite3)..." >&2
  (cd bench/better-auth && npm ci --no-audit --no-fund >&2)
fi

# --- bookkeeping: everything started is stopped on exit ---------------------------------------------------
work=$(mktemp -d)
pids=()
databases=()
cleanup() {
  local pid db
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for db in "${databases[@]}"; do
    psql -h 127.0.0.1 -U "$pg_user" -d test -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

load() { bench/load.sh --seconds "$seconds" --warmup "$warmup" "$@"; }
load_hashing() { bench/load.sh --seconds "$seconds" --warmup "$hash_warmup" "$@"; }
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p"; }
now_ms() { date +%s%3N; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    postern_port_open "$port" || { echo "$port"; return 0; }
  done
  echo "no free port found" >&2; exit 1
}

# Polls GET /api/auth/ok (bounded, 60 s); echoes the milliseconds since $2.
wait_ok() {
  local port="$1" t0="$2" pid="$3" log="$4"
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$port/api/auth/ok" >/dev/null 2>&1; then echo $(( $(now_ms) - t0 )); return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "server on port $port did not answer /ok within 60 s:" >&2; cat "$log" >&2; exit 1
}

# start_postern NAME DATABASE_URL [ENV=VALUE...]: sets p_port, p_pid, p_start_ms.
start_postern() {
  local name="$1" url="$2"; shift 2
  p_port=$(free_port)
  mkdir -p "$work/$name"
  local t0; t0=$(now_ms)
  (cd "$work/$name" && exec env POSTERN_PORT="$p_port" POSTERN_HOST=127.0.0.1 \
    POSTERN_BASE_URL="http://127.0.0.1:$p_port" POSTERN_DATABASE_URL="$url" POSTERN_DATA_DIR="$work/$name" \
    POSTERN_SECRET="$secret" POSTERN_RATE_LIMIT_ENABLED=false POSTERN_LOG_LEVEL=WARN "$@" \
    JAVA_HOME="$JAVA_HOME" "$repo/postern" serve --migrate >"$work/$name.log" 2>&1) &
  p_pid=$!
  pids+=("$p_pid")
  p_start_ms=$(wait_ok "$p_port" "$t0" "$p_pid" "$work/$name.log")
}

# start_better_auth NAME DATABASE [ENV=VALUE...]: sets b_port, b_pid, b_start_ms.
start_better_auth() {
  local name="$1" url="$2"; shift 2
  b_port=$(free_port)
  local t0; t0=$(now_ms)
  (cd bench/better-auth && exec env BA_PORT="$b_port" BA_DATABASE="$url" BA_SECRET="$secret" "$@" \
    node server.mjs >"$work/$name.log" 2>&1) &
  b_pid=$!
  pids+=("$b_pid")
  b_start_ms=$(wait_ok "$b_port" "$t0" "$b_pid" "$work/$name.log")
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# Signs EMAIL up on PORT and echoes the Cookie header value of every better-auth.* cookie it set.
sign_up_cookie() {
  local port="$1" email="$2"
  curl -fsS -D - -o /dev/null -H 'Content-Type: application/json' -H "Origin: http://127.0.0.1:$port" \
    -d "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"Bench\"}" \
    "http://127.0.0.1:$port/api/auth/sign-up/email" | tr -d '\r' \
    | sed -n 's/^[Ss]et-[Cc]ookie: \(better-auth\.[^=]*=[^;]*\).*/\1/p' | paste -sd ';' | sed 's/;/; /g'
}

# Checks that the cookie really authenticates (a null session would be a 200 too, and measure nothing).
check_session() {
  local port="$1" cookie="$2" body
  body=$(curl -fsS -H "Cookie: $cookie" "http://127.0.0.1:$port/api/auth/get-session")
  case "$body" in
    *'"session"'*'"user"'*|*'"user"'*'"session"'*) ;;
    *) echo "get-session on port $port with the sign-up cookie did not return a session: $body" >&2; exit 1 ;;
  esac
}

# RSS sampler while under load: the highest VmRSS of PID seen every 0.5 s, in MiB, in $work/rss.NAME.
samplers=()
sample_rss_start() {
  local name="$1" pid="$2"
  echo 0 >"$work/rss.$name"
  ( for _ in $(seq 1 10000); do
      kill -0 "$pid" 2>/dev/null || exit 0
      r=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${r:-0}" -gt "$(cat "$work/rss.$name")" ] && echo "$r" >"$work/rss.$name"
      sleep 0.5
    done ) &
  samplers+=($!)
  pids+=($!)
}
sample_rss_stop() { local s; for s in "${samplers[@]}"; do stop "$s"; done; samplers=(); }

get_session() { load --connections 32 --url "http://127.0.0.1:$1/api/auth/get-session" --header "Cookie: $2"; }
sign_in() {
  load_hashing --connections 8 --method POST --url "http://127.0.0.1:$1/api/auth/sign-in/email" \
    --header "Origin: http://127.0.0.1:$1" --body "{\"email\":\"$2\",\"password\":\"$password\"}"
}
sign_up() {
  load_hashing --connections 8 --method POST --url "http://127.0.0.1:$1/api/auth/sign-up/email" \
    --header "Origin: http://127.0.0.1:$1" \
    --body-template "{\"email\":\"load-{n}@bench.example\",\"password\":\"$password\",\"name\":\"Bench {n}\"}"
}

declare -A R   # results: R[key]="requests=.. rps=.. p50_ms=.. p99_ms=.. errors=.."
progress() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# --- SQLite: get-session, sign-in, sign-up; the /ok and scrypt yardsticks; start-up and memory -----------
# Postern runs the way its README runs it: ./postern serve (the launcher's JVM flags and class-data archive).
# The launcher makes its start-up cache (an AOT cache on JDK 25+, else a class-data archive) on a jar's
# first run; that run is not the one measured.
fresh_cache=0
for cache in postern-server/target/serve.aot postern-server/target/cds-serve.jsa; do
  if [ -f "$cache" ] && [ "$cache" -nt "$jar" ]; then fresh_cache=1; fi
done
if [ "$fresh_cache" = 0 ]; then
  progress "first run of this jar: making the launcher's start-up cache"
  start_postern p-archive "sqlite:$work/p-archive/postern.db"; stop "$p_pid"
fi
progress "SQLite: starting Postern and better-auth"
start_postern p-sqlite "sqlite:$work/p-sqlite/postern.db"
cold_start_ms=$p_start_ms
start_better_auth b-sqlite "sqlite:$work/better-auth.db"
ba_start_ms=$b_start_ms
# Idle = after start-up settles: the JIT compiles start-up code for a few seconds, and its scratch memory
# is returned to the OS only after that (the launcher trims the native heap once a second).
sleep 10
idle_rss=$(rss_mib "$p_pid"); ba_idle_rss=$(rss_mib "$b_pid")
p_cookie=$(sign_up_cookie "$p_port" signin@bench.example); check_session "$p_port" "$p_cookie"
b_cookie=$(sign_up_cookie "$b_port" signin@bench.example); check_session "$b_port" "$b_cookie"

sample_rss_start postern "$p_pid"
sample_rss_start better-auth "$b_pid"
progress "GET /ok"; R[p_ok]=$(load --connections 32 --url "http://127.0.0.1:$p_port/api/auth/ok")
R[b_ok]=$(load --connections 32 --url "http://127.0.0.1:$b_port/api/auth/ok")
progress "get-session (SQLite)"; R[p_gs_sqlite]=$(get_session "$p_port" "$p_cookie")
R[b_gs_sqlite]=$(get_session "$b_port" "$b_cookie")
progress "sign-in"; R[p_signin]=$(sign_in "$p_port" signin@bench.example)
R[b_signin]=$(sign_in "$b_port" signin@bench.example)
progress "sign-up"; R[p_signup]=$(sign_up "$p_port")
R[b_signup]=$(sign_up "$b_port")
sample_rss_stop
load_rss=$(cat "$work/rss.postern")
ba_load_rss=$(cat "$work/rss.better-auth")
stop "$p_pid"; stop "$b_pid"

progress "scrypt yardsticks ($cores threads / parallel calls)"
R[scrypt_java]=$("$java" -cp "$jar" bench/ScryptYardstick.java "$cores" "$seconds" "$warmup" postern)
R[scrypt_bc]=$("$java" -cp "$jar" bench/ScryptYardstick.java "$cores" "$seconds" "$warmup" bouncycastle)
R[scrypt_node]=$(node bench/better-auth/scrypt-yardstick.mjs "$cores" "$seconds" "$warmup")

# --- PostgreSQL: get-session ---------------------------------------------------------------------------
if [ "$postgres" = 1 ]; then
  progress "PostgreSQL: fresh databases, starting Postern and better-auth"
  p_db="postern_bench_$$"; b_db="better_auth_bench_$$"
  for db in "$p_db" "$b_db"; do
    psql -h 127.0.0.1 -U "$pg_user" -d test -qc "CREATE DATABASE $db" >/dev/null
    databases+=("$db")
  done
  start_postern p-pg "jdbc:postgresql://127.0.0.1:5432/$p_db?user=$pg_user"
  start_better_auth b-pg "postgres://$pg_user@127.0.0.1:5432/$b_db"
  p_cookie=$(sign_up_cookie "$p_port" pg@bench.example); check_session "$p_port" "$p_cookie"
  b_cookie=$(sign_up_cookie "$b_port" pg@bench.example); check_session "$b_port" "$b_cookie"
  progress "get-session (PostgreSQL)"; R[p_gs_pg]=$(get_session "$p_port" "$p_cookie")
  R[b_gs_pg]=$(get_session "$b_port" "$b_cookie")
  stop "$p_pid"; stop "$b_pid"
fi

# --- cookie cache (SQLite behind it) -----------------------------------------------------------------
progress "cookie cache: starting Postern (compact) and better-auth (cookieCache enabled)"
start_postern p-cache "sqlite:$work/p-cache/postern.db" POSTERN_SESSION_COOKIE_CACHE=compact
start_better_auth b-cache "sqlite:$work/better-auth-cache.db" BA_COOKIE_CACHE=1
p_cookie=$(sign_up_cookie "$p_port" cache@bench.example); check_session "$p_port" "$p_cookie"
b_cookie=$(sign_up_cookie "$b_port" cache@bench.example); check_session "$b_port" "$b_cookie"
case "$p_cookie" in *session_data*) ;; *) echo "Postern set no session_data cookie: $p_cookie" >&2; exit 1 ;; esac
case "$b_cookie" in *session_data*) ;; *) echo "better-auth set no session_data cookie: $b_cookie" >&2; exit 1 ;; esac
progress "get-session (cookie cache)"; R[p_gs_cache]=$(get_session "$p_port" "$p_cookie")
R[b_gs_cache]=$(get_session "$b_port" "$b_cookie")
stop "$p_pid"; stop "$b_pid"

# --- the table ----------------------------------------------------------------------------------------
v() { echo "${R[$1]:-}" | field "$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2fx", a / b }'; }
errors_of() { local e; e=$(( $(v "$1" errors || echo 0) + 0 )); [ "$e" -gt 0 ] && echo " ($e errors)" || true; }
fmt='%-44s %12s %12s %10s   %s\n'
line() { printf "$fmt" "$1" "$2" "$3" "$4" "${5:-}"; }
# metric_row LABEL KEY FIELD [NOTE]: Postern and better-auth values of one field, with their ratio.
metric_row() {
  local p b; p=$(v "p_$2" "$3"); b=$(v "b_$2" "$3")
  line "$1" "$p" "$b" "$(ratio "$p" "$b")" "${4:-}$(errors_of "p_$2")$(errors_of "b_$2")"
}

echo
echo "Postern vs better-auth 1.7.25 — $(date -u +%Y-%m-%dT%H:%MZ), $cores cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)),"
echo "$("$java" -version 2>&1 | head -1), Node $(node --version); ${seconds}s per row after ${warmup}s warm-up (${hash_warmup}s for sign-in, sign-up); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
line "row" "Postern" "better-auth" "P / BA" "note"
line "--------------------------------------------" "------------" "------------" "----------" "----"
okp=$(v p_ok rps)
metric_row "GET /api/auth/ok (static), 32 conn: req/s" ok rps "HTTP yardstick"
metric_row "get-session SQLite, 32 conn: req/s" gs_sqlite rps "Postern = $(ratio "$(v p_gs_sqlite rps)" "$okp" | tr -d x)x of its /ok"
metric_row "                             p50 ms" gs_sqlite p50_ms
metric_row "                             p99 ms" gs_sqlite p99_ms
if [ "$postgres" = 1 ]; then
  metric_row "get-session PostgreSQL, 32 conn: req/s" gs_pg rps "Postern = $(ratio "$(v p_gs_pg rps)" "$okp" | tr -d x)x of its /ok"
  metric_row "                             p50 ms" gs_pg p50_ms
  metric_row "                             p99 ms" gs_pg p99_ms
fi
metric_row "get-session cookie cache, 32 conn: req/s" gs_cache rps "Postern = $(ratio "$(v p_gs_cache rps)" "$okp" | tr -d x)x of its /ok"
metric_row "                             p50 ms" gs_cache p50_ms
metric_row "                             p99 ms" gs_cache p99_ms
sj=$(echo "${R[scrypt_java]}" | field hps); sn=$(echo "${R[scrypt_node]}" | field hps)
sbc=$(echo "${R[scrypt_bc]}" | field hps)
# The machine's raw scrypt capacity: the faster of the two implementations, measured just above.
smax=$(awk -v a="$sj" -v b="$sn" 'BEGIN { print (a + 0 > b + 0) ? a : b }')
line "raw scrypt, $cores parallel: hashes/s" "$sj" "$sn" "$(ratio "$sj" "$sn")" "yardstick: Postern's scrypt (Java) vs node:crypto"
line "  (Bouncy Castle scrypt, for reference)" "$sbc" "$sn" "$(ratio "$sbc" "$sn")" "what Postern used before its own"
metric_row "sign-in/email, 8 conn: req/s" signin rps \
  "P = $(ratio "$(v p_signin rps)" "$smax" | tr -d x)x, BA = $(ratio "$(v b_signin rps)" "$smax" | tr -d x)x of the machine's raw scrypt"
metric_row "                             p99 ms" signin p99_ms
metric_row "sign-up/email, 8 conn: req/s" signup rps
line "cold start to first /ok (ms)" "$cold_start_ms" "$ba_start_ms" "$(ratio "$cold_start_ms" "$ba_start_ms")" "fresh SQLite, incl. migration"
line "idle RSS (MiB)" "$idle_rss" "$ba_idle_rss" "$(ratio "$idle_rss" "$ba_idle_rss")" "10 s after start"
line "RSS under load (MiB)" "$load_rss" "$ba_load_rss" "$(ratio "$load_rss" "$ba_load_rss")" "peak over the SQLite rows"
echo
echo "req/s: higher is better; latency, start-up, RSS: lower is better. Ratio = Postern / better-auth."
