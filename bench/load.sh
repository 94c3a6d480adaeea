#!/usr/bin/env bash
# One bounded load row with wrk (Debian: apt-get install wrk): an unmeasured warm-up, then the measured
# run. Prints "requests=.. rps=.. p50_ms=.. p99_ms=.. errors=..".
# Usage: bench/load.sh --url URL [--connections N] [--seconds S] [--warmup W] [--header "Name: value"]...
#                      [--method POST] [--body JSON] [--body-template JSON-with-{n}]
# wrk runs one thread (C, epoll): it needs a fraction of the CPU a JVM or Node generator would, which
# matters on a 2-core machine where the generator shares the cores with the server it loads.
set -euo pipefail
here="$(dirname "$(readlink -f "$0")")"
command -v wrk >/dev/null || { echo "bench: wrk is needed (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
url=""; connections=32; seconds=5; warmup=2; method=GET; body=""; template=""; headers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --header) headers+=(-H "$2"); shift 2 ;;
    --method) method="$2"; shift 2 ;;
    --body) body="$2"; shift 2 ;;
    --body-template) template="$2"; shift 2 ;;
    *) echo "load.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$url" ] || { echo "load.sh: --url is required" >&2; exit 2; }
run() {
  local duration="$1" id="$2"
  WRK_METHOD="$method" WRK_BODY="$body" WRK_BODY_TEMPLATE="$template" WRK_RUN_ID="$id" \
    wrk -t 1 -c "$connections" -d "${duration}s" --timeout 30s ${headers[@]+"${headers[@]}"} \
    -s "$here/wrk/report.lua" "$url" | tail -1
}
if [ "$warmup" -gt 0 ]; then run "$warmup" "warm-$$-$RANDOM" >/dev/null; fi
run "$seconds" "run-$$-$RANDOM"
