#!/usr/bin/env bash
# Sets up everything, then runs every test, the long parts side by side:
#   0. the type check of every TypeScript source (page, worker, module, CLI): seconds, so first;
#   1. the engine for the page and the module (wasm) and dist/: what the Node and Chromium suites need;
#   2. the browser suite (tests/e2e: Chromium, and the core journeys in Firefox ESR and WebKitGTK too,
#      tests/e2e/engines.test.mjs) starts in the background: much of its time it waits on the page
#      (frames, animations, loads), and the C++ builds of 3 use the cores it leaves idle;
#   3. meanwhile: the native Catch2 suite (and the benchmarks compile), the same suite compiled to
#      WebAssembly and run under Node, then the Node suite (tests/node: parity needs the native build);
#      the test program is built for build speed, the engine with its own flags (tests/core/CMakeLists.txt);
#   4. the Chromium suite's report, and each stage's time.
# Each Catch2 suite runs as one process: ctest would start one per test case, and under Node each of
# those loads and compiles the whole wasm test program again (`ctest` in build/native or build/wasm
# still runs them one by one). E2E_CONCURRENCY sets how many e2e files run at once (default 2: a file
# keeps its Chromium busy a third of the time or less, so two at once finish far sooner, and stay green
# beside a CPU-bound process).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)
results=test-results
mkdir -p "$results"
start=$SECONDS
times=()
stage() { times+=("$(printf '%-44s %4d s' "$1" $((SECONDS - $2)))"); }

echo "== 0/4 type check"
t=$SECONDS
npm run --silent typecheck
stage "type check" "$t"

echo "== 1/4 the wasm engine and dist/"
t=$SECONDS
node scripts/build.mjs
stage "build (wasm engine, dist/)" "$t"

echo "== 2/4 the page in Chromium (tests/e2e), in the background; its report comes at the end"
e2e_log="$results/e2e.log"
e2e_started=$SECONDS
set -m  # the background suite gets its own process group, so that an early exit can stop all of it
node --test --test-concurrency="${E2E_CONCURRENCY:-2}" --test-reporter=spec tests/e2e/ >"$e2e_log" 2>&1 &
e2e=$!
set +m
trap 'kill -- -"$e2e" 2>/dev/null || true' EXIT

echo "== 3/4 native: build, Catch2 suite; wasm: build, the same suite under Node; then tests/node"
t=$SECONDS
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"
stage "native build" "$t"
t=$SECONDS
build/native/tests/core/nnplay_core_tests --use-colour no
stage "native Catch2 suite" "$t"
t=$SECONDS
cmake --build build/wasm -j"$jobs"
stage "wasm build (the Catch2 suite)" "$t"
t=$SECONDS
node build/wasm/tests/core/nnplay_core_tests.cjs --use-colour no
stage "wasm Catch2 suite under Node" "$t"
t=$SECONDS
node --test --test-concurrency="$jobs" tests/node/
stage "tests/node" "$t"

echo "== 4/4 the page in Chromium: the report"
status=0
wait "$e2e" || status=$?
trap - EXIT
cat "$e2e_log"
stage "tests/e2e (begun after the build)" "$e2e_started"
times+=("$(printf '%-44s %4d s' 'all (after set-up)' $((SECONDS - start)))")
printf '%s\n' "${times[@]}"
exit "$status"
