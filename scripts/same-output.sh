#!/usr/bin/env bash
# Byte-identity check for speed work: runs the `corroborate` CLI over fixed batches of
# articles (the seeds, and PolNeAR dev/test texts in batches) and writes each report's JSON to
# a folder; with a second folder, compares the two byte for byte.
#
#   scripts/same-output.sh BIN OUT_DIR [POLNEAR_DIR]     # write the reports
#   diff -r BEFORE_DIR AFTER_DIR                          # compare
set -euo pipefail
bin=$1
out=$2
polnear=${3:-/work/shared/data/polnear}
mkdir -p "$out"
"$bin" --format json seeds/*.txt >"$out/seeds.json"
"$bin" --format markdown seeds/*.txt >"$out/seeds.md"
for part in dev test train; do
  mapfile -t files < <(ls "$polnear/$part/text"/*.txt | sort)
  n=${#files[@]}
  for ((i = 0; i < n; i += 12)); do
    "$bin" --format json "${files[@]:i:12}" >"$out/$part-$i.json"
  done
done
ls "$out" | wc -l
