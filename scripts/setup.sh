#!/usr/bin/env bash
# Installs what Herald needs on Debian/Ubuntu with Node 20 already present.
#   scripts/setup.sh          the runtime: ALSA headers and a compiler for `speaker`, npm ci, and
#                             the build (dist/, the JavaScript that `herald` runs)
#   scripts/setup.sh --enroll also what `herald enroll` adapts voices with: Debian's PyTorch (CPU) and
#                             numpy/scipy (on a Jetson, NVIDIA's PyTorch for JetPack instead: docs/jetson.md)
#   scripts/setup.sh --test   also what the test suite runs against: mosquitto, python3-onnx, alsa-utils,
#                             the --enroll packages, festival and the festival voice the enroll test clones
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libasound2-dev build-essential python3 alsa-utils)
enroll=(python3-torch python3-numpy python3-scipy python3-onnx libopenblas0-openmp)
if [[ "${1:-}" == "--enroll" ]]; then
  packages+=("${enroll[@]}")
fi
if [[ "${1:-}" == "--test" ]]; then
  packages+=(mosquitto mosquitto-clients python3-onnx python3-numpy systemd openssl passwd "${enroll[@]}" festival festvox-kallpc16k sox)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if ((node_major < 20)); then
  echo "setup: Herald needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# onnxruntime-node's install script would download CUDA provider libraries on
# x64 (the Jetson's come from a build with TensorRT, docs/jetson.md). This
# variable makes every npm skip it (the .npmrc key npm 11 warns about is gone);
# npm releases that read package.json's allowScripts skip it there too.
export ONNXRUNTIME_NODE_INSTALL=skip
npm ci --no-audit --no-fund
npm run build --silent
echo "setup: built dist/ (herald runs it with plain node)"
