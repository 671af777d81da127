#!/usr/bin/env bash
# Builds the release WebAssembly package into www/pkg (wasm-pack, wasm-opt -Oz), assembles the
# page's generated assets (demo articles, vendored libraries), and prints the .wasm size.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# The wasm at opt-level "s", the native release profile at 3 (see Cargo.toml's profile notes).
export CARGO_PROFILE_RELEASE_OPT_LEVEL=s
wasm-pack build --release --target web --out-dir www/pkg --out-name corroborate
node scripts/build-www.mjs
wasm=www/pkg/corroborate_bg.wasm
raw=$(wc -c < "$wasm"); gz=$(gzip -9 -n -c "$wasm" | wc -c)
printf 'wasm size: %s bytes raw, %s bytes gzip -9 (%s)\n' "$raw" "$gz" "$wasm"
