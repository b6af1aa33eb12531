#!/bin/sh
# bench/member.sh — a member's waits: "Request Loan" until the calendar is filled, and a
# staff approval at another desk until the member's app says so (p50, p95, max).
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds an optimised, sanitizer-free tree of its own, then runs member-bench:
# a private PostgreSQL and the real lentera-server, and the real app in a window on a
# private Xvfb, each action N times (default 20). Everything it starts is stopped.
#
#   bench/member.sh [N]
#   BUILD_DIR=/path/to/build bench/member.sh   # use an existing build instead
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench-client}

for tool in psql Xvfb dbus-daemon; do
  command -v "$tool" >/dev/null || { echo "member.sh: $tool is missing" >&2; exit 1; }
done

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dtests=true >/dev/null
fi
ninja -C "$build" server/lentera-server tests/gui/member-bench data/gschemas.compiled \
  >/dev/null

env LENTERA_SERVER="$build/server/lentera-server" \
  GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 \
  LC_ALL=C.UTF-8 LANGUAGE=en \
  "$build/tests/gui/member-bench" "${1:-20}" 2>&1 \
  | grep -v -E '^(#|[0-9]{4}-[0-9]{2}-[0-9]{2}T|lp-|lentera-server-|X connection|dbus-daemon|SpiRegistry|$)' || true
