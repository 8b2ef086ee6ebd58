#!/usr/bin/env bash
# Reproduces the sql rows of BENCHMARKS.md: builds the JMH uber-jar and runs PaymentApplyBench (paid notifications
# applied per second, H2 default and PostgreSQL, 1 and 8 threads). Needs PostgreSQL at 127.0.0.1:5432, database
# test, user postgres with trust authentication. Extra JMH options may follow, e.g. `bench/run-sql.sh -p engine=h2`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am package -DskipTests
exec java -jar bench/target/benchmarks.jar 'io\.resguardo\.bench\.PaymentApplyBench\.' \
  -f 2 -wi 5 -w 2s -i 5 -r 3s -rf json -rff bench/target/jmh-sql.json "$@"
