#!/usr/bin/env bash
# Install a GPU build of the onnxruntime-node binding (made by
# build-onnxruntime.sh) into Herald's node_modules, where onnxruntime-node
# loads it: node_modules/onnxruntime-node/bin/napi-v6/linux/arm64/.
#
# ONNX Runtime loads the provider libraries (libonnxruntime_providers_*.so)
# from the directory that holds libonnxruntime.so.1, so all of them go there.
# 'npm ci' / 'npm install' put the stock CPU-only files back: run this again
# afterwards (the build itself does not need to be repeated).
#
# Usage:
#   install-binding.sh --from-build ONNXRUNTIME_SRC_DIR [--pack OUT.tar.gz]
#   install-binding.sh --from-tarball FILE.tar.gz
#   install-binding.sh --restore-stock
# Options:
#   --ort-version X.Y.Z   expected version (default: the installed onnxruntime-node)
#   --dest DIR            install somewhere else (default: Herald's node_modules)
#   --dry-run             print what would be done
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HERALD_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"
DEST="${HERALD_ROOT}/node_modules/onnxruntime-node/bin/napi-v6/linux/arm64"
FROM_BUILD=""
FROM_TARBALL=""
PACK=""
RESTORE=0
DRY_RUN=0
ORT_VERSION=""
FILES=(onnxruntime_binding.node libonnxruntime.so.1 libonnxruntime_providers_shared.so
  libonnxruntime_providers_cuda.so libonnxruntime_providers_tensorrt.so)
MANIFEST=HERALD_BINDING.json

log() { printf '[install-binding] %s\n' "$*" >&2; }
die() { printf '[install-binding] ERROR: %s\n' "$*" >&2; exit 1; }
run() {
  printf '[install-binding] $ %s\n' "$*" >&2
  if [[ "${DRY_RUN}" -eq 0 ]]; then "$@"; fi
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --from-build) FROM_BUILD="$2"; shift 2 ;;
    --from-tarball) FROM_TARBALL="$2"; shift 2 ;;
    --pack) PACK="$2"; shift 2 ;;
    --restore-stock) RESTORE=1; shift ;;
    --ort-version) ORT_VERSION="$2"; shift 2 ;;
    --dest) DEST="$2"; shift 2 ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
done

STOCK_DIR="${DEST}/.herald-stock"

if [[ "${RESTORE}" -eq 1 ]]; then
  [[ -d "${STOCK_DIR}" ]] || die "no saved stock files in ${STOCK_DIR} ('npm ci' also restores them)"
  for f in "${FILES[@]}" "${MANIFEST}"; do run rm -f "${DEST}/${f}"; done
  run cp -a "${STOCK_DIR}/." "${DEST}/"
  log "stock CPU-only binding restored"
  exit 0
fi

if [[ -z "${ORT_VERSION}" ]]; then
  pkg="${HERALD_ROOT}/node_modules/onnxruntime-node/package.json"
  [[ -f "${pkg}" ]] || die "onnxruntime-node not installed and no --ort-version given"
  ORT_VERSION="$(node -p "require(process.argv[1]).version" "${pkg}")"
fi

STAGE="$(mktemp -d)"
trap 'rm -rf "${STAGE}"' EXIT

if [[ -n "${FROM_BUILD}" ]]; then
  release="${FROM_BUILD}/build/Linux/Release"
  built_version="$( (tr -d "[:space:]" <"${FROM_BUILD}/VERSION_NUMBER") 2>/dev/null || true)"
  [[ "${built_version}" == "${ORT_VERSION}" || "${DRY_RUN}" -eq 1 ]] ||
    die "source tree is onnxruntime ${built_version}, installed onnxruntime-node is ${ORT_VERSION}"
  run cp -L "${FROM_BUILD}/js/node/bin/napi-v6/linux/arm64/onnxruntime_binding.node" "${STAGE}/"
  for f in libonnxruntime.so.1 libonnxruntime_providers_shared.so libonnxruntime_providers_cuda.so libonnxruntime_providers_tensorrt.so; do
    run cp -L "${release}/${f}" "${STAGE}/"
  done
  if [[ "${DRY_RUN}" -eq 0 ]]; then
    commit="$(git -C "${FROM_BUILD}" rev-parse HEAD 2>/dev/null || echo unknown)"
    patches_json="$(cd "${SCRIPT_DIR}/patches" && for p in *.patch; do printf '"%s":"%s",' "${p}" "$(sha256sum "${p}" | cut -d' ' -f1)"; done)"
    l4t="$(head -n1 /etc/nv_tegra_release 2>/dev/null | sed -E 's/^# //; s/, GCID.*//' || true)"
    # TensorRT version the provider library was built against (engines are specific to it)
    trt="$(dpkg-query -W -f='${Version}' libnvinfer10 2>/dev/null | sed -E 's/^([0-9]+\.[0-9]+\.[0-9]+).*/\1/' || true)"
    cuda="$( ("${CUDA_HOME:-/usr/local/cuda}/bin/nvcc" --version | sed -nE 's/.*release ([0-9]+\.[0-9]+).*/\1/p') 2>/dev/null || true)"
    cat >"${STAGE}/${MANIFEST}" <<EOF
{"ortVersion":"${ORT_VERSION}","ortCommit":"${commit}","patches":{${patches_json%,}},"l4t":"${l4t}","tensorrtVersion":"${trt}","cudaVersion":"${cuda}","cudaArch":"sm_87","builtAt":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","builtOn":"$(uname -n)"}
EOF
  fi
elif [[ -n "${FROM_TARBALL}" ]]; then
  run tar -xzf "${FROM_TARBALL}" -C "${STAGE}"
  if [[ "${DRY_RUN}" -eq 0 ]]; then
    tar_version="$(node -p "require(process.argv[1]).ortVersion" "${STAGE}/${MANIFEST}")"
    [[ "${tar_version}" == "${ORT_VERSION}" ]] || die "tarball holds onnxruntime ${tar_version}, installed onnxruntime-node is ${ORT_VERSION}"
  fi
else
  die "give --from-build, --from-tarball or --restore-stock (see --help)"
fi

if [[ "${DRY_RUN}" -eq 0 ]]; then
  for f in "${FILES[@]}" "${MANIFEST}"; do [[ -s "${STAGE}/${f}" ]] || die "missing in staged files: ${f}"; done
fi

if [[ -n "${PACK}" ]]; then
  run tar -czf "${PACK}" -C "${STAGE}" "${FILES[@]}" "${MANIFEST}"
  log "packed ${PACK} (install on an identical JetPack with --from-tarball)"
fi

run mkdir -p "${DEST}"
if [[ ! -d "${STOCK_DIR}" && -f "${DEST}/onnxruntime_binding.node" && ! -f "${DEST}/${MANIFEST}" ]]; then
  run mkdir -p "${STOCK_DIR}"
  for f in "${FILES[@]}"; do
    if [[ -e "${DEST}/${f}" ]]; then run cp -a "${DEST}/${f}" "${STOCK_DIR}/"; fi
  done
  log "saved the stock files in ${STOCK_DIR}"
fi
for f in "${FILES[@]}"; do
  run install -m 0755 "${STAGE}/${f}" "${DEST}/${f}"
done
run install -m 0644 "${STAGE}/${MANIFEST}" "${DEST}/${MANIFEST}"
log "installed into ${DEST}"
log "next: npx tsx scripts/jetson/check-binding.ts"
