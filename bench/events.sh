#!/bin/sh
# bench/events.sh — the real-time feed under load (SPEC.md §8).
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# 1,000 WebSocket clients on one lentera-server (loopback only) while items change at
# 20 per second for 10 seconds; reports the delivery latency (median, p99) and the
# server's memory from /proc/PID/status. The driver (bench/events-bench.c) starts its
# own PostgreSQL cluster and server in a temporary directory and stops both at the end,
# also on Ctrl-C. It builds an optimised, sanitizer-free tree of its own.
#
#   bench/events.sh [--clients N] [--seconds S] [--rate R]
#   BUILD_DIR=/path/to/build bench/events.sh     # use an existing build instead
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench}

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dclient=false -Dtests=true >/dev/null
fi
ninja -C "$build" server/lentera-server bench/events-bench >/dev/null

LENTERA_SERVER="$build/server/lentera-server" exec "$build/bench/events-bench" "$@"
