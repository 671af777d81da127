#!/usr/bin/env bash
# Installs what building and testing Corroborate needs, skipping whatever is already there.
# Only the crate registry, npm and Debian's apt are used: nothing downloads a prebuilt binary
# from elsewhere (see ARCHITECTURE.md, "Toolchain"). Safe to run any number of times.
#
# usage: scripts/setup.sh            # everything: Rust targets and tools, chromium, npm packages
#        scripts/setup.sh --no-browser   # skip chromium / chromedriver / npm (native + wasm build only)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM_PACK_VERSION=0.15.1
BINARYEN_NPM_VERSION=132.0.0
# wasm-bindgen-cli must be exactly the wasm-bindgen crate version in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}
BROWSER=1
[[ "${1:-}" == "--no-browser" ]] && BROWSER=0

SUDO=""
[[ $(id -u) -ne 0 ]] && SUDO="sudo"

step() {  # step NAME CHECK INSTALL
  local name=$1 check=$2 install=$3 t0
  if bash -c "$check" >/dev/null 2>&1; then echo "[skip] $name"; return; fi
  echo "[run ] $name"; t0=$(date +%s)
  bash -c "$install"
  bash -c "$check" >/dev/null 2>&1 || { echo "[FAIL] $name: still missing after install" >&2; exit 1; }
  echo "[done] $name in $(( $(date +%s) - t0 )) s"
}

step "rustup components rustfmt, clippy" \
  "cargo fmt --version && cargo clippy --version" \
  "rustup component add rustfmt clippy"

step "rustup target wasm32-unknown-unknown" \
  "rustup target list --installed | grep -qx wasm32-unknown-unknown" \
  "rustup target add wasm32-unknown-unknown"

# Debian's binaryen (108) cannot parse wasm-bindgen 0.2.130 output and would shadow npm's wasm-opt.
step "no Debian binaryen" \
  "! dpkg -s binaryen" \
  "DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -q binaryen"

# --locked fails for wasm-bindgen-cli (its lockfile pins a crate the registry lacks); the version stays pinned.
step "wasm-bindgen-cli $WASM_BINDGEN_VERSION" \
  "[ \"\$(wasm-bindgen --version)\" = 'wasm-bindgen $WASM_BINDGEN_VERSION' ] && command -v wasm-bindgen-test-runner" \
  "cargo install wasm-bindgen-cli --version '=$WASM_BINDGEN_VERSION' --force"

step "wasm-pack $WASM_PACK_VERSION" \
  "[ \"\$(wasm-pack --version)\" = 'wasm-pack $WASM_PACK_VERSION' ]" \
  "cargo install wasm-pack --version '=$WASM_PACK_VERSION' --locked"

step "wasm-opt (npm binaryen $BINARYEN_NPM_VERSION)" \
  "wasm-opt --version | grep -q 'version ${BINARYEN_NPM_VERSION%%.*} '" \
  "$SUDO npm install -g --no-fund --no-audit binaryen@$BINARYEN_NPM_VERSION"

if [[ $BROWSER == 1 ]]; then
  step "chromium + chromedriver (Debian)" \
    "test -x /usr/bin/chromium && test -x /usr/bin/chromedriver" \
    "$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver"

  # npm ci only when package-lock.json changed since the last install (no browser download:
  # the tests drive /usr/bin/chromium through playwright-core).
  step "npm packages (package-lock.json)" \
    "test -d node_modules/playwright-core && cmp -s package-lock.json node_modules/.corroborate-lock-stamp" \
    "npm ci --no-fund --no-audit && cp package-lock.json node_modules/.corroborate-lock-stamp"
fi
