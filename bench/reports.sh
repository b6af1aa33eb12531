#!/bin/sh
# bench/reports.sh — the admin's reports (GET /api/v1/reports/…) on a large school.
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts lentera-server on a private PostgreSQL cluster in a temporary directory
# (loopback only, --unsafe-fast-db), loads 100,000 items in 10 categories, 200 members,
# 20,000 loans over the past year (returned with their inspections and condition events,
# rejected, cancelled, out, overdue, pending), repairs for most of the damage, and 2,000
# complaints with notes, then measures every report, as JSON and as CSV:
#   1. one request at a time with curl: the median of RUNS runs (total time, size);
#   2. wrk -t1 -c4 for SECONDS_PER_RUN seconds: requests/s, mean and p99 latency.
# Stops everything it started and deletes the directory at the end, also on Ctrl-C. It
# builds an optimised, sanitizer-free tree of its own.
#
#   bench/reports.sh                           # 5 s per wrk run, 5 curl runs
#   SECONDS_PER_RUN=10 RUNS=9 bench/reports.sh
#   BUILD_DIR=/path/to/build bench/reports.sh  # use an existing build instead
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench}
seconds=${SECONDS_PER_RUN:-5}
runs=${RUNS:-5}
pgbin=/usr/lib/postgresql/15/bin
password='Kepala#2026bench'

for tool in wrk curl psql; do
  command -v "$tool" >/dev/null || { echo "reports.sh: $tool is missing" >&2; exit 1; }
done

bench_name=reports
. "$top/bench/lib-server.sh"

