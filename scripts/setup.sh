#!/usr/bin/env bash
# Installs everything nnplay needs on Debian 12 (run as root, or with sudo available):
# the C++ toolchain and libraries, Emscripten, Chromium, Firefox ESR and WebKitGTK's driver
# (with Xvfb and xauth for xvfb-run: it has no headless mode) for the browser tests, and the
# npm packages from the committed lock file. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make xtensor-dev xtl-dev catch2 libbenchmark-dev emscripten chromium firefox-esr webkit2gtk-driver xvfb xauth fonts-ipafont-gothic python3 python3-nbformat python3-numpy)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  echo "setup: installing ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "setup: Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
if [ -f package-lock.json ]; then
  # npm ci is quick when node_modules already matches the lock file
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
