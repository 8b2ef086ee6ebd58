#!/usr/bin/env bash
# Reproduces the "web: notifications end to end" rows of BENCHMARKS.md: builds the WAR and the bench jar, then
# (1) NotificationLoad: the packaged WAR in embedded Jetty over HTTPS, throughput and latency, access log at WARNING
#     and then at INFO; (2) FilterOverhead: the notification servlet alone vs behind Resguardo's filters.
# Options for NotificationLoad may follow, e.g. `bench/run-web.sh --db postgresql` or `--duration 30`; set
# FILTERS=0 to skip the filter comparison. Server and load generator share the JVM and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am package -DskipTests
# BENCH_JVM_OPTS adds JVM options to both runs, e.g. BENCH_JVM_OPTS=-XX:+UseZGC (BENCHMARKS.md compares the two).
JAVA_OPTS=(-Xms2g -Xmx2g ${BENCH_JVM_OPTS:-})
run() {
  echo "+ java ${JAVA_OPTS[*]} -cp bench/target/benchmarks.jar $*" >&2
  java "${JAVA_OPTS[@]}" -cp bench/target/benchmarks.jar "$@" 2> >(grep -v '^SLF4J' >&2)
}
run io.resguardo.bench.web.NotificationLoad --war web/target/resguardo.war "$@"
if [[ "${FILTERS:-1}" != 0 ]]; then
  run io.resguardo.bench.web.FilterOverhead
fi
