#!/usr/bin/env bash
# Sets up everything, then runs every test:
#   0. the type check of every TypeScript source (page, worker, module, CLI): seconds, so first;
#   1. the native Catch2 suite (ctest), and the benchmarks compile;
#   2. the same Catch2 suite compiled to WebAssembly, run under Node (ctest);
#   3. the module, the CLI and the page: node --test (Node), Playwright (Chromium), and the core
#      journeys in Chromium, Firefox ESR and WebKitGTK too (tests/e2e/engines.test.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)

echo "== 0/3 type check"
npm run --silent typecheck

echo "== 1/3 native: build, Catch2 suite"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"
(cd build/native && ctest --output-on-failure -j"$jobs")

echo "== 2/3 wasm: build, the same Catch2 suite under Node"
[ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j"$jobs"
(cd build/wasm && ctest --output-on-failure -j"$jobs")

echo "== 3/3 the module, the CLI and the page"
node scripts/build.mjs
node --test tests/node/ tests/e2e/
