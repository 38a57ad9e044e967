#!/usr/bin/env bash
# Installs the Debian 12 packages CaseAtlas needs to build, test and run (Chromium: the tests
# open exports in TimelineJS, a real client, headless).
# Installs only what is missing; safe to run again. Needs root (or sudo).
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
  libqt6opengl6-dev libgl-dev qt6-image-formats-plugins
  libgdal-dev gdal-bin python3-gdal
  libsqlite3-dev sqlite3 libssl-dev zlib1g-dev
  xvfb xauth fonts-noto-cjk fonts-noto-core poppler-utils
  chromium python3
  dpkg-dev desktop-file-utils appstream xdg-utils libfile-mimeinfo-perl shared-mime-info
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
