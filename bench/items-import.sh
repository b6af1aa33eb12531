#!/bin/sh
# bench/items-import.sh — POST /api/v1/items/import of a school's catalog from a CSV file.
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts lentera-server (release build, no sanitizers) on a private PostgreSQL cluster in a
# temporary directory (loopback only, --unsafe-fast-db), writes a CSV of ROWS books
# (default 10,000; semicolons, as an Indonesian spreadsheet writes them) and imports it
# as an admin would: a dry run, the real import, a dry run and a real run of the same
# file again with ?mode=upsert (every row an update), and a file of 40,000 rows. For each:
# the HTTP status, the wall time (curl), and the peak resident memory (VmHWM) of
# lentera-server and of the busiest PostgreSQL backend during that request (the peaks
# are reset before each one through /proc/<pid>/clear_refs). Stops everything it started
# and deletes the directory at the end, also on Ctrl-C.
#
#   bench/items-import.sh
#   ROWS=20000 bench/items-import.sh
#   BUILD_DIR=/path/to/build bench/items-import.sh   # use an existing build instead
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-release}
rows=${ROWS:-10000}
pgbin=/usr/lib/postgresql/15/bin
password='Kepala#2026bench'

for tool in curl psql awk; do
  command -v "$tool" >/dev/null || { echo "items-import.sh: $tool is missing" >&2; exit 1; }
done

bench_name=items-import
. "$top/bench/lib-server.sh"

# n rows of books from code number $2 on, into file $3.
write_csv () {
  awk -v n="$1" -v first="$2" 'BEGIN {
    printf "code;name;category;location;stock_total;condition;description;author;publisher;year;isbn\r\n"
    for (i = first; i < first + n; i++)
      printf "BK-%06d;Buku Pelajaran %s Jilid %d;Buku;Rak %s-%d;%d;good;\"Sumbangan alumni; sampul %s\";Penulis %d;Penerbit %d;%d;\r\n",
             i, (i % 2 ? "Matematika" : "Bahasa Indonesia"), i % 12 + 1, substr("ABCDEFGH", i % 8 + 1, 1),
             i % 20, 1 + i % 5, (i % 3 ? "keras" : "lunak"), i % 400, i % 60, 1980 + i % 45
  }' >"$3"
}

kib () {
  sed -n "s/^$2:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$1/status" 2>/dev/null || echo 0
}

backend_pids () {
  psql_lentera -At -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'lentera-server'"
}

reset_peaks () {
  for pid in $server_pid $(backend_pids); do
    echo 5 >"/proc/$pid/clear_refs" 2>/dev/null || true
  done
}

# import LABEL QUERY FILE
import () {
  reset_peaks
  result=$(curl -s -o "$work/reply" -w '%{http_code} %{time_total}' \
             -H "Authorization: Bearer $token" -H 'Content-Type: text/csv; charset=utf-8' \
             --data-binary "@$3" "$url/api/v1/items/import$2")
  backend=0
  for pid in $(backend_pids); do
    k=$(kib "$pid" VmHWM)
    [ "${k:-0}" -gt "$backend" ] && backend=$k
  done
  printf '%-34s %s %7.2f s  server %6d KiB  backend %6d KiB  %s\n' "$1" \
    "${result% *}" "${result#* }" "$(kib "$server_pid" VmHWM)" "$backend" "$(cat "$work/reply")"
}

echo "Starting lentera-server on a private cluster in $work ..."
start_server
printf '%s\n' "$password" | "$build/server/lentera-server" --database-url \
  "host=$data/pg user=lentera dbname=lentera" --create-admin bench.admin >/dev/null
token=$(curl -s -H 'Content-Type: application/json' \
          -d "{\"username\":\"bench.admin\",\"password\":\"$password\"}" \
          "$url/api/v1/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "items-import.sh: could not log in" >&2; exit 1; }
psql_lentera -c "INSERT INTO categories (name) VALUES ('Buku') ON CONFLICT DO NOTHING"

write_csv "$rows" 0 "$work/items.csv"
write_csv 40000 "$rows" "$work/big.csv"
echo "$rows rows: $(($(wc -c <"$work/items.csv") / 1024)) KiB; 40000 rows:" \
     "$(($(wc -c <"$work/big.csv") / 1024)) KiB; lentera-server idle: VmRSS" \
     "$(kib "$server_pid" VmRSS) KiB"
echo

import "$rows rows, dry run" "?dry_run=true" "$work/items.csv"
import "$rows rows" "" "$work/items.csv"
import "$rows rows again, dry run (refused)" "?dry_run=true" "$work/items.csv" | cut -c1-150
import "$rows rows, upsert, dry run" "?mode=upsert&dry_run=true" "$work/items.csv"
import "$rows rows, upsert (all updates)" "?mode=upsert" "$work/items.csv"
import "40000 rows" "" "$work/big.csv"
echo
psql_lentera -At -c "SELECT (SELECT count(*) FROM items) || ' items in the catalog; '
                            || (SELECT count(*) FROM activity_log WHERE action = 'item.import')
                            || ' import entries in the activity log'"
