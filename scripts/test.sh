#!/usr/bin/env bash
# Sets up everything, then runs every test: the native Catch2 suite (ctest), the same
# suite compiled to WebAssembly and run under Node (ctest), and the module's tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

jobs=$(nproc)
echo "== native build and Catch2 suite"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DNNPLAY_BENCH=OFF >/dev/null
cmake --build build/native -j"$jobs"
(cd build/native && ctest --output-on-failure -j"$jobs")
