#!/bin/sh
# bench/client-catalog.sh — the desk app's catalog with 100,000 items.
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds an optimised, sanitizer-free tree of its own, then runs client-catalog-bench:
# a private PostgreSQL and the real lentera-server loaded with bench/catalog-data.sql
# (100,000 items), and the real app in a window on a private Xvfb. It prints the time
# from creating the app to the first rows on screen, the time per step while scrolling
# through every row (ROWS_PER_STEP rows at a time), the longest main loop iteration
# (a frozen window would show there), and the app's RSS before, at the first rows and
# after the whole list. Everything it starts is stopped at the end.
#
#   bench/client-catalog.sh
#   ROWS_PER_STEP=500 bench/client-catalog.sh
#   BUILD_DIR=/path/to/build bench/client-catalog.sh   # use an existing build instead
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench-client}
rows=${ROWS_PER_STEP:-100}

for tool in psql Xvfb dbus-daemon; do
  command -v "$tool" >/dev/null || { echo "client-catalog.sh: $tool is missing" >&2; exit 1; }
done

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dtests=true >/dev/null
fi
ninja -C "$build" server/lentera-server tests/gui/client-catalog-bench data/gschemas.compiled \
  >/dev/null

# Only the bench's own lines: not the server's access log nor GLib's test chatter.
env LENTERA_SERVER="$build/server/lentera-server" \
  GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 \
  LC_ALL=C.UTF-8 LANGUAGE=en \
  "$build/tests/gui/client-catalog-bench" "$top/bench/catalog-data.sql" "$rows" 2>&1 \
  | grep -v -E '^(#|[0-9]{4}-[0-9]{2}-[0-9]{2}T|lp-|lentera-server-|X connection|dbus-daemon|SpiRegistry|$)' || true
