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
NAME=ensure-chromium
# shellcheck source=../debian/apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/../debian/apt-install.sh"

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

if [[ -x "$CHROMIUM" ]]; then
  echo "ensure-chromium: $CHROMIUM is installed"
  exit 0
fi
if [[ "$CHROMIUM" != /usr/bin/chromium ]]; then
  fail "ENCORE_CHROMIUM=$CHROMIUM does not exist or is not executable."
fi
apt_install "$CHROMIUM"

if $DRY_RUN; then
  exit 0
fi
if [[ ! -x "$CHROMIUM" ]]; then
  fail "the '$PACKAGE' package is installed, but $CHROMIUM is still missing."
fi
version="$("$CHROMIUM" --version 2>/dev/null || true)"
echo "ensure-chromium: installed ${version:-$CHROMIUM}"
