#!/usr/bin/env bash
# Makes sure the browser test (WebPageIT) has a Chromium: Debian's `chromium` package at /usr/bin/chromium.
# Run by the local-stack build before its integration tests (pre-integration-test) and by .ci/run.
#
#   ensure-chromium.sh            nothing to do when Chromium is there; else installs Debian's chromium with
#                                 apt-get (as root, or through `sudo -n`), or fails saying what to install
#   ensure-chromium.sh --dry-run  says what it would do, changes nothing; exit 0 when Chromium is there or could
#                                 be installed, 1 when it could not
#
# Environment: ENCORE_CHROMIUM (default /usr/bin/chromium) the browser the test starts; another path (a Chrome or
# Chromium of your own) skips the install when it exists.
set -euo pipefail

CHROMIUM="${ENCORE_CHROMIUM:-/usr/bin/chromium}"
PACKAGE=chromium
DRY_RUN=false

case "${1:-}" in
  "") ;;
  --dry-run) DRY_RUN=true ;;
  -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "ensure-chromium: unknown option '$1' (see --help)" >&2; exit 2 ;;
esac

fail() {
  {
    echo "ensure-chromium: $1"
    echo "  The browser test (local-stack WebPageIT) needs Chromium at $CHROMIUM. Install it with:"
    echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends $PACKAGE"
    echo "  (elsewhere: any Chromium or Chrome, with ENCORE_CHROMIUM=/path/to/it), or skip the integration tests"
    echo "  with -DskipITs."
  } >&2
  exit 1
}

# Runs a command, or only prints it in a dry run.
run() {
  if $DRY_RUN; then
    echo "ensure-chromium: would run: $*"
  else
    echo "ensure-chromium: running: $*"
    "$@"
  fi
}

if [[ -x "$CHROMIUM" ]]; then
  echo "ensure-chromium: $CHROMIUM is installed"
  exit 0
fi
if [[ "$CHROMIUM" != /usr/bin/chromium ]]; then
  fail "ENCORE_CHROMIUM=$CHROMIUM does not exist or is not executable."
fi
if ! command -v apt-get >/dev/null 2>&1; then
  fail "$CHROMIUM is missing, and this system has no apt-get to install Debian's '$PACKAGE' package."
fi

if [[ "$(id -u)" == 0 ]]; then
  as_root=(env)
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root=(sudo -n env)
else
  fail "$CHROMIUM is missing, and installing it needs root (or sudo without a password), which this user lacks."
fi

echo "ensure-chromium: $CHROMIUM is missing; installing Debian's '$PACKAGE' package"
apt=("${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=120)
# A fresh machine (or container) may have no package lists yet: then apt knows no candidate for the package.
candidate="$(apt-cache policy "$PACKAGE" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
if [[ -z "$candidate" || "$candidate" == "(none)" ]]; then
  run "${apt[@]}" update || fail "'apt-get update' failed."
fi
run "${apt[@]}" install -y --no-install-recommends "$PACKAGE" || fail "'apt-get install $PACKAGE' failed."

if $DRY_RUN; then
  exit 0
fi
if [[ ! -x "$CHROMIUM" ]]; then
  fail "the '$PACKAGE' package is installed, but $CHROMIUM is still missing."
fi
version="$("$CHROMIUM" --version 2>/dev/null || true)"
echo "ensure-chromium: installed ${version:-$CHROMIUM}"
