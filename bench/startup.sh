#!/usr/bin/env bash
# Measures the standalone server's cold start (launch to the first successful GET /api/auth/ok) and its
# resident memory when idle, each against a baseline measured in the same run on the same JVM:
#   start-up baseline: the same jar printing --version (JVM start + class loading, no server);
#   memory baseline:   an idle JVM of the same version (jshell-free: `java -XX:+... Sleep` from the JDK).
# Usage: bench/startup.sh [runs]   (default 5; every loop is bounded; talks to 127.0.0.1 only)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. scripts/lib.sh
postern_use_jdk
runs="${1:-5}"
jar=postern-server/target/postern-server.jar
[ -f "$jar" ] || { echo "build first: ./postern --version (or mvn -pl postern-server -am package)" >&2; exit 1; }
java="$JAVA_HOME/bin/java"
now_ms() { date +%s%3N; }
rss_mib() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
base_times=(); serve_times=(); launcher_times=(); serve_rss=(); base_rss=()
repo=$(pwd)

# Starts a server with "$@" in a fresh folder, echoes milliseconds to the first /ok, leaves $pid running.
start_and_time() {
  local dir="$1"; shift
  mkdir -p "$dir"
  port=$(( 20000 + RANDOM % 20000 ))
  local t0; t0=$(now_ms)
  (cd "$dir" && POSTERN_PORT=$port exec "$@" >"$dir/log" 2>&1) &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/api/auth/ok" >/dev/null 2>&1; then echo $(( $(now_ms) - t0 )); return 0; fi
    sleep 0.05
  done
  echo "server did not answer /ok within 30 s:" >&2; cat "$dir/log" >&2; kill "$pid"; exit 1
}
# The launcher makes its start-up cache on a jar's first run (and takes longer to stop while it does):
# that run is not measured.
start_and_time "$work/launcher-first" "$repo/postern" serve >/dev/null
kill "$pid"; wait "$pid" 2>/dev/null || true
launcher_rss=()
for i in $(seq 1 "$runs"); do
  t0=$(now_ms); "$java" -jar "$jar" --version >/dev/null 2>&1; base_times+=($(( $(now_ms) - t0 )))

  start_and_time "$work/jar$i" "$java" -jar "$repo/$jar" serve >"$work/t"; serve_times+=("$(cat "$work/t")")
  sleep 10
  serve_rss+=("$(rss_mib "$pid")")
  kill "$pid"; wait "$pid" 2>/dev/null || true

  start_and_time "$work/launcher$i" "$repo/postern" serve >"$work/t"; launcher_times+=("$(cat "$work/t")")
  sleep 10
  launcher_rss+=("$(rss_mib "$pid")")
  kill "$pid"; wait "$pid" 2>/dev/null || true

  # An idle JVM of the same version and heap defaults, doing nothing: the memory floor.
  "$java" -cp "$jar" dev.postern.server.bench.IdleJvm 2>/dev/null & idle=$! || true
  sleep 3
  if kill -0 "$idle" 2>/dev/null; then base_rss+=("$(rss_mib "$idle")"); kill "$idle"; wait "$idle" 2>/dev/null || true; fi
done

b=$(printf '%s\n' "${base_times[@]}" | median)
s=$(printf '%s\n' "${serve_times[@]}" | median)
r=$(printf '%s\n' "${serve_rss[@]}" | median)
printf '%-44s %10s %10s %8s\n' "measure (median of $runs)" "postern" "baseline" "ratio"
l=$(printf '%s\n' "${launcher_times[@]}" | median)
printf '%-44s %8s ms %8s ms %8.2f\n' "java -jar serve -> first GET /ok" "$s" "$b" "$(echo "$s $b" | awk '{print $1/$2}')"
printf '%-44s %8s ms %8s ms %8.2f\n' "./postern serve -> first GET /ok" "$l" "$b" "$(echo "$l $b" | awk '{print $1/$2}')"
echo "(start-up baseline: java -jar postern-server.jar --version, i.e. JVM start and CLI, no server)"
lr=$(printf '%s\n' "${launcher_rss[@]}" | median)
if [ "${#base_rss[@]}" -gt 0 ]; then
  br=$(printf '%s\n' "${base_rss[@]}" | median)
  printf '%-44s %7s MiB %7s MiB %8.2f\n' "idle RSS after 10 s, java -jar (vs idle JVM)" "$r" "$br" "$(echo "$r $br" | awk '{print $1/$2}')"
  printf '%-44s %7s MiB %7s MiB %8.2f\n' "idle RSS after 10 s, ./postern (vs idle JVM)" "$lr" "$br" "$(echo "$lr $br" | awk '{print $1/$2}')"
else
  printf '%-44s %7s MiB\n' "idle RSS after 10 s, java -jar" "$r"
  printf '%-44s %7s MiB\n' "idle RSS after 10 s, ./postern" "$lr"
fi
