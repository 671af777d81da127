#!/usr/bin/env bash
# Seeds fuzz/corpus/analyze with the sample articles and long generated articles (the
# bench-scale classes at 64 KB). Run from the repository root.
set -euo pipefail
mkdir -p fuzz/corpus/analyze
cp seeds/*.txt fuzz/corpus/analyze/
cargo build --profile tools --bin bench-scale
for class in news longline dense saidchain unicode; do
  target/tools/bench-scale generate "$class" 65536 > "fuzz/corpus/analyze/$class.txt"
done
