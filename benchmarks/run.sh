#!/usr/bin/env bash
# Builds the benchmark jar and runs every JMH benchmark in it, writing JMH's JSON result to
# benchmarks/results/kernel-<yyyy-mm-dd>.json. Extra arguments go to JMH, e.g. a benchmark regex
# (`benchmarks/run.sh dotProducts`) or `-prof gc`. Takes about two and a half minutes on two cores.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

./mvnw -B -q -pl benchmarks -am package -DskipTests
mkdir -p benchmarks/results
result="benchmarks/results/kernel-$(date +%F).json"
java -jar benchmarks/target/encore-benchmarks.jar -rf json -rff "$result" "$@"
echo "JMH results written to $result"
