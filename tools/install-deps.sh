#!/usr/bin/env bash
# tools/install-deps.sh — install every Debian package the build, tests and app need, and
# the npm tools of tools/package.json (the OpenAPI linter) into tools/node_modules.
# Idempotent: only missing packages are installed; apt-get update runs at most once; npm
# runs only when tools/package-lock.json differs from what was installed last.
# Works as root or through sudo.
set -euo pipefail
TOOLS_DIR=$(cd "$(dirname "$0")" && pwd)

PACKAGES=(
  # build
  meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libglib2.0-bin libsoup-3.0-dev libjson-glib-dev libpq-dev libcrypt-dev
  # embedded database (server binaries, contrib extensions, pgbench)
  postgresql-15 postgresql-client-15
  # client
  libgtk-4-dev libadwaita-1-dev libsecret-1-dev libqrencode-dev libzbar-dev libgsound-dev
  sound-theme-freedesktop
  desktop-file-utils appstream
  # tests and benchmarks
  xvfb xauth dbus dbus-x11 gnome-keyring curl wrk at-spi2-core
  # receipts and reports: render PDFs (pdftoppm, pdftotext), read QR codes back (zbarimg)
  poppler-utils zbar-tools
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done
# npm comes with the machine's Node.js; only where there is none, Debian's.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
else
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
fi

# npm tools, at the versions tools/package-lock.json pins. The copy of the lock file kept
# in node_modules says what is installed there.
stamp="$TOOLS_DIR/node_modules/.installed-package-lock.json"
if cmp -s "$TOOLS_DIR/package-lock.json" "$stamp"; then
  echo "install-deps: npm tools present (tools/package-lock.json)"
else
  echo "install-deps: installing the npm tools of tools/package-lock.json"
  npm ci --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error
  cp "$TOOLS_DIR/package-lock.json" "$stamp"
fi
