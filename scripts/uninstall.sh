#!/usr/bin/env bash
# Remove the Herald service installed by scripts/install.sh.
#
#   sudo scripts/uninstall.sh [--prefix /opt/herald] [--purge] [--no-systemd] [--root DIR]
#
# Stops and disables herald.service, removes the unit and the application
# directory (--prefix). Configuration (/etc/herald), state (/var/lib/herald)
# and the TensorRT/CUDA cache (/var/cache/herald) are kept unless --purge,
# which also removes unit drop-ins and the herald user and group.
# The prefix is only deleted when it holds install.sh's .herald-install marker.
set -euo pipefail

PROG=herald-uninstall
PREFIX=/opt/herald
ROOT=
PURGE=0
USE_SYSTEMD=1
SERVICE_USER=herald
UNIT_NAME=herald.service

log() { printf '%s: %s\n' "$PROG" "$*"; }
warn() { printf '%s: warning: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a value"; PREFIX=$2; shift 2 ;;
    --prefix=*) PREFIX=${1#*=}; shift ;;
    --root) [ $# -ge 2 ] || die "--root needs a value"; ROOT=$2; shift 2 ;;
    --root=*) ROOT=${1#*=}; shift ;;
    --purge) PURGE=1; shift ;;
    --no-systemd) USE_SYSTEMD=0; shift ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done

# shellcheck source=lib/install-paths.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/install-paths.sh"
check_root_and_prefix "$@"
if [ -n "$ROOT" ]; then
  [ -d "$ROOT" ] || die "--root $ROOT is not a directory"
fi
root_opt=()
[ -n "$ROOT" ] && root_opt=(--root "$ROOT")

DEST=$ROOT$PREFIX
UNIT_DIR=$ROOT/etc/systemd/system
systemd_live=0
if [ "$USE_SYSTEMD" -eq 1 ] && [ -z "$ROOT" ] && [ -d /run/systemd/system ]; then systemd_live=1; fi

# ---------------------------------------------------------------- service
if [ "$systemd_live" -eq 1 ]; then
  systemctl disable --now "$UNIT_NAME" 2>/dev/null || true
  log "stopped and disabled $UNIT_NAME"
elif [ "$USE_SYSTEMD" -eq 1 ] && [ -n "$ROOT" ] && command -v systemctl >/dev/null; then
  systemctl --root="$ROOT" disable "$UNIT_NAME" 2>/dev/null || true
elif [ "$USE_SYSTEMD" -eq 1 ] && [ -z "$ROOT" ]; then
  warn "systemd is not running here: stop any hand-started Herald yourself"
fi
rm -f -- "$UNIT_DIR/$UNIT_NAME" "$UNIT_DIR/multi-user.target.wants/$UNIT_NAME"
if [ "$PURGE" -eq 1 ]; then rm -rf -- "$UNIT_DIR/$UNIT_NAME.d"; fi
if [ "$systemd_live" -eq 1 ]; then
  systemctl daemon-reload
  systemctl reset-failed "$UNIT_NAME" 2>/dev/null || true
fi
log "removed $UNIT_DIR/$UNIT_NAME"

# ---------------------------------------------------------------- application
if [ -e "$DEST" ]; then
  if [ -f "$DEST/.herald-install" ]; then
    rm -rf -- "$DEST" "$DEST.old"
    log "removed $DEST"
  else
    die "$DEST has no .herald-install marker: not removing it (is --prefix right?)"
  fi
else
  log "$DEST not present"
fi

# ---------------------------------------------------------------- data
if [ "$PURGE" -eq 1 ]; then
  rm -rf -- "$ROOT/etc/herald" "$ROOT/var/lib/herald" "$ROOT/var/cache/herald"
  log "purged $ROOT/etc/herald $ROOT/var/lib/herald $ROOT/var/cache/herald"
  if { [ -n "$ROOT" ] && grep -q "^$SERVICE_USER:" "$ROOT/etc/passwd" 2>/dev/null; } ||
     { [ -z "$ROOT" ] && getent passwd "$SERVICE_USER" >/dev/null; }; then
    userdel "${root_opt[@]}" "$SERVICE_USER" && log "removed user $SERVICE_USER"
  fi
  if { [ -n "$ROOT" ] && grep -q "^$SERVICE_USER:" "$ROOT/etc/group" 2>/dev/null; } ||
     { [ -z "$ROOT" ] && getent group "$SERVICE_USER" >/dev/null; }; then
    groupdel "${root_opt[@]}" "$SERVICE_USER" && log "removed group $SERVICE_USER"
  fi
else
  log "kept $ROOT/etc/herald, $ROOT/var/lib/herald and $ROOT/var/cache/herald (use --purge to remove them)"
fi
log "done"