load_data () {
  psql_lentera <<'SQL'
BEGIN;
-- Generated rows are consistent by construction: skip the triggers (and their change
-- notifications, which nobody listens to during a load).
SET LOCAL session_replication_role = replica;

INSERT INTO categories (name, description)
SELECT c.name, 'Kategori uji beban'
  FROM unnest(ARRAY['Buku', 'Alat Lab', 'Perangkat TIK', 'Furniture', 'Perlengkapan Ruang',
                    'Alat Olahraga', 'Alat Musik', 'Peta dan Globe', 'Majalah',
                    'Media Audio Visual']) AS c (name);

-- 100,000 items; 1 in 50 needs maintenance, 1 in 199 is in maintenance with major damage,
-- 1 in 997 is lost. Item n has the id 00000000-0000-4000-8000-<n, 12 digits>.
WITH cats AS (
  SELECT row_number() OVER (ORDER BY name) - 1 AS k, id FROM categories
)
INSERT INTO items (id, code, name, category_id, location, stock_total, stock_available,
                   condition, status, created_at, updated_at)
SELECT ('00000000-0000-4000-8000-' || lpad(g.n::text, 12, '0'))::uuid,
       'RB-' || lpad(g.n::text, 6, '0'),
       (ARRAY['Mikroskop', 'Proyektor', 'Laptop', 'Kamus', 'Atlas', 'Kursi', 'Meja',
              'Multimeter', 'Kamera', 'Gitar'])[1 + g.n % 10] || ' ' || (g.n % 997)::text,
       c.id,
       'Ruang ' || (1 + g.n % 40)::text,
       1 + g.n % 5, 1 + g.n % 5,
       CASE WHEN g.n % 997 = 0 THEN 'lost' WHEN g.n % 199 = 0 THEN 'major_damage'
            WHEN g.n % 50 = 0 THEN 'minor_damage' ELSE 'good' END,
       CASE WHEN g.n % 997 = 0 THEN 'unavailable' WHEN g.n % 199 = 0 THEN 'maintenance'
            WHEN g.n % 50 = 0 THEN 'needs_maintenance' ELSE 'available' END,
       now() - interval '400 days', now() - (g.n % 90) * interval '1 day'
  FROM generate_series(1, 100000) AS g (n)
  JOIN cats AS c ON c.k = g.n % 10;

INSERT INTO users (username, password_hash, role, full_name, active)
SELECT 'bench.member' || g.n, '$2b$12$benchbenchbenchbenchbe.benchbenchbenchbenchbenchbench',
       'member', 'Anggota Uji ' || g.n, true
  FROM generate_series(1, 200) AS g (n);

-- 20,000 loans over the past year on 5,000 items (so items have several loans and
-- utilization means something): 70 % returned, 5 % rejected (half of them "Stok habis"),
-- 5 % cancelled, 6 % borrowed, 4 % overdue, 5 % approved, 5 % pending.
CREATE TEMPORARY TABLE bench_loans AS
SELECT g.n,
       ('00000000-0000-4000-8000-' || lpad((1 + (g.n * 37) % 5000)::text, 12, '0'))::uuid
         AS item_id,
       library_today() - 3 - g.n % 360 AS start_date,
       CASE WHEN g.n % 100 < 70 THEN 'returned' WHEN g.n % 100 < 75 THEN 'rejected'
            WHEN g.n % 100 < 80 THEN 'cancelled' WHEN g.n % 100 < 86 THEN 'borrowed'
            WHEN g.n % 100 < 90 THEN 'overdue' WHEN g.n % 100 < 95 THEN 'approved'
            ELSE 'pending' END AS status
  FROM generate_series(1, 20000) AS g (n);

WITH members AS (
  SELECT row_number() OVER (ORDER BY username) - 1 AS k, id
    FROM users WHERE username LIKE 'bench.member%'
)
INSERT INTO loans (user_id, item_id, quantity, start_date, due_date, purpose, status,
                   decided_at, decision_reason, handed_over_at, returned_at, created_at,
                   updated_at)
SELECT m.id, b.item_id, 1, b.start_date,
       CASE WHEN b.status IN ('borrowed', 'approved', 'pending')
            THEN greatest(b.start_date + 7, library_today() + 1) ELSE b.start_date + 7 END,
       'Uji beban, "laporan" ' || b.n, b.status,
       CASE WHEN b.status <> 'pending' THEN b.start_date - 1 + time '10:00' END,
       CASE WHEN b.status = 'rejected' AND b.n % 2 = 0 THEN 'Stok habis' END,
       CASE WHEN b.status IN ('returned', 'borrowed', 'overdue')
            THEN b.start_date + time '09:00' END,
       CASE WHEN b.status = 'returned' THEN b.start_date + 6 + time '14:00' END,
       b.start_date - 2 + time '08:00', b.start_date
  FROM bench_loans AS b
  JOIN members AS m ON m.k = b.n % 200;

-- Each returned loan: an inspection and a condition event; 12 % minor damage, 4 % major,
-- 0.5 % lost. Two damage events in three are repaired a few days later.
CREATE TEMPORARY TABLE bench_returns AS
SELECT l.id AS loan_id, l.item_id, l.returned_at,
       CASE WHEN h.n % 200 = 0 THEN 'lost' WHEN h.n % 25 = 0 THEN 'major_damage'
            WHEN h.n % 8 = 0 THEN 'minor_damage' ELSE 'good' END AS condition,
       h.n
  FROM loans AS l
 CROSS JOIN LATERAL (SELECT abs(hashtext(l.id::text)) AS n) AS h
 WHERE l.status = 'returned';

INSERT INTO returns (loan_id, returned_at, condition, damage_description, damage_category)
SELECT r.loan_id, r.returned_at, r.condition,
       CASE WHEN r.condition <> 'good' THEN 'Rusak berat, layar retak "parah"' END,
       CASE WHEN r.condition IN ('minor_damage', 'major_damage') THEN 'physical' END
  FROM bench_returns AS r;

INSERT INTO item_condition_events (item_id, loan_id, source, condition_from, condition_to,
                                   note, created_at, resolved_at)
SELECT r.item_id, r.loan_id, 'return', 'good', r.condition,
       CASE WHEN r.condition <> 'good' THEN '=Rusak, perlu dicek' END, r.returned_at,
       CASE WHEN r.condition = 'good' THEN r.returned_at
            WHEN r.condition <> 'lost' AND r.n % 3 <> 0 THEN r.returned_at + interval '4 days'
       END
  FROM bench_returns AS r;

INSERT INTO item_condition_events (item_id, source, condition_from, condition_to, created_at,
                                   resolved_at)
SELECT e.item_id, 'repair', e.condition_to, 'good', e.resolved_at, e.resolved_at
  FROM item_condition_events AS e
 WHERE e.source = 'return' AND e.condition_to <> 'good' AND e.resolved_at IS NOT NULL;

-- 2,000 complaints, a quarter of them with two notes.
INSERT INTO complaints (title, description, location, category_id, item_id, reporter_id,
                        status, created_at, updated_at)
SELECT 'Keluhan ' || g.n || ': rusak, "segera"', 'Baris satu' || E'\n' || 'baris dua',
       'Ruang ' || (1 + g.n % 40), i.category_id, i.id,
       (SELECT id FROM users WHERE username = 'bench.member' || (1 + g.n % 200)),
       (ARRAY['waiting', 'in_progress', 'done', 'closed'])[1 + g.n % 4],
       now() - (g.n % 365) * interval '1 day', now() - (g.n % 30) * interval '1 day'
  FROM generate_series(1, 2000) AS g (n)
  JOIN items AS i ON i.id = ('00000000-0000-4000-8000-' || lpad((1 + g.n * 13 % 100000)::text,
                                                               12, '0'))::uuid;
INSERT INTO complaint_notes (complaint_id, text, status_from, status_to, created_at)
SELECT c.id, t.text, t.status_from, t.status_to, c.created_at + interval '1 hour'
  FROM complaints AS c
 CROSS JOIN (VALUES ('', 'waiting', 'in_progress'), ('Teknisi dipanggil', NULL, NULL))
             AS t (text, status_from, status_to)
 WHERE abs(hashtext(c.id::text)) % 4 = 0;

COMMIT;
ANALYZE;
SQL
}

