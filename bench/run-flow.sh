#!/usr/bin/env bash
# Reproduces the "web: the sandbox flow" rows of BENCHMARKS.md: builds the WAR and the bench jar, then FlowLoad on
# the packaged WAR in embedded Jetty over HTTPS with its in-process sandbox: (a) orders created per second through
# the signed shop API, (b) pay-to-shop-callback latency (p50/p99 over 500 payments). Options for FlowLoad may follow,
# e.g. `bench/run-flow.sh --db postgresql` or `--payments 1000`. Server, load generator and the shop's receiver
# share the JVM and the machine; note the load average it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am package -DskipTests
JAVA_OPTS=(-Xms1g -Xmx1g)
echo "+ java ${JAVA_OPTS[*]} -cp bench/target/benchmarks.jar io.resguardo.bench.web.FlowLoad $*" >&2
java "${JAVA_OPTS[@]}" -cp bench/target/benchmarks.jar io.resguardo.bench.web.FlowLoad \
  --war web/target/resguardo.war "$@" 2> >(grep -v '^SLF4J' >&2)
