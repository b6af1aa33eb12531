#!/bin/sh
# bench/catalog.sh — the catalog under load, over HTTP and straight in SQL.
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts lentera-server on a private PostgreSQL cluster in a temporary directory
# (loopback only), loads 100,000 items and 20,000 past loans (bench/catalog-data.sql),
# then measures two reads:
#   GET /api/v1/items?q=<term>&limit=50   (16 search terms, bench/catalog.lua)
#   GET /api/v1/items/{id}                (a random item)
# with wrk over HTTP and with pgbench running the same SQL on the same database
# (bench/catalog-*.pgbench), and prints requests/s and p99 side by side: the difference
# is what the HTTP server, the worker pool and libpq add.
#
# Each read is measured three ways:
#   cached        the server as shipped: replies kept until the catalog changes
#                 (server/lp-reply-cache.h);
#   changing      the same while an item's stock changes CHANGES_PER_SECOND times a
#                 second (bench/catalog-touch.pgbench), each change dropping every kept
#                 reply, as loans and returns at a busy desk would;
#   uncached      the server restarted with --cache-mb 0: every request runs its SQL.
# GET /items/{id} is not a cached route (every loan of the item changes it, and this
# bench's random ids over 100,000 items would hardly repeat): its three rows show the
# same server, and how much the changes and the cache's bookkeeping cost it.
# Each wrk run follows a 2 s warm-up run that is not counted (new connections, cold
# backends, the first query of each term). Stops everything it started and deletes the
# directory at the end, also on Ctrl-C. It builds an optimised, sanitizer-free tree of
# its own.
#
#   bench/catalog.sh                           # 10 s per run
#   SECONDS_PER_RUN=30 bench/catalog.sh
#   CHANGES_PER_SECOND=50 bench/catalog.sh     # default 10
#   BUILD_DIR=/path/to/build bench/catalog.sh  # use an existing build instead
#   RANDOM_PAGE_COST=1.1 bench/catalog.sh      # plan for SSD/cached data (ALTER SYSTEM)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench}
seconds=${SECONDS_PER_RUN:-10}
changes=${CHANGES_PER_SECOND:-10}
random_page_cost=${RANDOM_PAGE_COST:-}
case $changes in
  ''|*[!0-9]*) echo "catalog.sh: CHANGES_PER_SECOND must be a whole number" >&2; exit 1 ;;
esac
case $random_page_cost in
  *[!0-9.]*) echo "catalog.sh: RANDOM_PAGE_COST must be a number" >&2; exit 1 ;;
esac
pgbin=/usr/lib/postgresql/15/bin
pgbench=$(command -v pgbench || echo "$pgbin/pgbench")

for tool in wrk psql "$pgbench"; do
  command -v "$tool" >/dev/null || { echo "catalog.sh: $tool is missing" >&2; exit 1; }
done

bench_name=catalog
. "$top/bench/lib-server.sh"

