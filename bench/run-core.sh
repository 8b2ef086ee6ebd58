#!/usr/bin/env bash
# Reproduces the core rows of BENCHMARKS.md: builds the JMH uber-jar and runs the core benchmarks with the GC
# profiler (allocation per operation). Extra JMH options may follow, e.g. `bench/run-core.sh -f 1` for a quick look.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am package -DskipTests
exec java -jar bench/target/benchmarks.jar \
  'io\.resguardo\.bench\.(WebhookBench|MessageSignatureBench|AllowlistBench|ThrottleBench)\.' \
  -f 2 -wi 3 -w 1s -i 5 -r 1s -prof gc -rf json -rff bench/target/jmh-core.json "$@"
