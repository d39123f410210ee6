#!/usr/bin/env bash
# Installs what Haven needs, builds it, and opens the player on the shipped scenario library.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec build/bin/haven "$@"
