#!/usr/bin/env bash
# Installs what building and testing Opeka needs on a fresh machine of this
# project's kind (Debian, rustup, Node.js; only package registries reachable).
# Idempotent: each tool is skipped when it is already there at the right version.
# Usage: scripts/install-tools.sh [rust] [wasm] [node] [browser]   (no argument: all)
set -euo pipefail
cd "$(dirname "$0")/.."

want() { [ $# -eq 0 ] && return 0; for w in "${WANTED[@]}"; do [ "$w" = "$1" ] && return 0; done; return 1; }
WANTED=("$@")
say() { printf '[tools] %s\n' "$*"; }

# The wasm-bindgen CLI must equal the library version locked in Cargo.lock,
# else Trunk tries to download its own copy, which fails here.
locked_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

if [ ${#WANTED[@]} -eq 0 ] || want rust || want wasm; then
  # `make lint`: rustfmt and clippy of the stable toolchain.
  for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
      say "adding the $component component"
      rustup component add "$component"
    fi
  done
fi

if [ ${#WANTED[@]} -eq 0 ] || want wasm; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # The pinned nightly that builds the host-page bundle (see the Makefile):
  # minimal, plus the std sources it rebuilds.
  nightly=$(sed -n 's/^dist_toolchain=//p' scripts/toolchains)
  if ! rustup run "$nightly" rustc --version >/dev/null 2>&1 \
     || ! rustup component list --toolchain "$nightly" --installed 2>/dev/null | grep -q '^rust-src'; then
    say "installing $nightly with rust-src (under a minute)"
    rustup toolchain install "$nightly" --profile minimal --component rust-src
  fi
  wb=$(locked_version wasm-bindgen)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb" ]; then
    say "installing wasm-bindgen-cli $wb (about 2 minutes)"
    # No --locked: the CLI's lock file names a yanked transitive version.
    cargo install --force wasm-bindgen-cli@"$wb"
  fi
  if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
    say "installing trunk 0.21 (about 6 minutes)"
    # 0.22 needs a newer rustc than this machine's.
    cargo install --locked --force trunk@^0.21
  fi
fi

if [ ${#WANTED[@]} -eq 0 ] || want node; then
  # wasm-opt from npm: Debian's binaryen is too old for current Rust output.
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
     || ! cmp -s package-lock.json node_modules/.package-lock.json.copy 2>/dev/null; then
    say "installing node tools (binaryen, playwright-core)"
    npm ci --no-audit --no-fund
    cp package-lock.json node_modules/.package-lock.json.copy
  fi
fi

if [ ${#WANTED[@]} -eq 0 ] || want browser; then
  # Debian's Chromium: browser downloads (npx playwright install) fail here.
  # poppler-utils: the print tests read the PDFs Chromium prints with
  # pdfinfo and pdftotext.
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! command -v pdftotext >/dev/null; then
    say "installing chromium, chromium-driver and poppler-utils from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q chromium chromium-driver poppler-utils
  fi
fi
say "ready"
