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
NAME=ensure-docker-compose
# shellcheck source=../debian/apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/../debian/apt-install.sh"

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

if command -v docker-compose >/dev/null 2>&1; then
  echo "ensure-docker-compose: $(command -v docker-compose) is installed"
  exit 0
fi
apt_install "docker-compose"

if $DRY_RUN; then
  exit 0
fi
command -v docker-compose >/dev/null 2>&1 || fail "the '$PACKAGE' package is installed, but docker-compose is still not on the PATH."
echo "ensure-docker-compose: installed $(docker-compose version --short 2>/dev/null || echo docker-compose)"
