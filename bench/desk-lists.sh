#!/bin/sh
# bench/desk-lists.sh — the desk's lists with 10,000 pending requests and 10,000 active
# loans: time from opening Requests and each Loans filter to its first rows on screen,
# and a scroll through the whole list (per step and the longest main loop iteration).
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds an optimised, sanitizer-free tree of its own, then runs desk-lists-bench: a
# private PostgreSQL and the real lentera-server, and the real app in a window on a
# private Xvfb. Everything it starts is stopped.
#
#   bench/desk-lists.sh [ROUNDS]
#   BUILD_DIR=/path/to/build bench/desk-lists.sh   # use an existing build instead
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench-client}

for tool in xvfb-run dbus-run-session; do
  command -v "$tool" >/dev/null || { echo "desk-lists.sh: $tool is missing" >&2; exit 1; }
done

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dtests=true >/dev/null
fi
ninja -C "$build" server/lentera-server tests/gui/desk-lists-bench data/gschemas.compiled \
  >/dev/null

env LENTERA_SERVER="$build/server/lentera-server" \
  GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 \
  LC_ALL=C.UTF-8 LANGUAGE=en \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  "$build/tests/gui/desk-lists-bench" "${1:-5}" 2>&1 \
  | grep -v -E '^(#|[0-9]{4}-[0-9]{2}-[0-9]{2}T|lp-|lentera-server-|X connection|dbus-daemon|SpiRegistry|$)' || true
