#!/usr/bin/env bash
# Build ONNX Runtime with the CUDA and TensorRT execution providers plus the
# Node.js binding on a Jetson Orin (JetPack 6.1 or newer: CUDA 12, cuDNN 9,
# TensorRT 10), apply Herald's provider-options patch to the binding, and
# install the result into node_modules/onnxruntime-node where Herald loads it.
#
# Usage (on the Jetson, from anywhere inside the Herald checkout):
#   scripts/jetson/build-onnxruntime.sh [options]
#
# Options:
#   --work-dir DIR      where the onnxruntime source and build live
#                       (default: ~/.cache/herald/ort-build)
#   --jobs N            parallel compile jobs (default: from RAM, ~1 job per 2.5 GiB)
#   --ort-version X.Y.Z build this release instead of the installed onnxruntime-node
#                       version (refused unless they match, see --force-version)
#   --force-version     allow --ort-version to differ from the installed package
#   --skip-preflight    do not check JetPack/CUDA/TensorRT/cuDNN/CMake versions
#   --no-install        build only; do not touch node_modules
#   --dry-run           print what would be run, run nothing
#   -h, --help          this text
#
# Environment: CUDA_HOME (default /usr/local/cuda), CUDNN_HOME and TENSORRT_HOME
# (default /usr/lib/aarch64-linux-gnu), ORT_REPO (default the GitHub repository).
#
# Nothing in this script has been run on a Jetson by the people who wrote it;
# see scripts/jetson/README.md for what was and was not verified.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HERALD_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"
PATCH_DIR="${SCRIPT_DIR}/patches"

WORK_DIR="${HOME}/.cache/herald/ort-build"
JOBS=""
ORT_VERSION=""
FORCE_VERSION=0
SKIP_PREFLIGHT=0
INSTALL=1
DRY_RUN=0
CUDA_HOME="${CUDA_HOME:-/usr/local/cuda}"
CUDNN_HOME="${CUDNN_HOME:-/usr/lib/aarch64-linux-gnu}"
TENSORRT_HOME="${TENSORRT_HOME:-/usr/lib/aarch64-linux-gnu}"
ORT_REPO="${ORT_REPO:-https://github.com/microsoft/onnxruntime.git}"
CUDA_ARCH=87 # Orin (Ampere iGPU, sm_87)

log() { printf '[build-ort] %s\n' "$*" >&2; }
die() { printf '[build-ort] ERROR: %s\n' "$*" >&2; exit 1; }
run() {
  printf '[build-ort] $ %s\n' "$*" >&2
  if [[ "${DRY_RUN}" -eq 0 ]]; then "$@"; fi
}
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --work-dir) WORK_DIR="$2"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --ort-version) ORT_VERSION="$2"; shift 2 ;;
    --force-version) FORCE_VERSION=1; shift ;;
    --skip-preflight) SKIP_PREFLIGHT=1; shift ;;
    --no-install) INSTALL=0; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done

# ---------------------------------------------------------------------------
# Which ONNX Runtime release: the one installed as onnxruntime-node.
# ---------------------------------------------------------------------------
installed_pkg="${HERALD_ROOT}/node_modules/onnxruntime-node/package.json"
[[ -f "${installed_pkg}" ]] || die "onnxruntime-node is not installed (${installed_pkg} missing); run 'npm ci' in ${HERALD_ROOT} first"
installed_version="$(node -p "require(process.argv[1]).version" "${installed_pkg}")"
if [[ -z "${ORT_VERSION}" ]]; then
  ORT_VERSION="${installed_version}"
elif [[ "${ORT_VERSION}" != "${installed_version}" && "${FORCE_VERSION}" -eq 0 ]]; then
  die "--ort-version ${ORT_VERSION} differs from installed onnxruntime-node ${installed_version}; the JS half of the package must match the native half (use --force-version only if you know why)"
