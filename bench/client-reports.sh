#!/bin/sh
# bench/client-reports.sh — the reports in the real app on a large school: opening the
# reports until the asset health charts are drawn, "Show" for 30 days and for a year, and
# the PDF of the whole report.
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The data is bench/reports.sh's (100,000 items, 20,000 loans over a year with returns and
# condition events, 2,000 complaints), taken from its SQL. Builds an optimised,
# sanitizer-free tree of its own, then runs client-reports-bench: a private PostgreSQL
# and the real lentera-server, and the real app in a window on a private Xvfb.
# Everything it starts is stopped.
#
#   bench/client-reports.sh
#   BUILD_DIR=/path/to/build bench/client-reports.sh   # use an existing build instead
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench-client}

for tool in xvfb-run dbus-run-session; do
  command -v "$tool" >/dev/null || { echo "client-reports.sh: $tool is missing" >&2; exit 1; }
done

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dtests=true >/dev/null
fi
ninja -C "$build" server/lentera-server tests/gui/client-reports-bench data/gschemas.compiled \
  >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
# The SQL between "psql_lentera <<'SQL'" and "SQL" in bench/reports.sh.
sed -n "/^  psql_lentera <<'SQL'$/,/^SQL$/p" "$top/bench/reports.sh" | sed '1d;$d' >"$work/data.sql"

env LENTERA_SERVER="$build/server/lentera-server" \
  GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 \
  LC_ALL=C.UTF-8 LANGUAGE=en \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  "$build/tests/gui/client-reports-bench" "$work/data.sql" 2>&1 \
  | grep -v -E '^(#|[0-9]{4}-[0-9]{2}-[0-9]{2}T|lp-|lentera-server-|X connection|dbus-daemon|SpiRegistry|$)' || true
