#!/usr/bin/env bash
# Byte-identity check for speed work: runs the `corroborate` CLI over fixed batches of
# articles (the seeds, and PolNeAR dev/test texts in batches) and writes each report's JSON to
# a folder; with a second folder, compares the two byte for byte.
#
#   scripts/same-output.sh BIN OUT_DIR [POLNEAR_DIR]     # write the reports
#   diff -r BEFORE_DIR AFTER_DIR                          # compare
#
# With BENCH_SCALE=path/to/bench-scale set, it also writes the CLI's report of one input of
# each generated class (news 1.2 MB, one line 128 KB, dense 64 KB, "X said" 600 KB, Unicode
# 256 KB: the shapes whose cost the linear-time work changed).
set -euo pipefail
bin=$1
out=$2
polnear=${3:-/work/shared/data/polnear}
mkdir -p "$out"
if [[ -n "${BENCH_SCALE:-}" ]]; then
  gen=$(mktemp -d)
  abs=$(realpath "$bin")
  for c in news:1200000 longline:128000 dense:64000 saidchain:600000 unicode:256000; do
    "$BENCH_SCALE" generate "${c%%:*}" "${c##*:}" >"$gen/${c%%:*}.txt"
    # run inside the folder, so the report names the article "news.txt", not a temporary path
    (cd "$gen" && "$abs" --format json --compact "${c%%:*}.txt") >"$out/gen-${c%%:*}.json"
  done
  rm -rf "$gen"
fi
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
