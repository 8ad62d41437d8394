#!/usr/bin/env bash
# Sets up everything, builds, and serves the playground on 127.0.0.1 (prints its URL).
#   PORT=9000 bash scripts/start.sh   to choose the port (default 8080, or the next free one)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node scripts/build.mjs
exec node scripts/serve.mjs dist "${PORT:-8080}"