fi
[[ "${ORT_VERSION}" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "unexpected version string: ${ORT_VERSION}"
ORT_TAG="v${ORT_VERSION}"
SRC_DIR="${WORK_DIR}/onnxruntime-${ORT_VERSION}"
BUILD_DIR="${SRC_DIR}/build/Linux"
RELEASE_DIR="${BUILD_DIR}/Release"
log "target: onnxruntime ${ORT_TAG} (installed onnxruntime-node ${installed_version}), CUDA arch sm_${CUDA_ARCH}"

# ---------------------------------------------------------------------------
# Pre-flight: refuse early instead of failing after an hour of compiling.
# ---------------------------------------------------------------------------
version_ge() { # version_ge A B -> true if A >= B (dotted numbers)
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}

preflight() {
  [[ "$(uname -m)" == "aarch64" ]] || die "this script builds for Jetson (aarch64); this machine is $(uname -m)"
  [[ -r /etc/nv_tegra_release ]] || die "/etc/nv_tegra_release not found: not an L4T/JetPack system"
  local l4t_major l4t_rev
  l4t_major="$(sed -nE '1s/^# R([0-9]+) \(release\), REVISION: ([0-9.]+).*/\1/p' /etc/nv_tegra_release)"
  l4t_rev="$(sed -nE '1s/^# R([0-9]+) \(release\), REVISION: ([0-9.]+).*/\2/p' /etc/nv_tegra_release)"
  log "L4T R${l4t_major}.${l4t_rev}"
  [[ -n "${l4t_major}" ]] || die "cannot parse /etc/nv_tegra_release"
  if [[ "${l4t_major}" -lt 36 ]] || { [[ "${l4t_major}" -eq 36 ]] && ! version_ge "${l4t_rev}" "4"; }; then
    die "JetPack 6.1+ (L4T R36.4+) is required: it brings TensorRT 10 and cuDNN 9; found R${l4t_major}.${l4t_rev}"
  fi

  [[ -x "${CUDA_HOME}/bin/nvcc" ]] || die "nvcc not found at ${CUDA_HOME}/bin/nvcc (apt install nvidia-jetpack or cuda-toolkit-12-x)"
  local cuda_version
  cuda_version="$("${CUDA_HOME}/bin/nvcc" --version | sed -nE 's/.*release ([0-9]+\.[0-9]+).*/\1/p')"
  log "CUDA ${cuda_version}"
  [[ "${cuda_version%%.*}" == "12" ]] || die "CUDA 12.x expected, found ${cuda_version}"

  local nvinfer_h="" h
  for h in /usr/include/aarch64-linux-gnu/NvInferVersion.h /usr/include/NvInferVersion.h "${TENSORRT_HOME}/../include/NvInferVersion.h"; do
    if [[ -r "${h}" ]]; then nvinfer_h="${h}"; break; fi
  done
  [[ -n "${nvinfer_h}" ]] || die "TensorRT headers not found (apt install libnvinfer-dev libnvonnxparsers-dev)"
  local trt_major
  # NV_TENSORRT_MAJOR 10 in TensorRT 10.3 (JetPack 6.1/6.2); later headers may
  # define it through TRT_MAJOR_<edition> instead, and dpkg knows it as well.
  trt_major="$(sed -nE 's/^#define[[:space:]]+(NV_TENSORRT_MAJOR|TRT_MAJOR_[A-Z]+)[[:space:]]+([0-9]+).*/\2/p' "${nvinfer_h}" | head -n1)"
  if [[ -z "${trt_major}" ]]; then
    trt_major="$(dpkg-query -W -f='${Version}' libnvinfer10 2>/dev/null | cut -d. -f1 || true)"
  fi
  log "TensorRT major ${trt_major} (${nvinfer_h})"
  [[ "${trt_major}" == "10" ]] || die "TensorRT 10 expected, found '${trt_major}'"
  ls "${TENSORRT_HOME}"/libnvonnxparser.so* >/dev/null 2>&1 || die "libnvonnxparser not found in ${TENSORRT_HOME} (apt install libnvonnxparsers-dev)"

  local cudnn_h=""
  for h in /usr/include/aarch64-linux-gnu/cudnn_version.h /usr/include/cudnn_version.h "${CUDA_HOME}/include/cudnn_version.h"; do
    if [[ -r "${h}" ]]; then cudnn_h="${h}"; break; fi
  done
  [[ -n "${cudnn_h}" ]] || die "cuDNN headers not found (apt install libcudnn9-dev-cuda-12)"
  local cudnn_major
  cudnn_major="$(sed -nE 's/^#define CUDNN_MAJOR ([0-9]+).*/\1/p' "${cudnn_h}" | head -n1)"
  log "cuDNN major ${cudnn_major}"
  [[ "${cudnn_major}" == "9" ]] || die "cuDNN 9 expected, found '${cudnn_major}'"

  local tool
  for tool in git cmake python3 node npm g++; do
    command -v "${tool}" >/dev/null 2>&1 || die "${tool} not found (see docs/jetson.md, step 2)"
  done
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  [[ "${node_major}" -ge 20 ]] || die "Node.js 20+ required, found $(node --version)"

  local mem_kb swap_kb
  mem_kb="$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
  swap_kb="$(awk '/^SwapTotal:/ {print $2}' /proc/meminfo)"
  if (((mem_kb + swap_kb) < 14 * 1024 * 1024)); then
    log "WARNING: RAM+swap is $(((mem_kb + swap_kb) / 1024 / 1024)) GiB; CUDA kernels may be OOM-killed. Add swap (docs/jetson.md) or lower --jobs."
  fi
  local free_kb
  mkdir -p "${WORK_DIR}"
  free_kb="$(df -Pk "${WORK_DIR}" | awk 'NR==2 {print $4}')"
  if ((free_kb < 30 * 1024 * 1024)); then
    log "WARNING: only $((free_kb / 1024 / 1024)) GiB free under ${WORK_DIR}; a CUDA+TensorRT build is expected to need ~25-30 GiB"
  fi
}

check_cmake_minimum() { # after checkout: compare with what the tag itself asks for
  local wanted have
  wanted="$(sed -nE 's/^ *cmake_minimum_required *\( *VERSION *([0-9.]+).*/\1/p' "${SRC_DIR}/cmake/CMakeLists.txt" | head -n1)"
  have="$(cmake --version | sed -nE '1s/.* ([0-9]+\.[0-9]+(\.[0-9]+)?).*/\1/p')"
  log "CMake ${have}; ${ORT_TAG} asks for >= ${wanted:-unknown}"
  if [[ -n "${wanted}" ]] && ! version_ge "${have}" "${wanted}"; then
    die "CMake ${have} is older than ${wanted}: 'python3 -m pip install --user \"cmake>=${wanted}\"' and put ~/.local/bin first in PATH"
  fi
}

if [[ "${SKIP_PREFLIGHT}" -eq 0 && "${DRY_RUN}" -eq 0 ]]; then
  preflight
else
  log "skipping pre-flight checks"
fi

if [[ -z "${JOBS}" ]]; then
  mem_gib="$(awk '/^MemTotal:/ {printf "%d", $2 / 1024 / 1024}' /proc/meminfo)"
  JOBS=$((mem_gib * 2 / 5))
  ((JOBS < 1)) && JOBS=1
  ((JOBS > $(nproc))) && JOBS="$(nproc)"
fi
log "parallel jobs: ${JOBS}"

# ---------------------------------------------------------------------------
# 1. Source at the release tag (FetchContent downloads the rest during cmake).
# ---------------------------------------------------------------------------
if [[ -d "${SRC_DIR}/.git" ]]; then
  log "reusing checkout ${SRC_DIR}"
  if [[ "${DRY_RUN}" -eq 0 ]]; then
    head_tag="$(git -C "${SRC_DIR}" describe --tags --exact-match 2>/dev/null || true)"
    [[ "${head_tag}" == "${ORT_TAG}" ]] || die "${SRC_DIR} is at '${head_tag:-unknown}', expected ${ORT_TAG}; remove it or use another --work-dir"
  fi
else
  run mkdir -p "${WORK_DIR}"
  run git clone --recursive --depth 1 --branch "${ORT_TAG}" "${ORT_REPO}" "${SRC_DIR}"
fi
if [[ "${DRY_RUN}" -eq 0 ]]; then check_cmake_minimum; fi

# ---------------------------------------------------------------------------
# 2. Herald's patch(es) to the Node.js binding; idempotent.
# ---------------------------------------------------------------------------
shopt -s nullglob
patches=("${PATCH_DIR}"/*.patch)
shopt -u nullglob
[[ ${#patches[@]} -gt 0 ]] || die "no patches in ${PATCH_DIR}"
for p in "${patches[@]}"; do
  if [[ "${DRY_RUN}" -eq 1 ]]; then
    run git -C "${SRC_DIR}" apply "${p}"
  elif git -C "${SRC_DIR}" apply --reverse --check "${p}" >/dev/null 2>&1; then
    log "already applied: $(basename "${p}")"
  else
    git -C "${SRC_DIR}" apply --check "${p}" || die "$(basename "${p}") does not apply to ${ORT_TAG}; the binding source changed - update the patch (scripts/jetson/README.md)"
    run git -C "${SRC_DIR}" apply "${p}"
  fi
done

# ---------------------------------------------------------------------------
# 3. Native build: libonnxruntime + CUDA/TensorRT provider libraries + binding.
# ---------------------------------------------------------------------------
export PATH="${CUDA_HOME}/bin:${PATH}"
export CUDACXX="${CUDA_HOME}/bin/nvcc"
build_args=(
  --config Release
  --build_dir "${BUILD_DIR}"
  --update --build
  --parallel "${JOBS}"
  --nvcc_threads 1
  --build_shared_lib
  --build_nodejs
  --skip_tests
  --use_cuda --cuda_home "${CUDA_HOME}" --cudnn_home "${CUDNN_HOME}"
  --use_tensorrt --tensorrt_home "${TENSORRT_HOME}"
  --compile_no_warning_as_error
  # CMAKE_POLICY_VERSION_MINIMUM keeps dependencies with very old cmake_minimum_required
  # configurable when CMake 4.x came from pip; CMake 3.x ignores it.
  --cmake_extra_defines "CMAKE_CUDA_ARCHITECTURES=${CUDA_ARCH}" onnxruntime_BUILD_UNIT_TESTS=OFF CMAKE_POLICY_VERSION_MINIMUM=3.5
)
if [[ "$(id -u)" -eq 0 ]]; then build_args+=(--allow_running_as_root); fi
run bash -c "cd '${SRC_DIR}' && ./build.sh $(printf '%q ' "${build_args[@]}")"

# build.py's nodejs target forwards --use_cuda/--use_tensorrt only in newer
# releases; build the binding once more with the flags spelled out so that
# USE_CUDA/USE_TENSORRT (and with them the patched code) are certainly compiled.
run bash -c "cd '${SRC_DIR}/js/node' && npm run build -- --rebuild --onnxruntime-build-dir='${RELEASE_DIR}' --config=Release --arch=arm64 --use_cuda --use_tensorrt"

# ---------------------------------------------------------------------------
# 4. Verify the artefacts before touching node_modules.
# ---------------------------------------------------------------------------
BINDING_DIR="${SRC_DIR}/js/node/bin/napi-v6/linux/arm64"
if [[ "${DRY_RUN}" -eq 0 ]]; then
  for f in "${BINDING_DIR}/onnxruntime_binding.node" "${RELEASE_DIR}/libonnxruntime.so.1" \
    "${RELEASE_DIR}/libonnxruntime_providers_shared.so" "${RELEASE_DIR}/libonnxruntime_providers_cuda.so" \
    "${RELEASE_DIR}/libonnxruntime_providers_tensorrt.so"; do
    [[ -e "${f}" ]] || die "expected build output missing: ${f}"
  done
  grep -q 'herald-provider-options-v1' "${BINDING_DIR}/onnxruntime_binding.node" ||
    die "the built binding does not contain the Herald patch marker; USE_TENSORRT/USE_CUDA were probably not defined"
  if ldd "${RELEASE_DIR}/libonnxruntime_providers_tensorrt.so" | grep -q 'not found'; then
    ldd "${RELEASE_DIR}/libonnxruntime_providers_tensorrt.so" | grep 'not found' >&2
    die "libonnxruntime_providers_tensorrt.so has unresolved libraries"
  fi
  log "artefacts verified"
fi

# ---------------------------------------------------------------------------
# 5. Install into node_modules and check what the binding really accepts.
# ---------------------------------------------------------------------------
if [[ "${INSTALL}" -eq 1 ]]; then
  install_args=(--from-build "${SRC_DIR}" --ort-version "${ORT_VERSION}")
  if [[ "${DRY_RUN}" -eq 1 ]]; then install_args+=(--dry-run); fi
  "${SCRIPT_DIR}/install-binding.sh" "${install_args[@]}"
  run bash -c "cd '${HERALD_ROOT}' && npx tsx scripts/jetson/check-binding.ts --require tensorrt,cuda"
else
  log "--no-install: binding left in ${BINDING_DIR}, provider libraries in ${RELEASE_DIR}"
fi
log "done"
