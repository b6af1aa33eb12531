-- bench/catalog-data.sql — a large school catalog for bench/catalog.sh.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 100,000 items in 10 categories and 20,000 past (returned) loans by 200 members.
-- Item n (1..100000) has the id 00000000-0000-4000-8000-<n, 12 digits>, so that the wrk
-- script and the pgbench script can both pick a random item without a lookup.
-- Run with psql -v ON_ERROR_STOP=1 against a freshly migrated database.

BEGIN;

-- Generated rows are consistent by construction: skip the triggers (and the 120,000
-- change notifications of 0005_events.sql that nobody listens to during a load).
SET LOCAL session_replication_role = replica;

INSERT INTO categories (name, description)
SELECT c.name, 'Kategori uji beban'
  FROM unnest(ARRAY['Buku', 'Alat Lab', 'Perangkat TIK', 'Furniture', 'Perlengkapan Ruang',
                    'Alat Olahraga', 'Alat Musik', 'Peta dan Globe', 'Majalah',
                    'Media Audio Visual']) AS c (name);

CREATE TEMPORARY TABLE bench_words AS
SELECT ARRAY['Mikroskop', 'Proyektor', 'Laptop', 'Kamus', 'Atlas', 'Globe', 'Kursi', 'Meja',
             'Tabung Reaksi', 'Multimeter', 'Kabel HDMI', 'Speaker', 'Kamera', 'Tripod',
             'Ensiklopedia', 'Novel', 'Bola Voli', 'Gitar', 'Keyboard', 'Papan Tulis',
             'Termometer', 'Neraca', 'Router', 'Printer', 'Lemari'] AS nouns,
       ARRAY['Biologi', 'Fisika', 'Kimia', 'Matematika', 'Sejarah', 'Bahasa Indonesia',
             'Digital', 'Portabel', 'Lipat', 'Anak', 'Remaja', 'Nusantara', 'Dasar',
             'Lanjutan', 'Praktis'] AS topics,
       ARRAY['Andrea Hirata', 'Pramoedya Ananta Toer', 'Tere Liye', 'Dee Lestari',
             'Ahmad Tohari', 'Leila S. Chudori', 'Eka Kurniawan', 'Ayu Utami',
             'Sapardi Djoko Damono', 'Habiburrahman El Shirazy'] AS authors,
       ARRAY['Bentang Pustaka', 'Gramedia', 'Erlangga', 'Mizan', 'Balai Pustaka',
             'Republika'] AS publishers,
       ARRAY['BK', 'LAB', 'TIK', 'FUR', 'RNG', 'OLR', 'MSK', 'PTA', 'MJL', 'AV'] AS prefixes;

WITH cats AS (
  SELECT row_number() OVER (ORDER BY created_at, id) - 1 AS k, id FROM categories
), src AS (
  SELECT n, n % 10 AS k FROM generate_series(1, 100000) AS g (n)
)
INSERT INTO items (id, code, name, category_id, location, stock_total, stock_available,
                   condition, status, description, author, publisher, year, isbn)
SELECT ('00000000-0000-4000-8000-' || lpad(s.n::text, 12, '0'))::uuid,
       w.prefixes[s.k + 1] || '-' || lpad(s.n::text, 6, '0'),
       w.nouns[1 + (s.n * 7) % 25] || ' ' || w.topics[1 + (s.n / 25) % 15] || ' '
         || (s.n % 997)::text,
       c.id,
       CASE WHEN s.k IN (0, 8) THEN 'Rak ' || chr(65 + s.n % 8) || (1 + s.n % 20)::text
            WHEN s.k IN (1, 7) THEN 'Lab IPA ' || (1 + s.n % 3)::text
            ELSE 'Gudang ' || (1 + s.n % 4)::text END,
       1 + s.n % 5, 1 + s.n % 5,
       CASE WHEN s.n % 50 = 0 THEN 'minor_damage' WHEN s.n % 199 = 0 THEN 'major_damage'
            ELSE 'good' END,
       CASE WHEN s.n % 50 = 0 THEN 'needs_maintenance' WHEN s.n % 199 = 0 THEN 'maintenance'
            ELSE 'available' END,
       'Barang uji beban nomor ' || s.n::text,
       CASE WHEN s.k IN (0, 8) THEN w.authors[1 + (s.n / 10) % 10] END,
       CASE WHEN s.k IN (0, 8) THEN w.publishers[1 + (s.n / 10) % 6] END,
       CASE WHEN s.k IN (0, 8) THEN 1980 + s.n % 45 END,
       CASE WHEN s.k IN (0, 8) THEN '978602' || lpad((s.n * 7919 % 10000000)::text, 7, '0') END
  FROM src AS s
  JOIN cats AS c ON c.k = s.k
 CROSS JOIN bench_words AS w;

INSERT INTO users (username, password_hash, role, full_name, active)
SELECT 'bench.member' || g.n, '$2b$12$benchbenchbenchbenchbe.benchbenchbenchbenchbenchbench',
       'member', 'Anggota Uji ' || g.n, true
  FROM generate_series(1, 200) AS g (n);

-- Past loans, every one returned: history that the catalog's queries must not trip over
-- (item_free_units only looks at active loans, through a partial index).
WITH members AS (
  SELECT row_number() OVER (ORDER BY username) - 1 AS k, id
    FROM users WHERE username LIKE 'bench.member%'
), src AS (
  SELECT g.n, (library_today() - 20 - g.n % 700) AS start_date
    FROM generate_series(1, 20000) AS g (n)
)
INSERT INTO loans (user_id, item_id, quantity, start_date, due_date, purpose, status,
                   decided_at, handed_over_at, returned_at, created_at, updated_at)
SELECT m.id,
       ('00000000-0000-4000-8000-' || lpad((1 + (s.n * 37) % 100000)::text, 12, '0'))::uuid,
       1, s.start_date, s.start_date + 7, 'Uji beban', 'returned',
       s.start_date - 1, s.start_date, s.start_date + 6,
       s.start_date - 2, s.start_date + 6
  FROM src AS s
  JOIN members AS m ON m.k = s.n % 200;

COMMIT;

ANALYZE;
