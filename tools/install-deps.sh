#!/usr/bin/env bash
# tools/install-deps.sh — install every Debian package the build, tests and app need.
# Idempotent: only missing packages are installed; apt-get update runs at most once.
# Works as root or through sudo.
set -euo pipefail

PACKAGES=(
  # build
  meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libglib2.0-bin libsoup-3.0-dev libjson-glib-dev libpq-dev libcrypt-dev
  # embedded database (server binaries, contrib extensions, pgbench)
  postgresql-15 postgresql-client-15
  # client
  libgtk-4-dev libadwaita-1-dev libsecret-1-dev libqrencode-dev libzbar-dev
  desktop-file-utils appstream
  # tests and benchmarks
  xvfb xauth dbus dbus-x11 gnome-keyring curl wrk at-spi2-core
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "install-deps: missing packages (${missing[*]}) and neither root nor sudo" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
