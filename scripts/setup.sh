#!/usr/bin/env bash
# Installs the Debian 12 packages Haven needs to build, run and test.
# Idempotent: asks apt only for what is missing, so a second run is quick and offline-safe.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libsdl2-dev libimgui-dev liblua5.4-dev libcereal-dev rapidjson-dev doctest-dev
  libsqlite3-dev libstb-dev fonts-noto-core
  libhunspell-dev hunspell-en-us hunspell-en-gb
  xvfb xauth libgl1-mesa-dri libglx-mesa0 librsvg2-bin
  clang-14 libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages: ${missing[*]}" >&2
  echo "setup: run as root (or with sudo) to install them" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
