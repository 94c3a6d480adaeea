#!/usr/bin/env bash
# Runs Postern's JMH micro-benchmarks and prints each figure with its ratio to the baseline of its group,
# measured in the same run (see bench/README.md for what each group measures).
#
# Usage: bench/jmh/run.sh [JMH regexp or options...]     e.g. bench/jmh/run.sh 'Router|Json'
# Settings (environment, bounded defaults for a shared 2-core machine):
#   JMH_FORKS=1 JMH_WARMUP_ITERATIONS=2 JMH_WARMUP_TIME=1s JMH_ITERATIONS=3 JMH_TIME=1s
#   JMH_TIMEOUT=1800   seconds before the whole JMH run is stopped
#   SKIP_BUILD=1       reuse bench/jmh/target/benchmarks.jar
# Results: bench/jmh/target/jmh.json (JMH's JSON format) and the table on stdout.
set -euo pipefail
here="$(dirname "$(readlink -f "$0")")"
cd "$here/../.."
. scripts/lib.sh
postern_use_jdk

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    postern_require_maven
    echo "Building Postern modules and the benchmarks jar..." >&2
    mvn -B -q -pl postern-server -am install -Dmaven.test.skip=true
    mvn -B -q -f bench/jmh/pom.xml package
fi
jar=bench/jmh/target/benchmarks.jar
[ -f "$jar" ] || { echo "no $jar: run without SKIP_BUILD=1" >&2; exit 1; }

json=bench/jmh/target/jmh.json
rm -f "$json"
timeout "${JMH_TIMEOUT:-1800}" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" \
    -f "${JMH_FORKS:-1}" -wi "${JMH_WARMUP_ITERATIONS:-2}" -w "${JMH_WARMUP_TIME:-1s}" \
    -i "${JMH_ITERATIONS:-3}" -r "${JMH_TIME:-1s}" \
    -jvmArgsAppend --enable-native-access=ALL-UNNAMED \
    -foe true -rf json -rff "$json" "$@" >&2

echo
"$JAVA_HOME/bin/java" -cp "$jar" dev.postern.bench.report.RatioTable "$json"
