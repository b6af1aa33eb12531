#!/bin/sh
# bench/reads-side-by-side.sh — uncached catalog reads of lentera-server next to a FastAPI
# peer and a bare libsoup ceiling, in one run so that the ratios are fair.
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts, on one private PostgreSQL cluster with 100,000 items (bench/catalog-data.sql):
#   lentera   lentera-server --cache-mb 0: every request runs its SQL;
#   peer      bench/fastapi-peer.py (FastAPI + uvicorn + asyncpg, one worker) on the same
#             database, answering the same JSON;
#   ceiling   bench/ceiling-server: bare libsoup answering a fixed body, an item's reply.
# and measures with wrk -t2 -c64 (bench/reads.lua), each run after a 2 s warm-up:
#   item      GET /api/v1/items/{id}              a random item (also against the ceiling)
#   pages     GET /api/v1/items?limit=50&offset=  a random page of the first 1,000 items
#   search    GET /api/v1/items?q=…&limit=50      16 terms, as bench/catalog.sh
#   deep      GET /api/v1/items?limit=50&offset=50000, one connection (latency)
# and the servers' resident memory when idle. The runs go in ROUNDS rounds (default 3),
# each round every read against every server in turn, so that a neighbour's load on a
# shared machine falls on all of them alike; the table shows each server's median over
# the rounds, and the ratios are the medians of the ratios within a round (the runs
# compared there were next to each other in time). Prints a table; stops everything it
# started and deletes its directory at the end, also on Ctrl-C. Run by hand; it is not
# part of the test suite.
#
#   bench/reads-side-by-side.sh                  # 10 s per run
#   SECONDS_PER_RUN=30 bench/reads-side-by-side.sh
#   ROUNDS=5 bench/reads-side-by-side.sh         # default 3
#   BUILD_DIR=/path/to/build bench/reads-side-by-side.sh
#   MODES="item" bench/reads-side-by-side.sh     # only these reads (default: all four)
#
# Needs wrk, curl, psql and /usr/bin/python3 with python3-fastapi, python3-uvicorn and
# python3-asyncpg (Debian).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench}
seconds=${SECONDS_PER_RUN:-10}
rounds=${ROUNDS:-3}
modes=${MODES:-item pages search deep}
for mode in $modes; do
  case $mode in
    item|pages|search|deep) ;;
    *) echo "reads-side-by-side.sh: MODES takes item, pages, search and deep" >&2; exit 1 ;;
  esac
done
has_mode () { case " $modes " in *" $1 "*) return 0 ;; esac; return 1; }
case $rounds in
  ''|*[!0-9]*|0) echo "reads-side-by-side.sh: ROUNDS must be a whole number > 0" >&2; exit 1 ;;
esac
pgbin=/usr/lib/postgresql/15/bin
python=/usr/bin/python3

for tool in wrk curl psql "$python"; do
  command -v "$tool" >/dev/null || { echo "reads-side-by-side.sh: $tool is missing" >&2; exit 1; }
done
"$python" -c 'import fastapi, uvicorn, asyncpg' 2>/dev/null || {
  echo "reads-side-by-side.sh: install python3-fastapi python3-uvicorn python3-asyncpg" >&2
  exit 1
}

bench_name=reads
. "$top/bench/lib-server.sh"
ninja -C "$build" bench/ceiling-server >/dev/null

peer_pid=
ceiling_pid=
stop_others () {
  for pid in $peer_pid $ceiling_pid; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  peer_pid=
  ceiling_pid=
}
trap 'stop_others; cleanup' EXIT

# Waits for "Listening on http://…/" in a file; prints the URL without the slash.
wait_listening () {
  i=0
  while ! grep -q '^Listening on http://' "$1" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || { cat "$1" "$1.err" >&2; exit 1; }
    [ $i -lt 300 ] || { echo "reads-side-by-side.sh: $1 did not start" >&2; exit 1; }
    sleep 0.1
    i=$((i + 1))
  done
  sed -n 's|^Listening on \(http://[^/]*\)/.*|\1|p' "$1"
}

