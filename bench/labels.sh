#!/bin/sh
# bench/labels.sh — the time to make a PDF of 240 item labels (ten 3 × 8 sheets of A4):
# the drawing onto a cairo PDF surface alone, and the GtkPrintOperation export behind the
# label dialog's "Save as PDF", each cold and as the median of 5 runs.
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds an optimised, sanitizer-free tree of its own (no server needed) and runs
# labels-bench on a private Xvfb.
#
#   bench/labels.sh            # 240 labels
#   bench/labels.sh 2400       # another number
#   BUILD_DIR=/path/to/build bench/labels.sh   # use an existing build instead
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench-labels}
count=${1:-240}

for tool in xvfb-run dbus-run-session; do
  command -v "$tool" >/dev/null || { echo "labels.sh: $tool is missing" >&2; exit 1; }
done

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dtests=true >/dev/null
fi
ninja -C "$build" bench/labels-bench >/dev/null

env NO_AT_BRIDGE=1 GDK_DEBUG=gl-disable LC_ALL=C.UTF-8 LANGUAGE=en \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  "$build/bench/labels-bench" "$count" 2>&1 \
  | grep -v -E '^(dbus-daemon|Gsk-Message|$)' || true
