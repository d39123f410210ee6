#!/usr/bin/env bash
# Installs what Haven needs, builds it with warnings as errors, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh -DHAVEN_WERROR=ON -DHAVEN_BUILD_TESTS=ON
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 300
