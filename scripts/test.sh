#!/usr/bin/env bash
# README command 2: install what is missing, then run every check and test in CI order:
# format, lints (native and wasm32), native tests, docs, the wasm build (size printed), the
# page's type check (tsc over www/ with the generated report types), the
# wasm boundary tests under Node and headless Chromium, and the page's end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh

step() { printf '\n=== %s\n' "$*"; }
step "cargo fmt --check";            cargo fmt --all -- --check
step "clippy (native)";              cargo clippy --all-targets -- -D warnings
step "clippy (wasm32)";              cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
step "cargo test";                   cargo test
step "cargo doc";                    RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib
step "wasm build";                   bash scripts/build.sh
step "page type check (tsc)";        npm run check:www
step "wasm boundary (Node)";         wasm-pack test --node --test wasm
stamp=$(mktemp)
step "wasm boundary (Chromium)";     wasm-pack test --headless --chrome --test wasm_browser
find /tmp -maxdepth 1 -name 'org.chromium.Chromium.*' -newer "$stamp" -exec rm -rf {} + 2>/dev/null || true
rm -f "$stamp"
step "single-file build";           node scripts/build-single.mjs
step "browser end-to-end (Playwright, Debian chromium)"
npm test
