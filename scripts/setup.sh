#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks (idempotent, quiet): the C++ and WASM
# toolchains, test frameworks, Chromium for the browser tests, and the pinned npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-wqy-microhei: the browser tests lay out Chinese text with a real CJK font.
# clang-14 + libclang-rt-14-dev: libFuzzer and the sanitizer runtimes for fuzz/ (the CI smoke run).
# xz-utils: scripts/build-site.mjs compresses the WASM binary with xz.
packages=(cmake g++ make emscripten catch2 nlohmann-json3-dev zlib1g-dev chromium fonts-wqy-microhei
          clang-14 libclang-rt-14-dev xz-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v node >/dev/null || { echo "setup: node (18+) is required" >&2; exit 1; }

# npm ci only when the lock file changed since the last install.
[ -f package-lock.json ] || exit 0
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.shopscore-lock; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.shopscore-lock
fi