# curl, RUNS times: "median-ms size-bytes status"
time_curl () {
  i=0
  : >"$work/times"
  while [ $i -lt "$runs" ]; do
    curl -s -o "$work/body" -H "Authorization: Bearer $token" \
      -w '%{time_total} %{size_download} %{http_code}\n' "$url$1" >>"$work/times"
    i=$((i + 1))
  done
  sort -n "$work/times" | awk -v n="$runs" 'NR == int((n + 1) / 2) {
    printf "%.1f %d %s", $1 * 1000, $2, $3 }'
}

# wrk -t1 -c4: "req/s mean-ms p99-ms non-2xx"
time_wrk () {
  wrk -t1 -c4 -d"${seconds}s" --timeout 30s --latency -H "Authorization: Bearer $token" \
    "$url$1" >"$work/wrk.out"
  awk '
    /Requests\/sec/ { rps = $2 }
    /^ +Latency +[0-9]/ { mean = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx/ { bad = $NF }
    function ms(v) {
      if (v ~ /us$/) return sprintf("%.1f", v / 1000)
      if (v ~ /ms$/) return sprintf("%.1f", v + 0)
      if (v ~ /s$/) return sprintf("%.1f", v * 1000)
      return v
    }
    END { printf "%s %s %s %s", rps, ms(mean), ms(p99), bad == "" ? 0 : bad }
  ' "$work/wrk.out"
}

echo "Starting lentera-server on a private cluster in $work ..."
start_server
echo "Loading 100,000 items, 20,000 loans with returns and condition events, 2,000 complaints ..."
load_data
psql_lentera -At -c "SELECT (SELECT count(*) FROM items) || ' items, '
                            || (SELECT count(*) FROM loans) || ' loans, '
                            || (SELECT count(*) FROM item_condition_events) || ' condition events, '
                            || (SELECT count(*) FROM complaints) || ' complaints'"
printf '%s\n' "$password" | "$build/server/lentera-server" --database-url \
  "host=$data/pg user=lentera dbname=lentera" --create-admin bench.admin >/dev/null
token=$(curl -s -H 'Content-Type: application/json' \
          -d "{\"username\":\"bench.admin\",\"password\":\"$password\"}" \
          "$url/api/v1/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "reports.sh: could not log in" >&2; exit 1; }

today=$(psql_lentera -At -c "SELECT library_today()")
month=$(psql_lentera -At -c "SELECT library_today() - 29")
quarter=$(psql_lentera -At -c "SELECT library_today() - 89")
year=$(psql_lentera -At -c "SELECT library_today() - 364")

set -- \
  "loans, 30 days" "/api/v1/reports/loans?from=$month&to=$today" \
  "loans, a year (all)" "/api/v1/reports/loans?from=$year&to=$today" \
  "complaints (all)" "/api/v1/reports/complaints" \
  "asset health, 30 days" "/api/v1/reports/asset-health?from=$month&to=$today" \
  "asset health, 90 days" "/api/v1/reports/asset-health?from=$quarter&to=$today" \
  "asset health, a year" "/api/v1/reports/asset-health?from=$year&to=$today"

echo
printf '%-28s %-5s %9s %11s %8s %9s %9s\n' "report" "fmt" "curl ms" "bytes" "req/s" \
  "mean ms" "p99 ms"
while [ $# -gt 0 ]; do
  label=$1 path=$2
  shift 2
  for format in json csv; do
    case $path in *\?*) full="$path&format=$format" ;; *) full="$path?format=$format" ;; esac
    read -r cms bytes code <<EOF
$(time_curl "$full")
EOF
    read -r rps mean p99 bad <<EOF
$(time_wrk "$full")
EOF
    printf '%-28s %-5s %9s %11s %8s %9s %9s\n' "$label" "$format" "$cms" "$bytes" "$rps" \
      "$mean" "$p99"
    if [ "$code" != 200 ] || [ "$bad" != 0 ]; then
      echo "  (HTTP $code; wrk: $bad answers were not 2xx)"
    fi
  done
done
echo
echo "curl: median of $runs sequential requests; wrk -t1 -c4 -d${seconds}s ($(nproc) CPUs,"
echo "default worker pool and statement timeout)."
