#!/usr/bin/env bash
# Herald side by side with sherpa-onnx and Piper's web runtime (README.md).
# usage: bash scripts/bench-peers/run.sh [--json] [--threads N] [--engines ...] [--voices ...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The peers are not Herald's dependencies: they live in this folder's own
# node_modules. No install scripts are needed (sherpa-onnx ships its binaries
# as optional packages), and none run.
if [ ! -d "$here/node_modules/sherpa-onnx-node" ]; then
  npm ci --prefix "$here" --ignore-scripts --no-audit --no-fund >&2
fi
exec node "$here/bench.mjs" "$@"
