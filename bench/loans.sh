#!/usr/bin/env bash
# bench/loans.sh — loan cycles per second (request → approve → handover → return) on one
# lentera-server with its own PostgreSQL, on loopback:
#   1. 32 concurrent clients spread over 200 items (2 units each);
#   2. heavy contention: the same 32 clients all on one item of 3 units.
# Every client is a thread with its own libsoup session (bench/loan-bench.c). Only the
# rules' own 409s (overbooked, insufficient_stock) may appear; anything else fails the run.
#
# Usage: bench/loans.sh [seconds]   (LENTERA_BENCH_BUILD picks the build directory)
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN=${1:-10}
BUILD=${LENTERA_BENCH_BUILD:-/tmp/lentera-bench-build}

# An optimised build without sanitizers: the numbers are the server's, not ASan's.
if [ ! -f "$BUILD/build.ninja" ]; then
  meson setup "$BUILD" -Dbuildtype=release -Dclient=false -Dtests=false >/dev/null
fi
meson compile -C "$BUILD" >/dev/null

PKGS="glib-2.0 gobject-2.0 gio-2.0 gio-unix-2.0 json-glib-1.0 libsoup-3.0 libpq"
# shellcheck disable=SC2046
cc -O2 -std=gnu17 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -D_GNU_SOURCE -o "$BUILD/loan-bench" \
  -I"$BUILD" -Icommon -Iserver -Itests/harness \
  bench/loan-bench.c tests/harness/lp-test-server.c \
  "$BUILD/server/liblpserver.a" "$BUILD/common/liblpcommon.a" \
  $(pkg-config --cflags --libs $PKGS) -lcrypt -pthread

export LENTERA_SERVER="$BUILD/server/lentera-server"
# The server's request log (one line per request) goes to $BUILD/loan-bench-*.log.
echo "== 32 clients, 200 items =="
"$BUILD/loan-bench" --clients 32 --items 200 --stock 2 --seconds "$SECONDS_PER_RUN" \
  2>"$BUILD/loan-bench-spread.log"
echo "== 32 clients, one item (heavy contention) =="
"$BUILD/loan-bench" --clients 32 --items 1 --stock 3 --hot --seconds "$SECONDS_PER_RUN" \
  2>"$BUILD/loan-bench-hot.log"