rss_mb () {
  awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

# Waits until lentera-server's database workers are idle (as bench/catalog.sh).
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

# run_wrk TARGET URL MODE [CONNECTIONS]: "WRK mode req/s p99 mean requests non2xx errors"
# into wrk-TARGET-MODE-ROUND ($round).
run_wrk () {
  c=${4:-64}
  t=2
  [ "$c" -lt 2 ] && t=1
  wrk -t$t -c"$c" -d2s --timeout 30s -s "$top/bench/reads.lua" "$2" -- "$3" >/dev/null
  settle
  wrk -t$t -c"$c" -d"${seconds}s" --timeout 30s -s "$top/bench/reads.lua" "$2" -- "$3" \
    | grep '^WRK ' >"$work/wrk-$1-$3-$round"
  settle
}

echo "Starting lentera-server (--cache-mb 0) on a private cluster in $work ..."
start_server --cache-mb 0
echo "Loading 100,000 items and 20,000 past loans ..."
psql_lentera -f "$top/bench/catalog-data.sql"
# What autovacuum does soon after a load: the visibility maps, which let the name index
# answer without the table, and the trigram indexes' pending entries merged.
psql_lentera -c "VACUUM (ANALYZE)"
sleep 1
rss_lentera_idle=$(rss_mb "$server_pid")

echo "Starting the FastAPI peer and the libsoup ceiling ..."
LP_PEER_DSN="postgresql:///lentera?host=$data/pg&user=lentera" \
  "$python" "$top/bench/fastapi-peer.py" >"$work/peer.out" 2>"$work/peer.out.err" &
peer_pid=$!
peer_url=$(wait_listening "$work/peer.out" "$peer_pid")
curl -sf "$url/api/v1/items/00000000-0000-4000-8000-000000000001" >"$work/item.json"
"$build/bench/ceiling-server" --body "$work/item.json" >"$work/ceiling.out" \
  2>"$work/ceiling.out.err" &
ceiling_pid=$!
ceiling_url=$(wait_listening "$work/ceiling.out" "$ceiling_pid")

# The peer must answer what lentera-server answers, or the comparison means nothing.
for path in "/api/v1/items/00000000-0000-4000-8000-000000000042" \
            "/api/v1/items?limit=50&offset=950" "/api/v1/items?q=kamus&limit=50"; do
  curl -sf "$url$path" >"$work/same-lentera.json"
  curl -sf "$peer_url$path" >"$work/same-peer.json"
  "$python" - "$work/same-lentera.json" "$work/same-peer.json" "$path" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
# An estimated total (a common term, a long list) is compared by its page alone.
if isinstance(a, dict) and a.pop("total_is_estimate", False):
    a.pop("total", None)
    b.pop("total", None)
if a != b:
    sys.exit(f"reads-side-by-side.sh: the peer answers {sys.argv[3]} differently")
PY
done
sleep 1
rss_peer_idle=$(rss_mb "$peer_pid")
rss_ceiling_idle=$(rss_mb "$ceiling_pid")

round=1
while [ "$round" -le "$rounds" ]; do
  for mode in item pages search; do
    has_mode "$mode" || continue
    echo "round $round/$rounds, wrk -t2 -c64 -d${seconds}s: $mode ..."
    run_wrk lentera "$url" "$mode"
    run_wrk peer "$peer_url" "$mode"
    [ "$mode" = item ] && run_wrk ceiling "$ceiling_url" "$mode"
  done
  if has_mode deep; then
    echo "round $round/$rounds, wrk -t1 -c1 -d${seconds}s: deep ..."
    run_wrk lentera "$url" deep 1
    run_wrk peer "$peer_url" deep 1
  fi
  round=$((round + 1))
done
sleep 2
rss_lentera_after=$(rss_mb "$server_pid")
rss_peer_after=$(rss_mb "$peer_pid")

median () {   # the median of the numbers on stdin
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2];
                                       else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
field () {   # target mode column: that column of every round's WRK line
  cat "$work"/wrk-"$1"-"$2"-* | awk -v c="$3" '{ print $c }'
}
row () {   # label target mode
  rps=$(field "$2" "$3" 3 | median)
  p99=$(field "$2" "$3" 4 | median)
  mean=$(field "$2" "$3" 5 | median)
  printf '%-44s %-8s %10s %9s %9s   %s\n' "$1" "$2" "$rps" "$p99" "$mean" \
         "$(field "$2" "$3" 3 | tr '\n' ' ')"
  bad=$(field "$2" "$3" 7 | awk '{ s += $1 } END { print s + 0 }')
  errors=$(field "$2" "$3" 8 | awk '{ s += $1 } END { print s + 0 }')
  total=$(field "$2" "$3" 6 | awk '{ s += $1 } END { print s + 0 }')
  if [ "$bad" != 0 ] || [ "$errors" != 0 ]; then
    echo "  (wrk: $bad of $total answers were not 2xx, $errors socket errors)"
  fi
}
ratio () {   # label target-a target-b mode: the median of the rounds' ratios
  r=1
  while [ "$r" -le "$rounds" ]; do
    a=$(awk '{ print $3 }' "$work/wrk-$2-$4-$r")
    b=$(awk '{ print $3 }' "$work/wrk-$3-$4-$r")
    awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f\n", (b > 0 ? a / b : 0) }'
    r=$((r + 1))
  done >"$work/ratio"
  printf '  %s: %sx   (rounds: %s)\n' "$1" "$(median <"$work/ratio")" "$(tr '\n' ' ' <"$work/ratio")"
}

echo
printf '%-44s %-8s %10s %9s %9s   %s\n' "" "server" "req/s" "p99 ms" "mean ms" "req/s by round"
if has_mode item; then
  row "GET /api/v1/items/{id}" lentera item
  row "" peer item
  row "" ceiling item
  ratio "lentera / ceiling" lentera ceiling item
fi
if has_mode pages; then
  row "GET /api/v1/items?limit=50&offset=0..950" lentera pages
  row "" peer pages
  ratio "lentera / peer" lentera peer pages
fi
if has_mode search; then
  row "GET /api/v1/items?q=...&limit=50" lentera search
  row "" peer search
  ratio "lentera / peer" lentera peer search
fi
if has_mode deep; then
  row "GET /api/v1/items?limit=50&offset=50000 (c1)" lentera deep
  row "" peer deep
fi
echo
echo "RSS MB idle (after start / after the runs): lentera $rss_lentera_idle / $rss_lentera_after," \
     "peer $rss_peer_idle / $rss_peer_after, ceiling $rss_ceiling_idle"
echo "Medians of $rounds rounds; wrk -t2 -c64 after a 2 s warm-up (deep: -t1 -c1), $seconds s a"
echo "run, $(nproc) CPUs shared by wrk, the servers and PostgreSQL; lentera-server with its"
echo "default workers, the peer with one uvicorn worker and an asyncpg pool of 8."
