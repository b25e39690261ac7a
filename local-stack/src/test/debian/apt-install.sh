# Sourced by the ensure-*.sh scripts: installs one Debian package with apt-get, as root or through `sudo -n`.
# The caller sets NAME (its name, for messages), PACKAGE, DRY_RUN (true|false) and defines fail MESSAGE, which
# explains how to install by hand and exits.

# Runs a command, or only prints it in a dry run.
run() {
  if $DRY_RUN; then
    echo "$NAME: would run: $*"
  else
    echo "$NAME: running: $*"
    "$@"
  fi
}

# apt_install WHAT: installs $PACKAGE, WHAT naming what is missing in the messages.
apt_install() {
  local what="$1" as_root apt candidate
  if ! command -v apt-get >/dev/null 2>&1; then
    fail "$what is missing, and this system has no apt-get to install Debian's '$PACKAGE' package."
  fi
  if [[ "$(id -u)" == 0 ]]; then
    as_root=(env)
  elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    as_root=(sudo -n env)
  else
    fail "$what is missing, and installing it needs root (or sudo without a password), which this user lacks."
  fi
  echo "$NAME: $what is missing; installing Debian's '$PACKAGE' package"
  # --no-install-recommends: docker-compose would otherwise pull in the Docker engine, chromium a desktop's worth.
  apt=("${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=120)
  # A fresh machine (or container) may have no package lists yet: then apt knows no candidate for the package.
  candidate="$(apt-cache policy "$PACKAGE" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
  if [[ -z "$candidate" || "$candidate" == "(none)" ]]; then
    run "${apt[@]}" update || fail "'apt-get update' failed."
  fi
  run "${apt[@]}" install -y --no-install-recommends "$PACKAGE" || fail "'apt-get install $PACKAGE' failed."
}
