#!/usr/bin/env bash
# Makes sure the deployment test (local-stack DeploymentFilesIT) has docker-compose: Debian's `docker-compose`
# package (1.29.2), which validates docker-compose.yml without a Docker engine (`docker-compose config -q`).
# Run by the local-stack build before its integration tests (pre-integration-test) and by .ci/run.
#
#   ensure-docker-compose.sh            nothing to do when docker-compose is on the PATH; else installs Debian's
#                                       docker-compose with apt-get (as root, or through `sudo -n`), or fails
#                                       saying what to install
#   ensure-docker-compose.sh --dry-run  says what it would do, changes nothing; exit 0 when docker-compose is there
#                                       or could be installed, 1 when it could not
#
# --no-install-recommends matters: without it apt also installs the Docker engine (docker.io, containerd).
set -euo pipefail

PACKAGE=docker-compose
DRY_RUN=false

case "${1:-}" in
  "") ;;
  --dry-run) DRY_RUN=true ;;
  -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "ensure-docker-compose: unknown option '$1' (see --help)" >&2; exit 2 ;;
esac

fail() {
  {
    echo "ensure-docker-compose: $1"
    echo "  The deployment test (local-stack DeploymentFilesIT) validates docker-compose.yml with docker-compose."
    echo "  Install it with:"
    echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends $PACKAGE"
    echo "  (elsewhere: any docker-compose on the PATH), or skip the integration tests with -DskipITs."
  } >&2
  exit 1
}

# Runs a command, or only prints it in a dry run.
run() {
  if $DRY_RUN; then
    echo "ensure-docker-compose: would run: $*"
  else
    echo "ensure-docker-compose: running: $*"
    "$@"
  fi
}

if command -v docker-compose >/dev/null 2>&1; then
  echo "ensure-docker-compose: $(command -v docker-compose) is installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  fail "docker-compose is missing, and this system has no apt-get to install Debian's '$PACKAGE' package."
fi

if [[ "$(id -u)" == 0 ]]; then
  as_root=(env)
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root=(sudo -n env)
else
  fail "docker-compose is missing, and installing it needs root (or sudo without a password), which this user lacks."
fi

echo "ensure-docker-compose: docker-compose is missing; installing Debian's '$PACKAGE' package"
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
command -v docker-compose >/dev/null 2>&1 || fail "the '$PACKAGE' package is installed, but docker-compose is still not on the PATH."
echo "ensure-docker-compose: installed $(docker-compose version --short 2>/dev/null || echo docker-compose)"
