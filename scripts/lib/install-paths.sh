# Sourced by install.sh and uninstall.sh: the checks both make before they
# touch the system. Needs die(), PREFIX and ROOT; normalizes PREFIX and ROOT.
check_root_and_prefix() {
  [ "$(id -u)" -eq 0 ] || die "must be run as root (try: sudo $0 $*)"
  case "$PREFIX" in /*) ;; *) die "--prefix must be an absolute path: $PREFIX" ;; esac
  PREFIX=${PREFIX%/}
  case "$PREFIX" in
    ''|/|/usr|/etc|/var|/opt|/home|/root|/bin|/sbin|/lib|/boot) die "refusing --prefix $PREFIX" ;;
  esac
  if [ -n "$ROOT" ]; then
    case "$ROOT" in /*) ;; *) ROOT=$(cd "$ROOT" && pwd) ;; esac
    ROOT=${ROOT%/}
  fi
}
