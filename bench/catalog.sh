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
# is what the HTTP server, the worker pool and libpq add. Stops everything it started
# and deletes the directory at the end, also on Ctrl-C. It builds an optimised,
# sanitizer-free tree of its own.
#
#   bench/catalog.sh                           # 10 s per run
#   SECONDS_PER_RUN=30 bench/catalog.sh
#   BUILD_DIR=/path/to/build bench/catalog.sh  # use an existing build instead
#   RANDOM_PAGE_COST=1.1 bench/catalog.sh      # plan for SSD/cached data (ALTER SYSTEM)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench}
seconds=${SECONDS_PER_RUN:-10}
random_page_cost=${RANDOM_PAGE_COST:-}
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

# wrk: "WRK <mode> <req/s> <p99 ms> <requests> <non-2xx> <socket errors>"
run_wrk () {
  wrk -t2 -c64 -d"${seconds}s" --timeout 30s -s "$top/bench/catalog.lua" "$url" -- "$1" \
    | grep '^WRK ' >"$work/wrk-$1"
}

# pgbench: transactions/s and the p99 of the per-transaction log, in ms.
run_pgbench () {
  rm -f "$work"/pgb-"$1".*
  "$pgbench" -n -M extended -c 8 -j 2 -T "$seconds" -h "$data/pg" -U lentera \
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
  echo "wrk -t2 -c64 -d${seconds}s: $mode ..."
  run_wrk "$mode"
  settle
  echo "pgbench -c 8 -j 2 -T $seconds: $mode ..."
  run_pgbench "$mode"
done

echo
printf '%-34s %12s %10s %12s %10s\n' "" "HTTP req/s" "p99 ms" "SQL tx/s" "p99 ms"
for mode in search item; do
  read -r _ _ rps wp99 total bad errors <"$work/wrk-$mode"
  read -r tps sp99 <"$work/pgbench-$mode"
  case $mode in
    search) label="GET /api/v1/items?q=…&limit=50" ;;
    item)   label="GET /api/v1/items/{id}" ;;
  esac
  printf '%-34s %12s %10s %12s %10s\n' "$label" "$rps" "$wp99" "$tps" "$sp99"
  if [ "$bad" != 0 ] || [ "$errors" != 0 ]; then
    echo "  (wrk: $bad of $total answers were not 2xx, $errors socket errors)"
  fi
done
echo
echo "HTTP: wrk -t2 -c64 against lentera-server ($(nproc) CPUs, default worker pool);"
echo "SQL: pgbench -M extended -c 8 -j 2 on the same cluster, same statements;"
echo "random_page_cost = $planner."
