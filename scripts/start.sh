#!/usr/bin/env bash
# README command 1: install what is missing, build everything, serve the page with the sample
# articles loaded. Ctrl-C stops the server. PORT=8080 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
cargo build --release --bin corroborate
echo "CLI: target/release/corroborate --format markdown seeds/*.txt"
exec node scripts/serve.mjs www "${PORT:-8080}"