# Waits until the server's database workers are idle: requests still queued when wrk
# stops are served anyway and would slow down the next run.
settle () {
  i=0
  while [ $i -lt 600 ]; do
    busy=$(psql_lentera -At -c "SELECT count(*) FROM pg_stat_activity
                                 WHERE application_name = 'lentera-server' AND state = 'active'")
    [ "$busy" = 0 ] && return
    sleep 0.1
    i=$((i + 1))
  done
}

# wrk: "WRK <mode> <req/s> <p99 ms> <requests> <non-2xx> <socket errors>", after a warm-up.
run_wrk () {
  wrk -t2 -c64 -d2s --timeout 30s -s "$top/bench/catalog.lua" "$url" -- "$1" >/dev/null
  settle
  wrk -t2 -c64 -d"${seconds}s" --timeout 30s -s "$top/bench/catalog.lua" "$url" -- "$1" \
    | grep '^WRK ' >"$work/wrk-$1-$2"
  settle
}

# The same, while pgbench changes items at a fixed rate; "<changes made>" is appended.
run_wrk_changing () {
  "$pgbench" -n -c 1 -R "$changes" -T $((seconds + 3)) -h "$data/pg" -U lentera \
    -f "$top/bench/catalog-touch.pgbench" lentera >"$work/touch-$1.out" 2>&1 &
  touch_pid=$!
  run_wrk "$1" changing
  wait "$touch_pid" || { cat "$work/touch-$1.out" >&2; exit 1; }
  made=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' \
         "$work/touch-$1.out")
  echo "$(cat "$work/wrk-$1-changing") $made" >"$work/wrk-$1-changing"
}

# pgbench: transactions/s and the p99 of the per-transaction log, in ms.
run_pgbench () {
  rm -f "$work"/pgb-"$1".*
  "$pgbench" -n -M prepared -c 8 -j 2 -T "$seconds" -h "$data/pg" -U lentera \
    -f "$top/bench/catalog-$1.pgbench" -l --log-prefix="$work/pgb-$1" lentera \
    >"$work/pgbench-$1.out" 2>&1 || { cat "$work/pgbench-$1.out" >&2; exit 1; }
  tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$work/pgbench-$1.out" | head -n 1 \
        | awk '{ printf "%.1f", $1 }')
  p99=$(cat "$work"/pgb-"$1".* | awk '{ print $3 }' | sort -n \
        | awk '{ v[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.2f", v[i] / 1000 }')
  echo "$tps $p99" >"$work/pgbench-$1"
}

echo "Starting lentera-server on a private cluster in $work ..."
start_server
echo "Loading 100,000 items and 20,000 past loans ..."
psql_lentera -f "$top/bench/catalog-data.sql"
psql_lentera -At -c "SELECT count(*) || ' items, ' || (SELECT count(*) FROM loans) || ' loans'
                     FROM items"
if [ -n "$random_page_cost" ]; then
  # Every session, the server's open ones included, picks it up at its next statement.
  psql_lentera -c "ALTER SYSTEM SET random_page_cost = $random_page_cost" \
               -c "SELECT pg_reload_conf()" >/dev/null
  sleep 1
fi
planner=$(psql_lentera -At -c "SHOW random_page_cost")

for mode in search item; do
  echo "wrk -t2 -c64 -d${seconds}s: $mode, cached ..."
  run_wrk "$mode" cached
  echo "wrk -t2 -c64 -d${seconds}s: $mode, $changes changes/s ..."
  run_wrk_changing "$mode"
  echo "pgbench -c 8 -j 2 -T $seconds: $mode ..."
  run_pgbench "$mode"
done
echo "Restarting lentera-server with --cache-mb 0 ..."
stop_server
start_server --cache-mb 0
for mode in search item; do
  echo "wrk -t2 -c64 -d${seconds}s: $mode, uncached ..."
  run_wrk "$mode" uncached
done

echo
printf '%-34s %-10s %11s %9s %11s %9s\n' "" "server" "HTTP req/s" "p99 ms" "SQL tx/s" "p99 ms"
for mode in search item; do
  read -r tps sp99 <"$work/pgbench-$mode"
  case $mode in
    search) label="GET /api/v1/items?q=…&limit=50" ;;
    item)   label="GET /api/v1/items/{id}" ;;
  esac
  for variant in cached changing uncached; do
    read -r _ _ rps wp99 total bad errors made <"$work/wrk-$mode-$variant"
    printf '%-34s %-10s %11s %9s %11s %9s\n' "$label" "$variant" "$rps" "$wp99" "$tps" "$sp99"
    label=""
    if [ "$variant" = changing ]; then
      echo "  ($made changes committed during the run)"
    fi
    if [ "$bad" != 0 ] || [ "$errors" != 0 ]; then
      echo "  (wrk: $bad of $total answers were not 2xx, $errors socket errors)"
    fi
  done
done
echo
echo "HTTP: wrk -t2 -c64 against lentera-server ($(nproc) CPUs, default worker pool), after"
echo "a 2 s warm-up; changing: pgbench -R $changes changes an item's stock meanwhile;"
echo "SQL: pgbench -M prepared -c 8 -j 2 on the same cluster, same statements;"
echo "random_page_cost = $planner."
