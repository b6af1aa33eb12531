#!/bin/sh
# bench/desk-actions.sh — the desk's waits: Approve until the row is gone, a Good scan
# until "Returned", a damaged scan until the inspection form shows (p50, p95, max).
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds an optimised, sanitizer-free tree of its own, then runs desk-actions-bench:
# a private PostgreSQL and the real lentera-server, and the real app in a window on a
# private Xvfb, each action N times (default 20). Everything it starts is stopped.
#
#   bench/desk-actions.sh [N]
#   BUILD_DIR=/path/to/build bench/desk-actions.sh   # use an existing build instead
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench-client}

for tool in psql Xvfb dbus-daemon; do
  command -v "$tool" >/dev/null || { echo "desk-actions.sh: $tool is missing" >&2; exit 1; }
done

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dtests=true >/dev/null
fi
ninja -C "$build" server/lentera-server tests/gui/desk-actions-bench data/gschemas.compiled \
  >/dev/null

env LENTERA_SERVER="$build/server/lentera-server" \
  GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 \
  LC_ALL=C.UTF-8 LANGUAGE=en \
  "$build/tests/gui/desk-actions-bench" "${1:-20}" 2>&1 \
  | grep -v -E '^(#|[0-9]{4}-[0-9]{2}-[0-9]{2}T|lp-|lentera-server-|X connection|dbus-daemon|SpiRegistry|$)' || true
