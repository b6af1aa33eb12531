-- demo.sql — a believable SMA Negeri for trying LenteraPustaka out.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Run once, after the migrations, into a database without users; the server checks that
-- and wraps this file in one transaction (no BEGIN/COMMIT here).
--
-- Accounts: admin / Admin#2026, petugas1..3 / Petugas#2026, 40 members siswa.* /
-- Siswa#2026 (four of them self-registered and still waiting for activation).
--
-- Everything is dated relative to "today" in the library's time zone, so the demo always
-- looks recent: six months of loans in every status, returns in every condition with
-- their condition events, repairs and the complaints opened for lost items. The choices
-- come from setseed(), so the same day always gives the same school (ids and password
-- salts aside). For testing, SET lentera.demo_today = 'YYYY-MM-DD' pretends another day.
--
-- Invariants kept (and checked by the tests): for every item
--   stock_available = stock_total − Σ quantity of its approved/borrowed/overdue loans,
-- and item_free_units() is ≥ 0 on every day.

CREATE EXTENSION IF NOT EXISTS pgcrypto;   -- crypt()/gen_salt() for the bcrypt hashes

-- The helper tables below have no statistics, so the planner guesses thousands of rows and
-- JIT-compiles queries over a few dozen: ~0.3 s each. Off for this transaction only.
SET LOCAL jit = off;

DO $$ BEGIN PERFORM setseed(0.2026); END $$;

-- ---------------------------------------------------------------------------------------
-- Helpers (temporary: they vanish with the session and are dropped at the end)
-- ---------------------------------------------------------------------------------------

CREATE TEMP TABLE demo_clock AS
SELECT d AS today,
       CASE WHEN nullif(current_setting('lentera.demo_today', true), '') IS NULL THEN now()
            ELSE (d + (now() AT TIME ZONE 'Asia/Jakarta')::time) AT TIME ZONE 'Asia/Jakarta'
       END AS now_ts
  FROM (SELECT coalesce(nullif(current_setting('lentera.demo_today', true), '')::date,
                        library_today()) AS d) AS s;

-- A time on a day in the school's time zone: jkt('2026-01-05', 7.5) = 07:30 WIB.
CREATE FUNCTION pg_temp.jkt(d date, hours double precision) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT (d + make_interval(secs => round(hours * 3600)::int)) AT TIME ZONE 'Asia/Jakarta'
$$;

-- A valid ISBN-13 from a 3-digit group/registrant prefix and a seed string.
CREATE FUNCTION pg_temp.isbn13(prefix text, seed text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  WITH b AS (SELECT prefix || lpad((abs(hashtext(seed)) % (10 ^ (12 - length(prefix)))::bigint)::text,
                                   12 - length(prefix), '0') AS digits)
  SELECT digits || ((10 - (SELECT sum(substr(digits, i, 1)::int * CASE WHEN i % 2 = 0 THEN 3 ELSE 1 END)
                              FROM generate_series(1, 12) AS i) % 10) % 10)::text
    FROM b
$$;

-- Passwords: bcrypt is slow on purpose, so hash each distinct password once.
CREATE TEMP TABLE demo_pw AS
SELECT kind, crypt(pw, gen_salt('bf', 10)) AS hash
  FROM (VALUES ('admin', 'Admin#2026'), ('staff', 'Petugas#2026'), ('member', 'Siswa#2026'))
       AS v (kind, pw);

UPDATE settings SET fine_per_day = 1000.00,   -- Rp 1.000 per day late, as many schools do
                    school_name = 'SMA Negeri 1 Lentera';

-- ---------------------------------------------------------------------------------------
-- Users
-- ---------------------------------------------------------------------------------------

INSERT INTO users (username, password_hash, role, full_name, email, active, created_at, updated_at)
SELECT v.username, p.hash, v.role, v.full_name, v.email, true,
       pg_temp.jkt(c.today - 200, 8), pg_temp.jkt(c.today - 200, 8)
  FROM (VALUES
          ('admin',    'admin', 'Retno Wulandari, S.Pd.',  'perpustakaan@sman1lentera.sch.id'),
          ('petugas1', 'staff', 'Budi Santoso',            'budi.santoso@sman1lentera.sch.id'),
          ('petugas2', 'staff', 'Siti Rahmawati',          'siti.rahmawati@sman1lentera.sch.id'),
          ('petugas3', 'staff', 'Agus Setiawan, S.Si.',    'agus.setiawan@sman1lentera.sch.id'))
       AS v (username, role, full_name, email)
  JOIN demo_pw AS p ON p.kind = v.role
 CROSS JOIN demo_clock AS c;

-- Members: students registered at the start of the school year; the last four signed up
-- themselves this week and wait for the desk to activate them.
CREATE TEMP TABLE demo_members AS
SELECT n, username, full_name, n > 36 AS pending_activation
  FROM (VALUES
          (1, 'siswa.andi', 'Andi Pratama'),          (2, 'siswa.dewi', 'Dewi Anggraini'),
          (3, 'siswa.rizky', 'Rizky Ramadhan'),       (4, 'siswa.putri', 'Putri Maharani'),
          (5, 'siswa.fajar', 'Fajar Nugroho'),        (6, 'siswa.nabila', 'Nabila Azzahra'),
          (7, 'siswa.bayu', 'Bayu Saputra'),          (8, 'siswa.aulia', 'Aulia Rahman'),
          (9, 'siswa.dimas', 'Dimas Aditya'),         (10, 'siswa.salsa', 'Salsabila Putri'),
          (11, 'siswa.iqbal', 'Muhammad Iqbal'),      (12, 'siswa.anisa', 'Anisa Fitriani'),
          (13, 'siswa.rafi', 'Rafi Hidayat'),         (14, 'siswa.citra', 'Citra Kirana'),
          (15, 'siswa.yoga', 'Yoga Permana'),         (16, 'siswa.intan', 'Intan Permatasari'),
          (17, 'siswa.farhan', 'Farhan Maulana'),     (18, 'siswa.nadia', 'Nadia Safitri'),
          (19, 'siswa.galih', 'Galih Wicaksono'),     (20, 'siswa.ayu', 'Ayu Wulandari'),
          (21, 'siswa.kevin', 'Kevin Sitorus'),       (22, 'siswa.maria', 'Maria Simanjuntak'),
          (23, 'siswa.gede', 'I Gede Wirawan'),       (24, 'siswa.niluh', 'Ni Luh Putu Ayu Lestari'),
          (25, 'siswa.teguh', 'Teguh Santoso'),       (26, 'siswa.ratna', 'Ratna Sari'),
          (27, 'siswa.hendra', 'Hendra Gunawan'),     (28, 'siswa.lestari', 'Lestari Handayani'),
          (29, 'siswa.arif', 'Arif Budiman'),         (30, 'siswa.wahyu', 'Wahyu Hidayat'),
          (31, 'siswa.aisyah', 'Siti Aisyah'),        (32, 'siswa.yohanes', 'Yohanes Manurung'),
          (33, 'siswa.kadek', 'Kadek Surya Dharma'),  (34, 'siswa.fauzi', 'Ahmad Fauzi'),
          (35, 'siswa.rina', 'Rina Oktaviani'),       (36, 'siswa.eko', 'Eko Prasetyo'),
          (37, 'siswa.melati', 'Melati Kusuma'),      (38, 'siswa.tri', 'Tri Handoko'),
          (39, 'siswa.zahra', 'Zahra Amelia'),        (40, 'siswa.raka', 'Raka Mahendra'))
       AS v (n, username, full_name);

INSERT INTO users (username, password_hash, role, full_name, email, active, created_at, updated_at)
SELECT m.username, p.hash, 'member', m.full_name,
       CASE WHEN m.n % 4 = 3 THEN NULL   -- not everyone gives an email address
            ELSE replace(lower(m.full_name), ' ', '.') || '@siswa.sman1lentera.sch.id' END,
       NOT m.pending_activation,
       t.at, CASE WHEN m.pending_activation THEN t.at ELSE t.at + interval '1 day' END
  FROM demo_members AS m
  JOIN demo_pw AS p ON p.kind = 'member'
 CROSS JOIN demo_clock AS c
 CROSS JOIN LATERAL (SELECT CASE WHEN m.pending_activation
                                 THEN pg_temp.jkt(c.today - (m.n - 36), 16 + m.n % 5)
                                 ELSE pg_temp.jkt(c.today - 196 + m.n % 9, 9 + (m.n % 7) * 0.5)
                            END AS at) AS t
 ORDER BY m.n;

-- ---------------------------------------------------------------------------------------
-- Categories
-- ---------------------------------------------------------------------------------------

CREATE TEMP TABLE demo_categories AS
SELECT * FROM (VALUES
  ('BK',  'Buku', 'Koleksi perpustakaan: buku pelajaran Kurikulum Merdeka, fiksi, referensi dan nonfiksi.', 46),
  ('LAB', 'Alat Lab', 'Alat praktikum Laboratorium Biologi, Kimia dan Fisika.', 10),
  ('TIK', 'Perangkat TIK', 'Laptop, Chromebook, tablet dan perlengkapan komputer untuk pembelajaran.', 15),
  ('PRJ', 'Proyektor & Audio Visual', 'Proyektor, layar, kamera dan sound system untuk kelas dan acara sekolah.', 11),
  ('FUR', 'Furniture', 'Meja, kursi lipat, papan tulis beroda dan perabot untuk kegiatan.', 4),
  ('RNG', 'Perlengkapan Ruang', 'Kipas angin, kabel roll, karpet, dan perlengkapan ruangan lainnya.', 4),
  ('OLR', 'Alat Olahraga', 'Bola, raket, matras dan alat atletik untuk PJOK dan ekstrakurikuler.', 6),
  ('MUS', 'Alat Musik', 'Alat musik untuk pelajaran Seni Budaya, paduan suara dan ekstrakurikuler.', 4))
  AS v (prefix, name, description, weight);

INSERT INTO categories (name, description, created_at, updated_at)
SELECT name, description, pg_temp.jkt(c.today - 199, 9), pg_temp.jkt(c.today - 199, 9)
  FROM demo_categories CROSS JOIN demo_clock AS c;

-- ---------------------------------------------------------------------------------------
-- Items
-- ---------------------------------------------------------------------------------------

-- Books: title, author, publisher, year, copies, shelf, kind.
CREATE TEMP TABLE demo_books (ord serial, name text, author text, publisher text, year int,
                              copies int, shelf text, kind text);
INSERT INTO demo_books (name, author, publisher, year, copies, shelf, kind) VALUES
  -- Buku teks Kurikulum Merdeka (class sets)
  ('Matematika untuk SMA/SMK Kelas X', 'Dicky Susanto dkk.', 'Pusat Perbukuan Kemendikbudristek', 2021, 36, 'B1', 'teks'),
  ('Bahasa Indonesia: Cerdas Cergas Berbahasa dan Bersastra Indonesia untuk SMA/SMK Kelas X', 'Fadillah Tri Aulia dkk.', 'Pusat Perbukuan Kemendikbudristek', 2021, 36, 'B1', 'teks'),
  ('Bahasa Inggris: Work in Progress untuk SMA/SMK Kelas X', 'Budi Hermawan dkk.', 'Pusat Perbukuan Kemendikbudristek', 2021, 36, 'B1', 'teks'),
  ('Ilmu Pengetahuan Alam untuk SMA Kelas X', 'Ayuk Ratna Puspaningsih dkk.', 'Pusat Perbukuan Kemendikbudristek', 2021, 36, 'B1', 'teks'),
  ('Ilmu Pengetahuan Sosial untuk SMA Kelas X', 'Sari Oktafiana dkk.', 'Pusat Perbukuan Kemendikbudristek', 2021, 36, 'B1', 'teks'),
  ('Informatika untuk SMA Kelas X', 'Henry Praherdhiono dkk.', 'Pusat Perbukuan Kemendikbudristek', 2021, 36, 'B1', 'teks'),
  ('Pendidikan Pancasila untuk SMA/SMK Kelas X', 'Nuri Arumdani dkk.', 'Pusat Perbukuan Kemendikbudristek', 2022, 36, 'B1', 'teks'),
  ('Sejarah Indonesia untuk SMA/SMK Kelas X', 'Martina Safitry dkk.', 'Pusat Perbukuan Kemendikbudristek', 2021, 36, 'B1', 'teks'),
  ('Matematika untuk SMA/SMK Kelas XI', 'Yosep Dwi Kristanto dkk.', 'Pusat Perbukuan Kemendikbudristek', 2022, 36, 'B2', 'teks'),
  ('Matematika Tingkat Lanjut untuk SMA Kelas XI', 'Wikan Budi Utami dkk.', 'Pusat Perbukuan Kemendikbudristek', 2022, 24, 'B2', 'teks'),
  ('Fisika untuk SMA Kelas XI', 'Marianna Magdalena Radjawane dkk.', 'Pusat Perbukuan Kemendikbudristek', 2022, 30, 'B2', 'teks'),
  ('Kimia untuk SMA Kelas XI', 'Ahmad Kamaludin dkk.', 'Pusat Perbukuan Kemendikbudristek', 2022, 30, 'B2', 'teks'),
  ('Biologi untuk SMA Kelas XI', 'Siti Nur Hidayati dkk.', 'Pusat Perbukuan Kemendikbudristek', 2022, 30, 'B2', 'teks'),
  ('Ekonomi untuk SMA Kelas XI', 'Nur Laila Dwi Wahyuni dkk.', 'Pusat Perbukuan Kemendikbudristek', 2022, 30, 'B3', 'teks'),
  ('Geografi untuk SMA Kelas XI', 'Dian Puspita Sari dkk.', 'Pusat Perbukuan Kemendikbudristek', 2022, 30, 'B3', 'teks'),
  ('Sosiologi untuk SMA Kelas XI', 'Joan Hesti Gita Purwasih dkk.', 'Pusat Perbukuan Kemendikbudristek', 2022, 30, 'B3', 'teks'),
  ('Bahasa Indonesia: Cakap Berbahasa dan Bersastra Indonesia untuk SMA/SMK Kelas XI', 'Maman Suryaman dkk.', 'Pusat Perbukuan Kemendikbudristek', 2022, 36, 'B3', 'teks'),
  ('Bahasa Inggris: English for Change untuk SMA/SMK Kelas XI', 'Rida Afrilyasanti dkk.', 'Pusat Perbukuan Kemendikbudristek', 2022, 36, 'B3', 'teks'),
  ('Sejarah untuk SMA Kelas XI', 'Sardiman A.M. dkk.', 'Pusat Perbukuan Kemendikbudristek', 2022, 36, 'B3', 'teks'),
  ('Matematika untuk SMA/SMK Kelas XII', 'Yosep Dwi Kristanto dkk.', 'Pusat Perbukuan Kemendikbudristek', 2023, 36, 'B4', 'teks'),
  ('Fisika untuk SMA Kelas XII', 'Marianna Magdalena Radjawane dkk.', 'Pusat Perbukuan Kemendikbudristek', 2023, 30, 'B4', 'teks'),
  ('Kimia untuk SMA Kelas XII', 'Ahmad Kamaludin dkk.', 'Pusat Perbukuan Kemendikbudristek', 2023, 30, 'B4', 'teks'),
  ('Biologi untuk SMA Kelas XII', 'Siti Nur Hidayati dkk.', 'Pusat Perbukuan Kemendikbudristek', 2023, 30, 'B4', 'teks'),
  ('Ekonomi untuk SMA Kelas XII', 'Nur Laila Dwi Wahyuni dkk.', 'Pusat Perbukuan Kemendikbudristek', 2023, 30, 'B4', 'teks'),
  ('Geografi untuk SMA Kelas XII', 'Dian Puspita Sari dkk.', 'Pusat Perbukuan Kemendikbudristek', 2023, 30, 'B4', 'teks'),
  ('Sosiologi untuk SMA Kelas XII', 'Joan Hesti Gita Purwasih dkk.', 'Pusat Perbukuan Kemendikbudristek', 2023, 30, 'B4', 'teks'),
  ('Bahasa Indonesia untuk SMA/SMK Kelas XII', 'Maman Suryaman dkk.', 'Pusat Perbukuan Kemendikbudristek', 2023, 36, 'B4', 'teks'),
  ('Bahasa Inggris untuk SMA/SMK Kelas XII', 'Rida Afrilyasanti dkk.', 'Pusat Perbukuan Kemendikbudristek', 2023, 36, 'B4', 'teks'),
  -- Buku pendamping
  ('Fisika untuk SMA/MA Kelas XI', 'Marthen Kanginan', 'Erlangga', 2017, 8, 'B5', 'pendamping'),
  ('Kimia untuk SMA/MA Kelas XI', 'Unggul Sudarmo', 'Erlangga', 2017, 8, 'B5', 'pendamping'),
  ('Biologi untuk SMA/MA Kelas XI', 'Irnaningtyas', 'Erlangga', 2017, 8, 'B5', 'pendamping'),
  ('Matematika untuk SMA/MA Kelas XII', 'Sukino', 'Erlangga', 2017, 6, 'B5', 'pendamping'),
  ('Pintar Olimpiade Matematika SMA', 'Hendra Kurniawan', 'Yrama Widya', 2020, 4, 'B6', 'pendamping'),
  ('Bank Soal UTBK-SNBT Saintek dan Soshum', 'Tim Edukasi Cendekia', 'Grasindo', 2024, 10, 'B6', 'pendamping'),
  ('Menulis Karya Ilmiah Remaja', 'Suryani Hartono', 'Yrama Widya', 2018, 3, 'B6', 'pendamping'),
  ('Panduan Praktikum Kimia SMA', 'Bambang Wijayanto', 'Intan Pariwara', 2019, 6, 'B6', 'pendamping'),
  -- Fiksi
  ('Laskar Pelangi', 'Andrea Hirata', 'Bentang Pustaka', 2005, 4, 'A1', 'novel'),
  ('Sang Pemimpi', 'Andrea Hirata', 'Bentang Pustaka', 2006, 3, 'A1', 'novel'),
  ('Edensor', 'Andrea Hirata', 'Bentang Pustaka', 2007, 2, 'A1', 'novel'),
  ('Maryamah Karpov', 'Andrea Hirata', 'Bentang Pustaka', 2008, 1, 'A1', 'novel'),
  ('Padang Bulan', 'Andrea Hirata', 'Bentang Pustaka', 2010, 1, 'A1', 'novel'),
  ('Sebelas Patriot', 'Andrea Hirata', 'Bentang Pustaka', 2011, 1, 'A1', 'novel'),
  ('Ayah', 'Andrea Hirata', 'Bentang Pustaka', 2015, 2, 'A1', 'novel'),
  ('Orang-Orang Biasa', 'Andrea Hirata', 'Bentang Pustaka', 2019, 2, 'A1', 'novel'),
  ('Bumi Manusia', 'Pramoedya Ananta Toer', 'Lentera Dipantara', 2005, 3, 'A2', 'novel'),
  ('Anak Semua Bangsa', 'Pramoedya Ananta Toer', 'Lentera Dipantara', 2006, 2, 'A2', 'novel'),
  ('Jejak Langkah', 'Pramoedya Ananta Toer', 'Lentera Dipantara', 2006, 2, 'A2', 'novel'),
  ('Rumah Kaca', 'Pramoedya Ananta Toer', 'Lentera Dipantara', 2006, 1, 'A2', 'novel'),
  ('Gadis Pantai', 'Pramoedya Ananta Toer', 'Lentera Dipantara', 2003, 1, 'A2', 'novel'),
  ('Bukan Pasar Malam', 'Pramoedya Ananta Toer', 'Lentera Dipantara', 2004, 1, 'A2', 'novel'),
  ('Ronggeng Dukuh Paruk', 'Ahmad Tohari', 'Gramedia Pustaka Utama', 2003, 2, 'A2', 'novel'),
  ('Negeri 5 Menara', 'Ahmad Fuadi', 'Gramedia Pustaka Utama', 2009, 4, 'A3', 'novel'),
  ('Ranah 3 Warna', 'Ahmad Fuadi', 'Gramedia Pustaka Utama', 2011, 2, 'A3', 'novel'),
  ('Rantau 1 Muara', 'Ahmad Fuadi', 'Gramedia Pustaka Utama', 2013, 1, 'A3', 'novel'),
  ('Ayat-Ayat Cinta', 'Habiburrahman El Shirazy', 'Republika', 2004, 2, 'A3', 'novel'),
  ('Ketika Cinta Bertasbih', 'Habiburrahman El Shirazy', 'Republika', 2007, 1, 'A3', 'novel'),
  ('Cantik Itu Luka', 'Eka Kurniawan', 'Gramedia Pustaka Utama', 2015, 1, 'A3', 'novel'),
  ('Lelaki Harimau', 'Eka Kurniawan', 'Gramedia Pustaka Utama', 2004, 1, 'A3', 'novel'),
  ('Pulang', 'Leila S. Chudori', 'Kepustakaan Populer Gramedia', 2012, 1, 'A3', 'novel'),
  ('Laut Bercerita', 'Leila S. Chudori', 'Kepustakaan Populer Gramedia', 2017, 3, 'A3', 'novel'),
  ('Perahu Kertas', 'Dee Lestari', 'Bentang Pustaka', 2009, 2, 'A4', 'novel'),
  ('Filosofi Kopi', 'Dee Lestari', 'Bentang Pustaka', 2012, 1, 'A4', 'cerpen'),
  ('Aroma Karsa', 'Dee Lestari', 'Bentang Pustaka', 2018, 1, 'A4', 'novel'),
  ('Supernova: Ksatria, Puteri, dan Bintang Jatuh', 'Dee Lestari', 'Bentang Pustaka', 2012, 1, 'A4', 'novel'),
  ('Siti Nurbaya', 'Marah Rusli', 'Balai Pustaka', 2008, 3, 'A4', 'novel'),
  ('Salah Asuhan', 'Abdoel Moeis', 'Balai Pustaka', 2009, 2, 'A4', 'novel'),
  ('Layar Terkembang', 'Sutan Takdir Alisjahbana', 'Balai Pustaka', 2008, 2, 'A4', 'novel'),
  ('Atheis', 'Achdiat K. Mihardja', 'Balai Pustaka', 2009, 1, 'A4', 'novel'),
  ('Di Bawah Lindungan Ka''bah', 'Hamka', 'Gema Insani', 2017, 2, 'A4', 'novel'),
  ('Tenggelamnya Kapal Van der Wijck', 'Hamka', 'Gema Insani', 2017, 3, 'A4', 'novel'),
  ('Robohnya Surau Kami', 'A.A. Navis', 'Gramedia Pustaka Utama', 2010, 2, 'A5', 'cerpen'),
  ('Harimau! Harimau!', 'Mochtar Lubis', 'Yayasan Pustaka Obor Indonesia', 2008, 1, 'A5', 'novel'),
  ('Burung-Burung Manyar', 'Y.B. Mangunwijaya', 'Penerbit Buku Kompas', 2014, 1, 'A5', 'novel'),
  ('Saman', 'Ayu Utami', 'Kepustakaan Populer Gramedia', 2013, 1, 'A5', 'novel'),
  ('Amba', 'Laksmi Pamuntjak', 'Gramedia Pustaka Utama', 2012, 1, 'A5', 'novel'),
  ('Gadis Kretek', 'Ratih Kumala', 'Gramedia Pustaka Utama', 2012, 1, 'A5', 'novel'),
  ('Entrok', 'Okky Madasari', 'Gramedia Pustaka Utama', 2010, 1, 'A5', 'novel'),
  ('Maryam', 'Okky Madasari', 'Gramedia Pustaka Utama', 2012, 1, 'A5', 'novel'),
  ('Sepotong Senja untuk Pacarku', 'Seno Gumira Ajidarma', 'Gramedia Pustaka Utama', 2002, 1, 'A5', 'cerpen'),
  ('Hujan Bulan Juni', 'Sapardi Djoko Damono', 'Gramedia Pustaka Utama', 2015, 2, 'A5', 'puisi'),
  ('Aku Ini Binatang Jalang', 'Chairil Anwar', 'Gramedia Pustaka Utama', 2011, 2, 'A5', 'puisi'),
  ('Max Havelaar', 'Multatuli', 'Qanita', 2014, 1, 'A5', 'novel'),
  ('Hujan', 'Tere Liye', 'Gramedia Pustaka Utama', 2016, 3, 'A6', 'novel'),
  ('Bumi', 'Tere Liye', 'Gramedia Pustaka Utama', 2014, 3, 'A6', 'novel'),
  ('Bulan', 'Tere Liye', 'Gramedia Pustaka Utama', 2015, 2, 'A6', 'novel'),
  ('Matahari', 'Tere Liye', 'Gramedia Pustaka Utama', 2016, 2, 'A6', 'novel'),
  ('Rindu', 'Tere Liye', 'Republika', 2014, 2, 'A6', 'novel'),
  ('Hafalan Shalat Delisa', 'Tere Liye', 'Republika', 2005, 2, 'A6', 'novel'),
  ('Negeri Para Bedebah', 'Tere Liye', 'Gramedia Pustaka Utama', 2012, 1, 'A6', 'novel'),
  ('Pergi', 'Tere Liye', 'Republika', 2018, 1, 'A6', 'novel'),
  ('Dilan: Dia adalah Dilanku Tahun 1990', 'Pidi Baiq', 'Pastel Books', 2014, 3, 'A6', 'novel'),
  ('5 cm', 'Donny Dhirgantoro', 'Grasindo', 2005, 2, 'A6', 'novel'),
  ('Sabtu Bersama Bapak', 'Adhitya Mulya', 'GagasMedia', 2014, 2, 'A6', 'novel'),
  ('Kambing Jantan', 'Raditya Dika', 'GagasMedia', 2005, 1, 'A6', 'novel'),
  ('Koala Kumal', 'Raditya Dika', 'GagasMedia', 2015, 1, 'A6', 'novel'),
  ('Garis Waktu', 'Fiersa Besari', 'Mediakita', 2016, 1, 'A6', 'novel'),
  ('Sang Pencerah', 'Akmal Nasery Basral', 'Mizan', 2010, 1, 'A6', 'novel'),
  ('Tentang Kamu', 'Tere Liye', 'Republika', 2016, 2, 'A6', 'novel'),
  ('Pulang-Pergi', 'Tere Liye', 'Sabak Grip', 2021, 1, 'A6', 'novel'),
  ('Mariposa', 'Luluk HF', 'Coconut Books', 2018, 2, 'A6', 'novel'),
  ('Dikta & Hukum', 'Dhia''an Farah', 'Asoka Aksara', 2021, 1, 'A6', 'novel'),
  ('Senja, Hujan, dan Cerita yang Telah Usai', 'Boy Candra', 'Mediakita', 2015, 1, 'A6', 'novel'),
  ('Si Anak Badai', 'Tere Liye', 'Republika', 2019, 2, 'A6', 'novel'),
  ('Kisah Seribu Satu Malam', 'Tim Penerjemah', 'Gramedia Pustaka Utama', 2010, 1, 'A5', 'cerpen'),
  ('Kumpulan Cerita Rakyat Nusantara', 'Dian K.', 'Bhuana Ilmu Populer', 2016, 3, 'A5', 'cerpen'),
  ('Nyanyi Sunyi', 'Amir Hamzah', 'Dian Rakyat', 2008, 1, 'A5', 'puisi'),
  ('Tirani dan Benteng', 'Taufiq Ismail', 'Yayasan Ananda', 2010, 1, 'A5', 'puisi'),
  -- Referensi
  ('Kamus Besar Bahasa Indonesia Edisi Kelima', 'Badan Pengembangan dan Pembinaan Bahasa', 'Badan Pengembangan dan Pembinaan Bahasa', 2016, 4, 'R1', 'referensi'),
  ('Kamus Inggris-Indonesia', 'John M. Echols dan Hassan Shadily', 'Gramedia Pustaka Utama', 2014, 8, 'R1', 'referensi'),
  ('Kamus Indonesia-Inggris', 'John M. Echols dan Hassan Shadily', 'Gramedia Pustaka Utama', 2014, 6, 'R1', 'referensi'),
  ('Ejaan Bahasa Indonesia yang Disempurnakan Edisi V', 'Badan Pengembangan dan Pembinaan Bahasa', 'Badan Pengembangan dan Pembinaan Bahasa', 2022, 5, 'R1', 'referensi'),
  ('Atlas Lengkap Indonesia dan Dunia', 'Tim Penyusun Atlas', 'Erlangga', 2019, 6, 'R2', 'referensi'),
  ('Ensiklopedia Sains untuk Pelajar', 'Tim Penyusun Ensiklopedia', 'Erlangga', 2017, 2, 'R2', 'referensi'),
  ('Ensiklopedia Sejarah Indonesia', 'Tim Penyusun Ensiklopedia', 'Lentera Abadi', 2012, 2, 'R2', 'referensi'),
  -- Nonfiksi
  ('Sejarah Indonesia Modern 1200–2008', 'M.C. Ricklefs', 'Serambi Ilmu Semesta', 2008, 2, 'C1', 'nonfiksi'),
  ('Sapiens: Riwayat Singkat Umat Manusia', 'Yuval Noah Harari', 'Kepustakaan Populer Gramedia', 2017, 2, 'C1', 'nonfiksi'),
  ('Filosofi Teras', 'Henry Manampiring', 'Penerbit Buku Kompas', 2018, 3, 'C1', 'nonfiksi'),
  ('Atomic Habits: Perubahan Kecil yang Memberikan Hasil Luar Biasa', 'James Clear', 'Gramedia Pustaka Utama', 2019, 3, 'C1', 'nonfiksi'),
  ('Madilog', 'Tan Malaka', 'Narasi', 2014, 1, 'C1', 'nonfiksi'),
  ('Habis Gelap Terbitlah Terang', 'R.A. Kartini', 'Balai Pustaka', 2008, 2, 'C2', 'nonfiksi'),
  ('Habibie & Ainun', 'B.J. Habibie', 'THC Mandiri', 2010, 2, 'C2', 'biografi'),
  ('Bung Karno: Penyambung Lidah Rakyat Indonesia', 'Cindy Adams', 'Yayasan Bung Karno', 2007, 1, 'C2', 'biografi'),
  ('Mohammad Hatta: Untuk Negeriku', 'Mohammad Hatta', 'Penerbit Buku Kompas', 2011, 1, 'C2', 'biografi'),
  ('Berpikir Kritis untuk Pelajar', 'Nur Aini Rahmah', 'Bumi Aksara', 2021, 2, 'C3', 'nonfiksi'),
  ('Dasar-Dasar Pemrograman Python', 'Rosihan Ari Yuana', 'Informatika Bandung', 2020, 3, 'C3', 'nonfiksi'),
  ('Keajaiban Biodiversitas Nusantara', 'Tim LIPI Press', 'LIPI Press', 2016, 1, 'C3', 'nonfiksi'),
  ('Mengenal Gunung Api Indonesia', 'Igan Supriatman Sutawidjaja', 'Badan Geologi', 2014, 1, 'C3', 'nonfiksi'),
  ('Pengantar Ekonomi Mikro untuk Pemula', 'Sadono Sukirno', 'RajaGrafindo Persada', 2013, 2, 'C3', 'nonfiksi'),
  ('Cerdas Berliterasi Digital', 'Tim Literasi Digital', 'Kemenkominfo', 2021, 2, 'C3', 'nonfiksi'),
  ('Petualangan Sains: Eksperimen Sederhana di Rumah', 'Yohanes Surya', 'Kandel', 2015, 2, 'C3', 'nonfiksi'),
  ('Jejak Rempah Nusantara', 'Tim Penulis Jalur Rempah', 'Kemendikbudristek', 2020, 1, 'C1', 'nonfiksi'),
  ('Kartini: Sebuah Biografi', 'Sitisoemandari Soeroto', 'Djambatan', 2001, 1, 'C2', 'biografi'),
  ('B.J. Habibie: Detik-Detik yang Menentukan', 'B.J. Habibie', 'THC Mandiri', 2006, 1, 'C2', 'biografi'),
  ('Ki Hajar Dewantara: Pemikiran dan Perjuangannya', 'Suhartono Wiryopranoto dkk.', 'Museum Kebangkitan Nasional', 2017, 1, 'C2', 'biografi'),
  ('Panduan Menulis Esai untuk Pelajar', 'Rina Puspitasari', 'Bumi Aksara', 2020, 2, 'C3', 'nonfiksi'),
  ('Belajar Statistika dengan Data Sekolah', 'Agus Wibowo', 'Andi Publisher', 2019, 2, 'C3', 'nonfiksi'),
  ('Mengenal Cagar Budaya Indonesia', 'Tim Penyusun', 'Direktorat Pelindungan Kebudayaan', 2018, 1, 'C1', 'nonfiksi'),
  ('Ilmu Falak Praktis', 'Ahmad Izzuddin', 'Pustaka Rizki Putra', 2012, 1, 'C3', 'nonfiksi');

-- Equipment: prefix, name, units (> 1: numbered items of one unit each), stock, location,
-- description.
CREATE TEMP TABLE demo_equipment (ord serial, prefix text, name text, units int, stock int,
                                  location text, description text);
INSERT INTO demo_equipment (prefix, name, units, stock, location, description) VALUES
  ('LAB', 'Mikroskop Binokuler Olympus CX23', 6, 1, 'Lab Biologi Lemari M1', 'Mikroskop binokuler dengan lensa objektif 4x, 10x, 40x dan 100x (minyak imersi).'),
  ('LAB', 'Mikroskop Monokuler', 1, 10, 'Lab Biologi Lemari M2', 'Mikroskop monokuler untuk praktikum kelas X, perbesaran hingga 400x.'),
  ('LAB', 'Torso Manusia 85 cm', 1, 1, 'Lab Biologi', 'Model anatomi tubuh manusia dengan 23 bagian yang dapat dilepas.'),
  ('LAB', 'Kerangka Tulang Manusia 170 cm', 1, 1, 'Lab Biologi', 'Model kerangka manusia ukuran asli dengan dudukan beroda.'),
  ('LAB', 'Model Struktur DNA', 1, 4, 'Lab Biologi Lemari M3', 'Model double helix DNA yang dapat dirakit.'),
  ('LAB', 'Kaca Pembesar (Lup) 10x', 1, 20, 'Lab Biologi Lemari M3', 'Lup genggam untuk pengamatan lapangan.'),
  ('LAB', 'Set Preparat Awetan Jaringan Tumbuhan', 1, 5, 'Lab Biologi Lemari M2', 'Kotak berisi 20 preparat awetan jaringan tumbuhan.'),
  ('LAB', 'Gelas Kimia Pyrex 250 ml', 1, 40, 'Lab Kimia Lemari K1', 'Gelas kimia borosilikat berskala.'),
  ('LAB', 'Tabung Reaksi 15 ml (isi 10)', 1, 20, 'Lab Kimia Lemari K1', 'Satu set berisi 10 tabung reaksi dan rak kayu.'),
  ('LAB', 'Labu Erlenmeyer 250 ml', 1, 30, 'Lab Kimia Lemari K1', 'Labu erlenmeyer borosilikat.'),
  ('LAB', 'Labu Ukur 100 ml', 1, 15, 'Lab Kimia Lemari K2', 'Labu ukur kelas A dengan tutup.'),
  ('LAB', 'Buret 50 ml dengan Statif dan Klem', 1, 10, 'Lab Kimia Lemari K2', 'Set titrasi lengkap.'),
  ('LAB', 'Pipet Volume 10 ml', 1, 20, 'Lab Kimia Lemari K2', 'Pipet volume kelas A.'),
  ('LAB', 'Pembakar Bunsen', 1, 8, 'Lab Kimia Lemari K3', 'Pembakar gas dengan pengatur udara.'),
  ('LAB', 'Pembakar Spiritus', 1, 12, 'Lab Kimia Lemari K3', 'Lampu spiritus kaca dengan sumbu.'),
  ('LAB', 'Neraca Analitik Digital 0,01 g', 1, 3, 'Lab Kimia Meja Timbang', 'Kapasitas 300 g, ketelitian 0,01 g.'),
  ('LAB', 'Neraca Ohaus 311 g', 1, 6, 'Lab Fisika Lemari F1', 'Neraca tiga lengan untuk praktikum massa jenis.'),
  ('LAB', 'pH Meter Digital', 1, 5, 'Lab Kimia Lemari K3', 'pH meter saku dengan larutan kalibrasi.'),
  ('LAB', 'Hot Plate Magnetic Stirrer', 1, 2, 'Lab Kimia Lemari K3', 'Pemanas dan pengaduk magnetik hingga 350 °C.'),
  ('LAB', 'Kacamata Pelindung (Goggles)', 1, 40, 'Lab Kimia Rak APD', 'Alat pelindung diri untuk praktikum.'),
  ('LAB', 'Jas Laboratorium', 1, 36, 'Lab Kimia Rak APD', 'Jas lab katun ukuran M dan L.'),
  ('LAB', 'Multimeter Digital Sanwa', 1, 10, 'Lab Fisika Lemari F1', 'Pengukur tegangan, arus dan hambatan.'),
  ('LAB', 'Power Supply DC 0–30 V', 1, 6, 'Lab Fisika Lemari F2', 'Catu daya variabel 3 A.'),
  ('LAB', 'Osiloskop Digital 2 Kanal', 2, 1, 'Lab Fisika Lemari F2', 'Osiloskop 100 MHz dengan dua probe.'),
  ('LAB', 'Jangka Sorong', 1, 15, 'Lab Fisika Lemari F1', 'Jangka sorong ketelitian 0,05 mm.'),
  ('LAB', 'Mikrometer Sekrup', 1, 15, 'Lab Fisika Lemari F1', 'Mikrometer ketelitian 0,01 mm.'),
  ('LAB', 'Stopwatch Digital', 1, 12, 'Lab Fisika Lemari F1', 'Stopwatch dengan memori putaran.'),
  ('LAB', 'Set Neraca Pegas (Dinamometer)', 1, 10, 'Lab Fisika Lemari F3', 'Satu set neraca pegas 1 N sampai 10 N.'),
  ('LAB', 'Kit Optik Geometri', 1, 5, 'Lab Fisika Lemari F3', 'Bangku optik, lensa, cermin dan sumber cahaya.'),
  ('LAB', 'Kit Listrik Dinamis', 1, 6, 'Lab Fisika Lemari F3', 'Papan rangkaian, resistor, lampu dan kabel penghubung.'),
  ('LAB', 'Kit Mekanika', 1, 4, 'Lab Fisika Lemari F3', 'Troli, rel, katrol dan beban bercelah.'),
  ('LAB', 'Termometer Digital', 1, 10, 'Lab Fisika Lemari F1', 'Termometer probe −50 °C sampai 300 °C.'),
  ('LAB', 'Generator Van de Graaff', 1, 1, 'Lab Fisika', 'Alat peraga listrik statis.'),
  ('LAB', 'Globe Bumi 30 cm', 1, 4, 'Ruang Geografi', 'Globe politik berbahasa Indonesia.'),
  ('TIK', 'Laptop Lenovo ThinkPad E14', 20, 1, 'Ruang TIK Lemari Laptop', 'Core i5, RAM 8 GB, SSD 256 GB, Windows 11 Education.'),
  ('TIK', 'Laptop ASUS VivoBook 14', 6, 1, 'Ruang TIK Lemari Laptop', 'Core i3, RAM 8 GB, SSD 512 GB; untuk presentasi dan guru.'),
  ('TIK', 'Chromebook Acer 311', 10, 1, 'Ruang TIK Troli Chromebook', 'Chromebook bantuan pemerintah, dikelola lewat Google Admin.'),
  ('TIK', 'Tablet Samsung Galaxy Tab A8', 5, 1, 'Ruang TIK Lemari Tablet', 'Tablet 10,5 inci dengan casing pelindung.'),
  ('TIK', 'Modem Wi-Fi Portabel 4G', 1, 4, 'Ruang TIK', 'Untuk kegiatan di luar sekolah; kuota dari sekolah.'),
  ('TIK', 'Kabel HDMI 5 m', 1, 15, 'Ruang TIK Laci Kabel', 'Kabel HDMI 2.0.'),
  ('TIK', 'Hard Disk Eksternal 1 TB', 1, 3, 'Ruang TIK', 'USB 3.0, untuk dokumentasi kegiatan.'),
  ('TIK', 'Mouse Wireless Logitech', 1, 20, 'Ruang TIK Laci Aksesori', 'Mouse nirkabel dengan receiver USB.'),
  ('TIK', 'Headset USB dengan Mikrofon', 1, 30, 'Ruang TIK Laci Aksesori', 'Untuk ANBK dan pembelajaran bahasa.'),
  ('TIK', 'Arduino Uno Starter Kit', 1, 15, 'Ruang TIK Lemari Robotik', 'Arduino Uno R3, breadboard, sensor dan komponen dasar.'),
  ('TIK', 'Raspberry Pi 4 Kit', 1, 6, 'Ruang TIK Lemari Robotik', 'Raspberry Pi 4 4 GB dengan casing, adaptor dan kartu microSD.'),
  ('TIK', 'Kit Robotik Edukasi', 1, 4, 'Ruang TIK Lemari Robotik', 'Kit robot beroda untuk ekstrakurikuler robotik.'),
  ('PRJ', 'Proyektor Epson EB-X500', 8, 1, 'Ruang Sarpras Rak P1', '3.600 lumen, XGA, HDMI dan VGA; tas dan remote.'),
  ('PRJ', 'Proyektor Portabel BenQ', 2, 1, 'Ruang Sarpras Rak P1', 'Proyektor ringkas untuk ruang rapat.'),
  ('PRJ', 'Layar Proyektor Tripod 70 inci', 1, 6, 'Ruang Sarpras', 'Layar lipat dengan kaki tripod.'),
  ('PRJ', 'Speaker Aktif Portabel', 1, 4, 'Ruang Sarpras Rak P2', 'Speaker dengan baterai, Bluetooth dan mikrofon kabel.'),
  ('PRJ', 'Mikrofon Wireless Shure', 1, 6, 'Ruang Sarpras Rak P2', 'Mikrofon genggam nirkabel dengan receiver.'),
  ('PRJ', 'Sound System Portabel 15 inci', 2, 1, 'Aula Gudang Panggung', 'Speaker aktif 15 inci dengan mixer 4 kanal.'),
  ('PRJ', 'Kamera DSLR Canon EOS 1500D', 2, 1, 'Ruang Sarpras Lemari Kamera', 'Lensa kit 18–55 mm, dua baterai, kartu SD 32 GB.'),
  ('PRJ', 'Tripod Kamera', 1, 4, 'Ruang Sarpras Lemari Kamera', 'Tripod aluminium tinggi 160 cm.'),
  ('PRJ', 'Handycam Sony HDR-CX405', 1, 1, 'Ruang Sarpras Lemari Kamera', 'Perekam video Full HD.'),
  ('PRJ', 'Smart TV 55 inci dengan Troli', 2, 1, 'Ruang Sarpras', 'TV 4K dengan troli beroda untuk presentasi di kelas.'),
  ('PRJ', 'Document Camera (Visualizer)', 1, 2, 'Ruang Sarpras Rak P1', 'Kamera dokumen USB untuk menampilkan buku ke proyektor.'),
  ('PRJ', 'Presenter Laser Pointer', 1, 8, 'Ruang Sarpras Laci', 'Remote presentasi nirkabel dengan laser merah.'),
  ('PRJ', 'Kabel HDMI 10 m', 1, 10, 'Ruang Sarpras Laci', 'Untuk proyektor di aula dan lapangan.'),
  ('FUR', 'Meja Lipat Kegiatan', 1, 20, 'Gudang Sarpras', 'Meja lipat 120 x 60 cm.'),
  ('FUR', 'Kursi Lipat Chitose', 1, 120, 'Gudang Sarpras', 'Kursi lipat besi untuk acara.'),
  ('FUR', 'Papan Tulis Beroda', 1, 4, 'Gudang Sarpras', 'Whiteboard dua sisi 120 x 240 cm.'),
  ('FUR', 'Rak Buku Portabel', 1, 3, 'Perpustakaan Gudang', 'Rak beroda untuk pameran buku.'),
  ('FUR', 'Podium Akrilik', 1, 2, 'Aula', 'Mimbar akrilik dengan logo sekolah.'),
  ('FUR', 'Papan Pameran (Display Board)', 1, 10, 'Gudang Sarpras', 'Panel partisi untuk pameran karya siswa.'),
  ('FUR', 'Meja Registrasi dengan Taplak', 1, 6, 'Gudang Sarpras', 'Meja panjang 180 cm untuk meja tamu.'),
  ('FUR', 'Tenda Lipat 3 x 3 m', 1, 4, 'Gudang Sarpras', 'Tenda lipat untuk bazar dan kegiatan lapangan.'),
  ('RNG', 'Kipas Angin Berdiri', 1, 6, 'Gudang Sarpras', 'Kipas angin 16 inci.'),
  ('RNG', 'AC Portabel 1 PK', 1, 2, 'Gudang Sarpras', 'AC portabel dengan selang pembuangan.'),
  ('RNG', 'Karpet Musala 3 x 4 m', 1, 5, 'Musala Lemari', 'Karpet untuk kegiatan keagamaan dan lesehan.'),
  ('RNG', 'Kabel Roll 10 m', 1, 12, 'Ruang Sarpras Laci', 'Terminal listrik empat lubang dengan pengaman.'),
  ('RNG', 'Bendera Merah Putih dan Tiang', 1, 4, 'Ruang OSIS', 'Satu set bendera dan tiang portabel.'),
  ('RNG', 'Taplak Meja Acara', 1, 20, 'Ruang Sarpras Lemari', 'Taplak satin warna biru dan putih.'),
  ('RNG', 'Tirai Backdrop Panggung', 1, 2, 'Aula Gudang Panggung', 'Backdrop kain hitam 6 x 3 m.'),
  ('RNG', 'X-Banner Stand', 1, 6, 'Ruang OSIS', 'Rangka X-banner 60 x 160 cm.'),
  ('RNG', 'Dispenser Air Galon', 1, 3, 'Gudang Sarpras', 'Dispenser panas dan normal.'),
  ('RNG', 'Lampu Sorot Panggung LED', 1, 4, 'Aula Gudang Panggung', 'Lampu PAR LED RGB.'),
  ('RNG', 'Genset Portabel 2000 W', 1, 1, 'Gudang Sarpras', 'Genset bensin untuk kegiatan di lapangan.'),
  ('RNG', 'Tangga Lipat Aluminium', 1, 2, 'Gudang Sarpras', 'Tangga lipat 2 m.'),
  ('OLR', 'Bola Voli Mikasa MVA200', 1, 15, 'Gudang Olahraga', 'Bola voli standar kompetisi.'),
  ('OLR', 'Bola Basket Molten GG7X', 1, 12, 'Gudang Olahraga', 'Bola basket ukuran 7.'),
  ('OLR', 'Bola Sepak Specs', 1, 10, 'Gudang Olahraga', 'Bola sepak ukuran 5.'),
  ('OLR', 'Bola Futsal', 1, 8, 'Gudang Olahraga', 'Bola futsal ukuran 4, pantulan rendah.'),
  ('OLR', 'Net Voli', 1, 3, 'Gudang Olahraga', 'Net voli dengan kabel baja.'),
  ('OLR', 'Raket Bulu Tangkis Yonex', 1, 16, 'Gudang Olahraga', 'Raket dengan tas.'),
  ('OLR', 'Shuttlecock (slop isi 12)', 1, 20, 'Gudang Olahraga', 'Shuttlecock bulu angsa.'),
  ('OLR', 'Meja Tenis Meja', 1, 2, 'Aula Samping', 'Meja lipat beroda dengan net.'),
  ('OLR', 'Bet Tenis Meja', 1, 12, 'Gudang Olahraga', 'Bet dengan karet dua sisi.'),
  ('OLR', 'Matras Senam', 1, 10, 'Gudang Olahraga', 'Matras lipat 180 x 60 cm.'),
  ('OLR', 'Cone Latihan (set isi 10)', 1, 6, 'Gudang Olahraga', 'Cone plastik untuk latihan kelincahan.'),
  ('OLR', 'Peluru 4 kg', 1, 4, 'Gudang Olahraga', 'Peluru besi untuk tolak peluru putri.'),
  ('OLR', 'Lembing Aluminium', 1, 4, 'Gudang Olahraga', 'Lembing 600 g.'),
  ('OLR', 'Papan Catur dan Bidak', 1, 10, 'Ruang OSIS', 'Papan catur lipat untuk ekstrakurikuler catur.'),
  ('OLR', 'Stopwatch Olahraga', 1, 6, 'Gudang Olahraga', 'Stopwatch dengan tali leher.'),
  ('MUS', 'Gitar Akustik Yamaha F310', 1, 6, 'Ruang Musik', 'Gitar akustik senar baja dengan softcase.'),
  ('MUS', 'Keyboard Yamaha PSR-E373', 2, 1, 'Ruang Musik', 'Keyboard 61 tuts dengan stand dan adaptor.'),
  ('MUS', 'Drum Set Akustik', 1, 1, 'Ruang Musik', 'Drum lima bagian dengan simbal.'),
  ('MUS', 'Angklung Diatonis (set 31)', 1, 2, 'Ruang Seni Budaya', 'Satu set angklung diatonis kromatis.'),
  ('MUS', 'Gamelan Jawa Pelog Slendro', 1, 1, 'Ruang Seni Budaya', 'Seperangkat gamelan untuk ekstrakurikuler karawitan.'),
  ('MUS', 'Pianika Yamaha P-37', 1, 20, 'Ruang Musik Lemari', 'Pianika 37 tuts dengan selang tiup.'),
  ('MUS', 'Recorder Sopran Yamaha', 1, 30, 'Ruang Musik Lemari', 'Seruling recorder sopran.'),
  ('MUS', 'Biola 4/4', 1, 3, 'Ruang Musik', 'Biola dengan busur dan hardcase.'),
  ('MUS', 'Cajon', 1, 3, 'Ruang Musik', 'Cajon kayu mahoni.'),
  ('MUS', 'Snare Drum Marching Band', 1, 6, 'Ruang Drumband', 'Snare drum dengan stick dan strap.'),
  ('MUS', 'Bass Drum Marching Band', 1, 3, 'Ruang Drumband', 'Bass drum 22 inci.'),
  ('MUS', 'Rebana Hadroh (set)', 1, 2, 'Musala Lemari', 'Satu set rebana, darbuka dan bass hadroh.'),
  ('MUS', 'Ukulele Sopran', 1, 4, 'Ruang Musik', 'Ukulele 21 inci.');

-- All items were entered when the library moved from its paper ledger to LenteraPustaka.
INSERT INTO items (code, name, category_id, location, stock_total, stock_available, description,
                   author, publisher, year, isbn, created_at, updated_at)
SELECT format('BK-%s', lpad(b.ord::text, 4, '0')), b.name, cat.id,
       'Perpustakaan Rak ' || b.shelf, b.copies, b.copies,
       CASE b.kind
         WHEN 'teks' THEN 'Buku teks pelajaran Kurikulum Merdeka.'
         WHEN 'pendamping' THEN 'Buku pendamping dan latihan soal.'
         WHEN 'novel' THEN 'Novel sastra Indonesia.'
         WHEN 'cerpen' THEN 'Kumpulan cerita pendek.'
         WHEN 'puisi' THEN 'Kumpulan puisi.'
         WHEN 'referensi' THEN 'Koleksi referensi; dipinjam untuk waktu singkat.'
         WHEN 'biografi' THEN 'Biografi tokoh Indonesia.'
         ELSE 'Buku nonfiksi.' END,
       b.author, b.publisher, b.year,
       pg_temp.isbn13(CASE WHEN b.year < 2007 THEN '978979'
                           WHEN b.year < 2018 THEN '978602' ELSE '978623' END, b.name || b.author),
       pg_temp.jkt(c.today - 198, 9 + b.ord / 60.0), pg_temp.jkt(c.today - 198, 9 + b.ord / 60.0)
  FROM demo_books AS b
  JOIN categories AS cat ON cat.name = 'Buku'
 CROSS JOIN demo_clock AS c
 ORDER BY b.ord;

INSERT INTO items (code, name, category_id, location, stock_total, stock_available, description,
                   created_at, updated_at)
SELECT format('%s-%s', e.prefix,
              lpad(row_number() OVER (PARTITION BY e.prefix ORDER BY e.ord, u.n)::text, 4, '0')),
       CASE WHEN e.units > 1 THEN format('%s #%s', e.name, lpad(u.n::text, 2, '0')) ELSE e.name END,
       dc_cat.id, e.location,
       CASE WHEN e.units > 1 THEN 1 ELSE e.stock END,
       CASE WHEN e.units > 1 THEN 1 ELSE e.stock END,
       e.description,
       pg_temp.jkt(c.today - 197, 9 + e.ord / 60.0), pg_temp.jkt(c.today - 197, 9 + e.ord / 60.0)
  FROM demo_equipment AS e
 CROSS JOIN LATERAL generate_series(1, e.units) AS u (n)
  JOIN demo_categories AS dc ON dc.prefix = e.prefix
  JOIN categories AS dc_cat ON dc_cat.name = dc.name
 CROSS JOIN demo_clock AS c;

-- ---------------------------------------------------------------------------------------
-- Loans: a day-by-day simulation over the last six months and the next ten days
-- ---------------------------------------------------------------------------------------

-- Items kept out of the simulation because their own story is told below.
CREATE TEMP TABLE demo_skip (name text PRIMARY KEY);
INSERT INTO demo_skip VALUES
  ('Drum Set Akustik'), ('AC Portabel 1 PK'), ('Generator Van de Graaff'),
  ('Genset Portabel 2000 W'), ('Gamelan Jawa Pelog Slendro');

CREATE TEMP TABLE demo_pool AS
SELECT dc.prefix, dc.weight,
       array_agg(i.id ORDER BY i.code) AS ids
  FROM demo_categories AS dc
  JOIN categories AS cat ON cat.name = dc.name
  JOIN items AS i ON i.category_id = cat.id
 WHERE i.name NOT IN (SELECT name FROM demo_skip)
 GROUP BY dc.prefix, dc.weight;

-- Why members borrow, by kind of item (see the key computed in the simulation).
CREATE TEMP TABLE demo_purpose (key text, text text);
INSERT INTO demo_purpose (key, text) VALUES
  ('BK:teks', 'Buku paket belum dibagikan di kelas'),
  ('BK:teks', 'Belajar untuk penilaian harian'),
  ('BK:teks', 'Persiapan penilaian akhir semester'),
  ('BK:teks', 'Mengerjakan tugas rumah'),
  ('BK:teks', 'Persiapan UTBK-SNBT'),
  ('BK:fiksi', 'Bacaan waktu luang'),
  ('BK:fiksi', 'Bahan resensi untuk tugas Bahasa Indonesia'),
  ('BK:fiksi', 'Bacaan untuk program literasi pagi'),
  ('BK:fiksi', 'Analisis unsur intrinsik novel untuk tugas Bahasa Indonesia'),
  ('BK:lain', 'Referensi makalah Sejarah'),
  ('BK:lain', 'Bahan lomba debat Bahasa Indonesia'),
  ('BK:lain', 'Referensi tugas presentasi kelompok'),
  ('BK:lain', 'Persiapan lomba menulis esai'),
  ('BK:lain', 'Bacaan waktu luang'),
  ('LAB:bio', 'Praktikum Biologi: pengamatan sel tumbuhan'),
  ('LAB:bio', 'Praktikum Biologi: sistem gerak manusia'),
  ('LAB:bio', 'Persiapan OSN Biologi'),
  ('LAB:bio', 'Proyek P5 kelompok kelas X'),
  ('LAB:kim', 'Praktikum Kimia: titrasi asam basa'),
  ('LAB:kim', 'Praktikum Kimia: laju reaksi'),
  ('LAB:kim', 'Persiapan OSN Kimia'),
  ('LAB:kim', 'Penelitian Karya Ilmiah Remaja'),
  ('LAB:fis', 'Praktikum Fisika: hukum Ohm'),
  ('LAB:fis', 'Praktikum Fisika: gerak lurus berubah beraturan'),
  ('LAB:fis', 'Persiapan OSN Fisika'),
  ('LAB:fis', 'Penelitian Karya Ilmiah Remaja'),
  ('LAB:umum', 'Pelajaran Geografi di kelas'),
  ('LAB:umum', 'Proyek P5 kelompok kelas X'),
  ('TIK', 'Tugas desain poster mata pelajaran Informatika'),
  ('TIK', 'Simulasi ANBK'),
  ('TIK', 'Ekstrakurikuler robotik'),
  ('TIK', 'Membuat video profil kelas'),
  ('TIK', 'Presentasi tugas kelompok'),
  ('TIK', 'Dokumentasi kegiatan OSIS'),
  ('PRJ', 'Presentasi kelompok Ekonomi di kelas'),
  ('PRJ', 'Nonton bersama film dokumenter Sejarah'),
  ('PRJ', 'Pentas seni OSIS'),
  ('PRJ', 'Rapat pengurus OSIS'),
  ('PRJ', 'Sosialisasi kegiatan Pramuka'),
  ('PRJ', 'Dokumentasi lomba antarkelas'),
  ('FUR', 'Bazar kewirausahaan kelas XI'),
  ('FUR', 'Pameran karya seni kelas XII'),
  ('FUR', 'Kegiatan Pramuka hari Sabtu'),
  ('FUR', 'Rapat orang tua murid'),
  ('RNG', 'Persiapan ruang untuk seminar OSIS'),
  ('RNG', 'Kegiatan Rohis di musala'),
  ('RNG', 'Pentas seni di aula'),
  ('RNG', 'Bazar kewirausahaan kelas XI'),
  ('OLR', 'Latihan ekstrakurikuler voli'),
  ('OLR', 'Class meeting'),
  ('OLR', 'Persiapan O2SN'),
  ('OLR', 'Pelajaran PJOK'),
  ('OLR', 'Latihan ekstrakurikuler basket'),
  ('MUS', 'Latihan paduan suara'),
  ('MUS', 'Persiapan pentas seni'),
  ('MUS', 'Ekstrakurikuler band'),
  ('MUS', 'Latihan untuk acara perpisahan kelas XII'),
  ('MUS', 'Ujian praktik Seni Budaya');

-- Damage as the desk records it. pattern is matched against 'PREFIX:item name'; among the
-- rows that match, only those of the highest prio are used (specific before generic).
CREATE TEMP TABLE demo_damage (id serial PRIMARY KEY, pattern text, prio int, condition text,
                               description text, category text, staff_notes text,
                               repair_note text);
INSERT INTO demo_damage (pattern, prio, condition, description, category, staff_notes, repair_note) VALUES
  ('^BK:', 1, 'minor_damage', 'Sampul sobek dan beberapa halaman terlipat.', 'physical', 'Peminjam sudah diingatkan untuk menyampul buku.', 'Sampul diganti dan buku dilaminasi ulang.'),
  ('^BK:', 1, 'minor_damage', 'Ada coretan pensil di beberapa halaman.', 'physical', NULL, 'Coretan dihapus.'),
  ('^BK:', 1, 'minor_damage', 'Beberapa halaman kotor terkena noda makanan.', 'physical', NULL, 'Halaman dibersihkan seperlunya.'),
  ('^BK:', 1, 'major_damage', 'Buku terkena air hujan, halaman tengah lengket dan bergelombang.', 'physical', 'Peminjam bersedia mengganti bila tidak bisa diperbaiki.', 'Halaman dikeringkan dan dijilid ulang di tukang jilid.'),
  ('^BK:', 1, 'major_damage', 'Jilidan lepas, sekitar 20 halaman terlepas.', 'physical', NULL, 'Dijilid ulang.'),
  ('Mikroskop|Lup', 2, 'minor_damage', 'Lensa okuler buram karena sidik jari dan debu.', 'physical', 'Sudah dijelaskan cara membersihkan lensa.', 'Lensa dibersihkan dengan kertas lensa dan alkohol.'),
  ('Mikroskop', 2, 'minor_damage', 'Lampu LED redup dan berkedip.', 'electrical', NULL, 'Kabel lampu disolder ulang.'),
  ('Mikroskop', 2, 'major_damage', 'Lensa objektif 40x pecah setelah terbentur meja.', 'physical', 'Dilaporkan ke guru pengampu praktikum.', 'Lensa objektif diganti dengan yang baru.'),
  ('Gelas|Tabung|Erlenmeyer|Labu|Buret|Pipet', 2, 'minor_damage', 'Satu buah retak rambut di bagian bawah.', 'physical', 'Yang retak dipisahkan, tidak dipakai untuk pemanasan.', 'Yang retak diganti dari stok cadangan.'),
  ('Gelas|Tabung|Erlenmeyer|Labu|Buret|Pipet', 2, 'minor_damage', 'Dua buah pecah saat dicuci.', 'physical', NULL, 'Diganti dari stok cadangan laboratorium.'),
  ('Multimeter|Power Supply|Osiloskop|pH Meter|Hot Plate|Neraca Analitik|Termometer Digital|Kit Listrik|Van de Graaff', 2, 'minor_damage', 'Kabel probe terkelupas.', 'electrical', 'Tidak dipakai dulu sampai kabel diganti.', 'Kabel probe diganti.'),
  ('Multimeter|Power Supply|Osiloskop|pH Meter|Hot Plate|Neraca Analitik|Termometer Digital|Kit Listrik|Van de Graaff', 2, 'minor_damage', 'Baterai bocor di dalam kompartemen.', 'electrical', NULL, 'Kompartemen dibersihkan dan baterai diganti.'),
  ('Multimeter|Power Supply|Osiloskop|pH Meter|Hot Plate|Neraca Analitik|Termometer Digital|Kit Listrik|Van de Graaff', 2, 'major_damage', 'Tidak menyala; sekring putus dan tercium bau terbakar.', 'electrical', NULL, 'Diperbaiki teknisi, sekring dan kabel daya diganti.'),
  ('^LAB:', 1, 'minor_damage', 'Tidak lengkap, ada bagian yang tertinggal di kelas.', 'missing_parts', 'Peminjam diminta mencari di kelasnya.', 'Bagian yang tertinggal sudah dikembalikan.'),
  ('^LAB:', 1, 'minor_damage', 'Kotor bekas praktikum dan belum dibersihkan.', 'physical', NULL, 'Dibersihkan oleh laboran.'),
  ('^LAB:', 1, 'major_damage', 'Patah setelah terjatuh dari meja praktikum.', 'physical', 'Dilaporkan ke guru pengampu praktikum.', 'Diganti dengan unit baru dari dana BOS.'),
  ('Laptop|Chromebook', 2, 'minor_damage', 'Tombol keyboard huruf E lepas.', 'physical', NULL, 'Keycap dipasang kembali.'),
  ('Laptop|Chromebook', 2, 'minor_damage', 'Sistem tidak bisa masuk, perlu dipasang ulang.', 'software', 'Data siswa sudah dicadangkan sebelum dipasang ulang.', 'Sistem dipulihkan dari image sekolah.'),
  ('Laptop|Chromebook|Tablet', 2, 'minor_damage', 'Charger tidak ikut dikembalikan.', 'missing_parts', 'Peminjam berjanji membawanya besok.', 'Charger sudah dikembalikan peminjam.'),
  ('Laptop|Chromebook|Tablet', 2, 'major_damage', 'Layar retak setelah terjatuh.', 'physical', 'Orang tua peminjam sudah dihubungi.', 'Layar diganti di service center resmi.'),
  ('Laptop|Chromebook|Tablet', 2, 'major_damage', 'Tidak bisa menyala, diduga kerusakan motherboard.', 'electrical', NULL, 'Motherboard diperbaiki di service center.'),
  ('^TIK:', 1, 'minor_damage', 'Konektor longgar, kadang tidak terdeteksi.', 'electrical', NULL, 'Konektor diperbaiki.'),
  ('^TIK:', 1, 'minor_damage', 'Ada komponen yang tidak ikut dikembalikan.', 'missing_parts', 'Peminjam diminta melengkapi.', 'Komponen sudah dilengkapi.'),
  ('^TIK:', 1, 'major_damage', 'Tidak berfungsi sama sekali saat dicoba.', 'electrical', NULL, 'Diganti dengan unit baru.'),
  ('Proyektor Epson|Proyektor Portabel', 2, 'minor_damage', 'Remote tidak ikut dikembalikan.', 'missing_parts', NULL, 'Remote ditemukan di ruang kelas dan dikembalikan.'),
  ('Proyektor Epson|Proyektor Portabel', 2, 'minor_damage', 'Gambar kekuningan, filter udara berdebu.', 'physical', NULL, 'Filter dibersihkan, warna normal kembali.'),
  ('Proyektor Epson|Proyektor Portabel', 2, 'major_damage', 'Lampu mati, indikator lampu berkedip merah.', 'electrical', 'Jam pakai lampu sudah lewat batas.', 'Lampu proyektor diganti.'),
  ('Proyektor Epson|Proyektor Portabel', 2, 'major_damage', 'Kabel power terkelupas dan konektor hangus.', 'electrical', NULL, 'Kabel dan konektor diganti.'),
  ('Kamera|Handycam', 2, 'minor_damage', 'Tutup lensa tidak ikut dikembalikan.', 'missing_parts', NULL, 'Tutup lensa pengganti dibeli.'),
  ('Kamera|Handycam', 2, 'major_damage', 'Lensa tidak bisa fokus setelah terjatuh.', 'physical', 'Peminjam mengaku kamera terjatuh saat acara.', 'Diservis di service center resmi.'),
  ('Speaker|Sound System|Mikrofon', 2, 'minor_damage', 'Suara kresek saat volume tinggi.', 'electrical', NULL, 'Jack dan kabel dibersihkan.'),
  ('Speaker|Sound System|Mikrofon', 2, 'major_damage', 'Tidak mengeluarkan suara, amplifier mati.', 'electrical', NULL, 'Modul amplifier diganti.'),
  ('Layar Proyektor|Tripod', 3, 'minor_damage', 'Kaki tripod macet, sulit dilipat.', 'physical', NULL, 'Engsel kaki diberi pelumas dan dikencangkan.'),
  ('Layar Proyektor|Tripod', 3, 'major_damage', 'Salah satu kaki tripod patah.', 'physical', NULL, 'Kaki tripod diganti.'),
  ('^PRJ:', 1, 'minor_damage', 'Kabel atau remote tidak lengkap.', 'missing_parts', NULL, 'Perlengkapan sudah dilengkapi.'),
  ('^PRJ:', 1, 'major_damage', 'Tidak menyala setelah dipakai.', 'electrical', NULL, 'Diperbaiki teknisi.'),
  ('^FUR:', 1, 'minor_damage', 'Kaki goyang, baut kendur.', 'physical', NULL, 'Baut dikencangkan.'),
  ('^FUR:', 1, 'major_damage', 'Rangka patah di bagian sambungan.', 'physical', NULL, 'Rangka dilas ulang.'),
  ('Kipas|AC Portabel|Dispenser|Lampu|Kabel Roll|Genset', 2, 'minor_damage', 'Kabel terkelupas dekat steker.', 'electrical', 'Tidak dipakai dulu sampai diperbaiki.', 'Kabel dipotong dan steker dipasang ulang.'),
  ('Kipas|AC Portabel|Dispenser|Lampu|Kabel Roll|Genset', 2, 'major_damage', 'Tidak menyala dan tercium bau terbakar.', 'electrical', NULL, 'Diperbaiki di bengkel elektronik.'),
  ('^RNG:', 1, 'minor_damage', 'Kotor dan ada noda yang sulit hilang.', 'physical', NULL, 'Dicuci di binatu.'),
  ('^RNG:', 1, 'major_damage', 'Rusak berat, tidak layak dipakai.', 'physical', NULL, 'Diperbaiki oleh petugas sarpras.'),
  ('Bola', 2, 'minor_damage', 'Bola kempes, pentil bocor.', 'physical', NULL, 'Pentil diganti dan bola dipompa.'),
  ('Bola', 2, 'major_damage', 'Jahitan sobek, bola tidak bisa dipompa.', 'physical', NULL, 'Dijahit ulang di toko olahraga.'),
  ('Raket', 2, 'minor_damage', 'Senar raket putus.', 'physical', NULL, 'Senar dipasang ulang.'),
  ('Raket', 2, 'major_damage', 'Frame raket retak.', 'physical', NULL, 'Diganti dengan raket baru.'),
  ('^OLR:', 1, 'minor_damage', 'Lecet dan kotor setelah dipakai di lapangan.', 'physical', NULL, 'Dibersihkan.'),
  ('^OLR:', 1, 'major_damage', 'Patah, tidak bisa dipakai.', 'physical', NULL, 'Diganti dengan yang baru.'),
  ('Gitar|Ukulele|Biola', 2, 'minor_damage', 'Dua senar putus dan stem tidak pas.', 'physical', NULL, 'Senar diganti dan distem ulang.'),
  ('Gitar|Ukulele|Biola', 2, 'major_damage', 'Leher retak setelah terjatuh.', 'physical', 'Peminjam mengaku tersenggol saat latihan.', 'Diperbaiki di luthier.'),
  ('Keyboard', 2, 'minor_damage', 'Dua tuts tidak berbunyi.', 'electrical', NULL, 'Kontak tuts dibersihkan.'),
  ('Keyboard', 2, 'major_damage', 'Adaptor terbakar, keyboard tidak menyala.', 'electrical', NULL, 'Adaptor dan regulator daya diganti.'),
  ('Drum|Cajon|Rebana', 2, 'minor_damage', 'Kulit kendur dan ada sobekan kecil.', 'physical', NULL, 'Kulit dikencangkan dan ditambal.'),
  ('Drum|Cajon|Rebana', 2, 'major_damage', 'Kulit sobek besar dan rangka penyok.', 'physical', NULL, 'Kulit diganti dan rangka diluruskan.'),
  ('^MUS:', 1, 'minor_damage', 'Ada bagian yang tidak ikut dikembalikan.', 'missing_parts', NULL, 'Sudah dilengkapi.'),
  ('^MUS:', 1, 'major_damage', 'Badan alat retak.', 'physical', NULL, 'Diperbaiki di toko musik.');

CREATE TEMP TABLE demo_loans (
  n               serial PRIMARY KEY,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  prefix          text NOT NULL,
  user_id         uuid NOT NULL,
  item_id         uuid NOT NULL,
  quantity        int NOT NULL,
  start_date      date NOT NULL,
  due_date        date NOT NULL,
  purpose         text NOT NULL,
  status          text NOT NULL,
  created_at      timestamptz NOT NULL,
  decided_by      uuid,
  decided_at      timestamptz,
  decision_reason text,
  handed_over_at  timestamptz,
  returned_at     timestamptz,
  updated_at      timestamptz NOT NULL,
  fine            numeric(12,2) NOT NULL DEFAULT 0,
  ret_condition   text,
  ret_damage      int,            -- demo_damage.id
  inspected_by    uuid,
  episode         int
);

-- Units in use per item and inclusive date range (history included, so old loans never
-- overlapped either), and damage episodes (open until repaired; major damage and loss
-- keep the item off loan meanwhile).
CREATE TEMP TABLE demo_occ (item_id uuid, f date, t date, qty int);
CREATE INDEX ON demo_occ (item_id);
CREATE TEMP TABLE demo_ep (id serial PRIMARY KEY, item_id uuid, opened date, repaired date,
                           block_from date);

DO $demo$
DECLARE
  c          demo_clock;
  fine_day   numeric := (SELECT fine_per_day FROM settings WHERE id = 1);
  staff      uuid[] := ARRAY(SELECT id FROM users WHERE role IN ('staff', 'admin')
                               ORDER BY role DESC, username);   -- petugas1..3, admin
  members    uuid[] := ARRAY(SELECT u.id FROM users AS u JOIN demo_members AS m USING (username)
                              WHERE NOT m.pending_activation ORDER BY m.n);
  pool       demo_pool[] := ARRAY(SELECT p FROM demo_pool AS p ORDER BY p.prefix);
  wsum       int := (SELECT sum(weight) FROM demo_pool);
  off        int;
  s          date;
  per_day    int;
  k          int;
  tries      int;
  r          double precision;
  p          demo_pool;
  it         uuid;
  stock      int;
  q          int;
  len        int;
  e          date;
  st         text;
  rd         date;
  occ_end    date;
  used       int;
  ok         boolean;
  created    timestamptz;
  decided    timestamptz;
  handed     timestamptz;
  returned   timestamptz;
  cond       text;
  dmg        int;
  loc        text;
  iname      text;
  pkey       text;
  ep         int;
  fix        date;
BEGIN
  SELECT * INTO c FROM demo_clock;
  FOR off IN -182 .. 10 LOOP
    s := c.today + off;
    per_day := CASE
      WHEN extract(isodow FROM s) = 7 THEN 0                       -- Sunday
      WHEN off > 0 THEN 1 + (random() * 2.4)::int                   -- requests ahead
      WHEN off = 0 THEN 3 + (random() * 2.4)::int
      WHEN extract(isodow FROM s) = 6 THEN 1 + (random() * 2.4)::int
      ELSE 3 + (random() * 5.4)::int END;
    FOR k IN 1 .. per_day LOOP
      -- What kind of thing, for how long, and what became of it.
      r := random() * wsum;
      FOREACH p IN ARRAY pool LOOP
        r := r - p.weight;
        EXIT WHEN r < 0;
      END LOOP;
      len := CASE p.prefix WHEN 'BK' THEN 6 + (random() * 7.4)::int
                           WHEN 'LAB' THEN (random() * 2.4)::int
                           WHEN 'TIK' THEN (random() * 4.4)::int
                           WHEN 'PRJ' THEN (random() * 1.4)::int
                           WHEN 'OLR' THEN (random() * 6.4)::int
                           WHEN 'MUS' THEN 1 + (random() * 6.4)::int
                           ELSE (random() * 3.4)::int END;
      e := s + len;
      r := random();
      IF off > 0 THEN
        st := CASE WHEN r < 0.50 THEN 'pending' WHEN r < 0.82 THEN 'approved'
                   WHEN r < 0.92 THEN 'rejected' ELSE 'cancelled' END;
      ELSIF off = 0 THEN
        st := CASE WHEN r < 0.25 THEN 'pending' WHEN r < 0.85 THEN 'approved'
                   WHEN r < 0.93 THEN 'rejected' ELSE 'cancelled' END;
      ELSIF e >= c.today THEN
        st := CASE WHEN r < 0.06 THEN 'rejected' WHEN r < 0.09 THEN 'cancelled' ELSE 'borrowed' END;
      ELSE
        st := CASE WHEN r < 0.06 THEN 'rejected' WHEN r < 0.10 THEN 'cancelled'
                   WHEN e >= c.today - 14 AND r < 0.22 THEN 'overdue'
                   ELSE 'returned' END;
      END IF;
      rd := NULL;
      IF st = 'returned' THEN
        r := random();
        rd := CASE WHEN r < 0.30 THEN s + (random() * len)::int
                   WHEN r < 0.86 THEN e
                   ELSE e + 1 + (random() * 5)::int END;
        IF rd >= c.today THEN
          rd := e;
        END IF;
      END IF;
      occ_end := CASE st WHEN 'returned' THEN greatest(e, rd)
                         WHEN 'overdue' THEN c.today + 400   -- still out: holds the unit
                         ELSE e END;

      -- Find an item that is not under repair and has the units on every day.
      ok := false;
      FOR tries IN 1 .. 8 LOOP
        it := p.ids[1 + floor(random() * array_length(p.ids, 1))::int];
        SELECT stock_total, location, name INTO stock, loc, iname FROM items WHERE id = it;
        q := CASE
          WHEN stock = 1 OR p.prefix IN ('BK', 'TIK', 'PRJ') THEN 1
          WHEN p.prefix = 'FUR' THEN greatest(1, least(stock / 2, 1 + (random() * stock * 0.4)::int))
          ELSE least(stock, 1 + (random() * least(stock / 3.0, 6))::int) END;
        CONTINUE WHEN EXISTS (SELECT 1 FROM demo_ep AS x
                               WHERE x.item_id = it AND x.block_from IS NOT NULL
                                 AND x.block_from <= occ_end
                                 AND coalesce(x.repaired, 'infinity') >= s);
        IF st IN ('rejected', 'cancelled') THEN
          ok := true;
          EXIT;
        END IF;
        SELECT coalesce(max(u.used), 0) INTO used
          FROM (SELECT sum(o.qty) AS used
                  FROM generate_series(0, occ_end - s) AS g (n)
                  JOIN demo_occ AS o ON o.item_id = it AND s + g.n BETWEEN o.f AND o.t
                 GROUP BY g.n) AS u;
        CONTINUE WHEN used + q > stock;
        -- Units held by active loans are off the shelf whatever their dates.
        CONTINUE WHEN st IN ('approved', 'borrowed', 'overdue')
                  AND coalesce((SELECT sum(l.quantity) FROM demo_loans AS l
                                 WHERE l.item_id = it
                                   AND l.status IN ('approved', 'borrowed', 'overdue')), 0) + q > stock;
        ok := true;
        EXIT;
      END LOOP;
      CONTINUE WHEN NOT ok;
      pkey := CASE p.prefix
        WHEN 'BK' THEN CASE WHEN loc LIKE '%Rak A%' THEN 'BK:fiksi'
                            WHEN loc LIKE '%Rak B%' THEN 'BK:teks' ELSE 'BK:lain' END
        WHEN 'LAB' THEN CASE WHEN loc LIKE 'Lab Biologi%' THEN 'LAB:bio'
                             WHEN loc LIKE 'Lab Kimia%' THEN 'LAB:kim'
                             WHEN loc LIKE 'Lab Fisika%' THEN 'LAB:fis' ELSE 'LAB:umum' END
        ELSE p.prefix END;

      -- The paper trail: request, decision, handover, return.
      IF off > 0 OR st = 'pending' THEN
        created := c.now_ts - make_interval(secs => (1800 + random() * 4 * 86400)::int);
      ELSE
        created := pg_temp.jkt(s - (1 + (random() * 2.6)::int), 6.75 + random() * 7);
      END IF;
      decided := NULL;
      handed := NULL;
      returned := NULL;
      IF st IN ('approved', 'borrowed', 'overdue', 'returned', 'rejected') THEN
        decided := created + make_interval(secs => (600 + random() * 3 * 3600)::int);
        IF decided > c.now_ts THEN
          decided := created + (c.now_ts - created) * 0.5;
        END IF;
      END IF;
      IF st IN ('borrowed', 'overdue', 'returned') THEN
        handed := greatest(decided + interval '5 minutes', pg_temp.jkt(s, 6.75 + random() * 3));
      END IF;
      cond := NULL;
      dmg := NULL;
      ep := NULL;
      IF st = 'returned' THEN
        returned := greatest(handed + interval '45 minutes', pg_temp.jkt(rd, 12.5 + random() * 3));
        r := random();
        cond := CASE WHEN r < 0.84 THEN 'good' WHEN r < 0.93 THEN 'minor_damage'
                     WHEN r < 0.965 THEN 'major_damage' ELSE 'lost' END;
        IF cond = 'lost' AND (q > 1 OR stock > 1
                              OR EXISTS (SELECT 1 FROM demo_loans
                                          WHERE item_id = it AND ret_condition = 'lost')) THEN
          cond := 'major_damage';   -- only single units go missing, and each at most once
        END IF;
        IF cond = 'major_damage' AND stock > 5 THEN
          cond := 'minor_damage';   -- one torn copy should not close a whole class set
        END IF;
        IF cond <> 'good' THEN
          IF cond <> 'lost' THEN
            SELECT d.id INTO dmg FROM demo_damage AS d
             WHERE p.prefix || ':' || iname ~ d.pattern AND d.condition = cond
             ORDER BY d.prio DESC, random()
             LIMIT 1;
          END IF;
          -- Repair (or, for a loss, replacement by the borrower) some days later, or
          -- still open when that is after yesterday.
          -- Some major damage waits for the budget and half the losses are never made
          -- good: that is what the asset-health report's recommendations are for.
          r := random();
          fix := rd + CASE cond WHEN 'minor_damage' THEN 2 + (random() * 8)::int
                                WHEN 'major_damage' THEN 7 + (random() * 25)::int
                                ELSE 21 + (random() * 40)::int END;
          IF fix >= c.today OR (cond = 'major_damage' AND r < 0.2) OR (cond = 'lost' AND r < 0.5) THEN
            fix := NULL;
          END IF;
          -- Overlapping damage of the same item is one episode: one repair fixes it all.
          WITH merged AS (
            DELETE FROM demo_ep AS x
             WHERE x.item_id = it AND x.opened <= coalesce(fix, 'infinity')
               AND coalesce(x.repaired, 'infinity') >= rd
            RETURNING x.*)
          INSERT INTO demo_ep (item_id, opened, repaired, block_from)
          SELECT it,
                 least(rd, min(m.opened)),
                 CASE WHEN fix IS NULL OR bool_or(m.id IS NOT NULL AND m.repaired IS NULL) THEN NULL
                      ELSE greatest(fix, max(m.repaired)) END,
                 least(CASE WHEN cond IN ('major_damage', 'lost') THEN rd END, min(m.block_from))
            FROM (SELECT 1) AS one LEFT JOIN merged AS m ON true
          RETURNING id INTO ep;
          -- Loans whose episode was merged away now belong to the merged one.
          UPDATE demo_loans SET episode = ep
           WHERE item_id = it AND episode IS NOT NULL
             AND episode NOT IN (SELECT id FROM demo_ep);
        END IF;
      END IF;

      INSERT INTO demo_loans (prefix, user_id, item_id, quantity, start_date, due_date, purpose,
                              status, created_at, decided_by, decided_at, decision_reason,
                              handed_over_at, returned_at, updated_at, fine, ret_condition,
                              ret_damage, inspected_by, episode)
      VALUES (p.prefix,
              members[1 + floor(power(random(), 1.25) * array_length(members, 1))::int],
              it, q, s, e,
              (SELECT dp.text FROM demo_purpose AS dp WHERE dp.key = pkey
                ORDER BY random() LIMIT 1),
              st, created,
              CASE WHEN decided IS NOT NULL THEN staff[1 + floor(random() * 3.6)::int] END,
              decided,
              CASE WHEN st = 'rejected' THEN
                     (ARRAY['Barang sedang dipakai untuk kegiatan sekolah pada tanggal tersebut.',
                            'Jadwal bertabrakan dengan praktikum kelas lain.',
                            'Tujuan peminjaman kurang jelas; silakan ajukan ulang dengan surat dari guru.',
                            'Stok tidak mencukupi untuk jumlah yang diminta.',
                            'Peminjam masih memiliki pinjaman yang terlambat.'])[1 + floor(random() * 5)::int]
                   WHEN st IN ('approved', 'borrowed', 'returned') AND random() < 0.15 THEN
                     'Harap dikembalikan tepat waktu dan dalam keadaan baik.' END,
              handed, returned,
              coalesce(returned, handed, decided,
                       CASE WHEN st = 'cancelled'
                            THEN created + (least(c.now_ts, pg_temp.jkt(s, 6)) - created) * 0.4 END,
                       created),
              CASE WHEN st = 'returned' AND rd > e THEN (rd - e) * fine_day ELSE 0 END,
              cond, dmg,
              CASE WHEN st = 'returned' THEN staff[1 + floor(random() * 3)::int] END,
              ep);
      INSERT INTO demo_occ VALUES
        (it, s, occ_end, CASE WHEN st IN ('approved', 'borrowed', 'overdue', 'returned') THEN q ELSE 0 END);
    END LOOP;
  END LOOP;
END
$demo$;

INSERT INTO loans (id, code, user_id, item_id, quantity, start_date, due_date, purpose, status,
                   decided_by, decided_at, decision_reason, handed_over_at, returned_at, fine,
                   created_at, updated_at)
SELECT l.id,
       'LP-' || to_char(l.created_at AT TIME ZONE 'Asia/Jakarta', 'YYYY') || '-'
             || lpad((b.base + row_number() OVER (ORDER BY l.created_at, l.n))::text, 6, '0'),
       l.user_id, l.item_id, l.quantity, l.start_date, l.due_date, l.purpose, l.status,
       l.decided_by, l.decided_at, l.decision_reason, l.handed_over_at, l.returned_at, l.fine,
       l.created_at, l.updated_at
  FROM demo_loans AS l
 CROSS JOIN (SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS base FROM loan_code_seq) AS b;

DO $$ BEGIN PERFORM setval('loan_code_seq', (SELECT max(substring(code FROM 9)::bigint) FROM loans)); END $$;

-- ---------------------------------------------------------------------------------------
-- Returns, condition events and repairs
-- ---------------------------------------------------------------------------------------

INSERT INTO returns (loan_id, returned_at, condition, damage_description, damage_category,
                     staff_notes, inspected_by, created_at)
SELECT l.id, l.returned_at, l.ret_condition,
       CASE WHEN l.ret_condition = 'lost'
            THEN 'Barang tidak dikembalikan; peminjam menyatakan hilang.' ELSE d.description END,
       CASE WHEN l.ret_condition = 'lost' THEN 'other' ELSE d.category END,
       CASE WHEN l.ret_condition = 'lost'
            THEN 'Peminjam dan wali kelas diminta mengganti barang yang hilang.'
            WHEN l.ret_condition = 'good' AND l.fine > 0
            THEN format('Terlambat %s hari, denda Rp %s.',
                        (l.returned_at AT TIME ZONE 'Asia/Jakarta')::date - l.due_date,
                        replace(to_char(l.fine, 'FM999,999,990'), ',', '.'))
            ELSE d.staff_notes END,
       l.inspected_by, l.returned_at
  FROM demo_loans AS l
  LEFT JOIN demo_damage AS d ON d.id = l.ret_damage
 WHERE l.status = 'returned';

-- Each damaged return is a condition event; the item's condition before it is the one the
-- previous event of the same open episode left (good otherwise). A repair resolves every
-- event of its episode and is an event itself.
INSERT INTO item_condition_events (item_id, loan_id, source, condition_from, condition_to, note,
                                   reported_by, created_at, resolved_at, resolved_by,
                                   resolution_note)
SELECT l.item_id, l.id, 'return',
       coalesce(lag(l.ret_condition) OVER (PARTITION BY l.episode ORDER BY l.returned_at), 'good'),
       l.ret_condition, r.damage_description, l.inspected_by, l.returned_at,
       fix.at, fix.by, fix.note
  FROM demo_loans AS l
  JOIN returns AS r ON r.loan_id = l.id
  JOIN demo_ep AS x ON x.id = l.episode
  LEFT JOIN LATERAL (
    SELECT pg_temp.jkt(x.repaired, 10 + (abs(hashtext(x.id::text)) % 40) / 10.0) AS at,
           (SELECT id FROM users WHERE username = 'petugas' || (1 + x.id % 3)) AS by,
           CASE WHEN l.ret_condition = 'lost'
                THEN 'Peminjam mengganti dengan unit baru yang sama.'
                ELSE (SELECT d.repair_note FROM demo_damage AS d WHERE d.id = l.ret_damage) END AS note
     WHERE x.repaired IS NOT NULL) AS fix ON true
 WHERE l.ret_condition <> 'good';

INSERT INTO item_condition_events (item_id, source, condition_from, condition_to, note,
                                   reported_by, created_at, resolved_at, resolved_by,
                                   resolution_note)
SELECT e.item_id, 'repair', e.condition_to, 'good', e.resolution_note, e.resolved_by,
       e.resolved_at, e.resolved_at, e.resolved_by, e.resolution_note
  FROM (SELECT DISTINCT ON (ev.item_id, ev.resolved_at) ev.*   -- the episode's last event
          FROM item_condition_events AS ev
         WHERE ev.resolved_at IS NOT NULL
         ORDER BY ev.item_id, ev.resolved_at, ev.created_at DESC) AS e;

-- Items that tell their own story (kept out of the loan simulation above).
INSERT INTO item_condition_events (item_id, source, condition_from, condition_to, note,
                                   reported_by, created_at, resolved_at, resolved_by,
                                   resolution_note)
SELECT i.id, 'admin_edit', 'good', v.cond, v.note,
       (SELECT id FROM users WHERE username = v.by), pg_temp.jkt(c.today - v.ago, 10.25),
       CASE WHEN v.fixed_ago IS NOT NULL THEN pg_temp.jkt(c.today - v.fixed_ago, 13) END,
       CASE WHEN v.fixed_ago IS NOT NULL THEN (SELECT id FROM users WHERE username = 'petugas3') END,
       v.fix_note
  FROM (VALUES
          ('Drum Set Akustik', 'minor_damage', 'Kulit snare sobek dan pedal hi-hat macet.', 'petugas2', 41, NULL::int, NULL),
          ('AC Portabel 1 PK', 'major_damage', 'Kompresor tidak dingin, perlu isi freon atau ganti kompresor.', 'admin', 26, NULL, NULL),
          ('Generator Van de Graaff', 'major_damage', 'Sabuk karet putus, kubah tidak bermuatan.', 'petugas3', 130, 104, 'Sabuk karet diganti, alat berfungsi normal.'))
       AS v (name, cond, note, by, ago, fixed_ago, fix_note)
  JOIN items AS i ON i.name = v.name
 CROSS JOIN demo_clock AS c;

INSERT INTO item_condition_events (item_id, source, condition_from, condition_to, note,
                                   reported_by, created_at, resolved_at, resolved_by,
                                   resolution_note)
SELECT item_id, 'repair', condition_to, 'good', resolution_note, resolved_by, resolved_at,
       resolved_at, resolved_by, resolution_note
  FROM item_condition_events
 WHERE source = 'admin_edit' AND resolved_at IS NOT NULL;

-- Where each item stands now, in one UPDATE per item (set_updated_at() would stamp any
-- other UPDATE with the load time): the latest event of an open episode sets condition
-- and status (SPEC §4: minor → needs_maintenance, major → maintenance; a lost single unit
-- is unavailable); stock on the shelf is what the active loans leave; the generator set
-- is lent to the district office for the regional school games.
UPDATE items AS i
   SET condition = coalesce(o.condition_to, 'good'),
       status = CASE WHEN g.item IS NOT NULL THEN 'unavailable'
                     ELSE CASE o.condition_to WHEN 'minor_damage' THEN 'needs_maintenance'
                                              WHEN 'major_damage' THEN 'maintenance'
                                              WHEN 'lost' THEN 'unavailable'
                                              ELSE 'available' END END,
       stock_available = i.stock_total - coalesce(a.out, 0),
       description = i.description || coalesce(' ' || g.note, ''),
       updated_at = greatest(i.updated_at, o.created_at, r.at, a.last_change, g.at)
  FROM items AS i0
  LEFT JOIN (SELECT DISTINCT ON (item_id) item_id, condition_to, created_at
               FROM item_condition_events
              WHERE resolved_at IS NULL
              ORDER BY item_id, created_at DESC) AS o ON o.item_id = i0.id
  LEFT JOIN (SELECT item_id, max(resolved_at) AS at FROM item_condition_events
              WHERE source = 'repair' GROUP BY item_id) AS r ON r.item_id = i0.id
  LEFT JOIN (SELECT item_id, sum(quantity)::int AS out,
                    max(coalesce(handed_over_at, decided_at)) AS last_change
               FROM loans
              WHERE status IN ('approved', 'borrowed', 'overdue') GROUP BY item_id) AS a
         ON a.item_id = i0.id
  LEFT JOIN (SELECT i2.id AS item,
                    'Sedang dipinjam Dinas Pendidikan untuk Porseni kabupaten.' AS note,
                    pg_temp.jkt(c.today - 9, 11) AS at
               FROM items AS i2 CROSS JOIN demo_clock AS c
              WHERE i2.name = 'Genset Portabel 2000 W') AS g ON g.item = i0.id
 WHERE i.id = i0.id
   AND greatest(i0.updated_at, o.created_at, r.at, a.last_change, g.at) > i0.updated_at;

-- ---------------------------------------------------------------------------------------
-- Complaints
-- ---------------------------------------------------------------------------------------

-- Opened automatically for every return recorded as lost.
CREATE TEMP TABLE demo_complaints (id uuid DEFAULT gen_random_uuid(), created_at timestamptz,
                                   status text, n1 text, n1_at timestamptz, n2 text,
                                   n2_at timestamptz, kind text, author int);

WITH lost AS (
  SELECT l.*, x.repaired, i.name AS item_name, i.location, i.category_id, lo.code
    FROM demo_loans AS l
    JOIN demo_ep AS x ON x.id = l.episode
    JOIN items AS i ON i.id = l.item_id
    JOIN loans AS lo ON lo.id = l.id
   WHERE l.ret_condition = 'lost'),
ins AS (
  INSERT INTO complaints (title, description, location, category_id, item_id, reporter_id,
                          is_system, loan_id, status, created_at, updated_at)
  SELECT format('Barang hilang: %s', lost.item_name),
         format('Dibuat otomatis dari pengembalian %s: barang dinyatakan hilang oleh peminjam.',
                lost.code),
         lost.location, lost.category_id, lost.item_id, NULL, true, lost.id,
         CASE WHEN lost.repaired IS NOT NULL THEN 'done'
              WHEN lost.returned_at < c.now_ts - interval '5 days' THEN 'in_progress'
              ELSE 'waiting' END,
         lost.returned_at, lost.returned_at
    FROM lost CROSS JOIN demo_clock AS c
  RETURNING id, status, created_at, loan_id)
INSERT INTO demo_complaints (id, created_at, status, n1, n1_at, n2, n2_at, kind, author)
SELECT ins.id, ins.created_at, ins.status,
       CASE WHEN ins.status <> 'waiting'
            THEN 'Wali kelas dan orang tua peminjam sudah dihubungi; peminjam bersedia mengganti.' END,
       ins.created_at + interval '2 days 1 hour',
       'Barang pengganti sudah diterima dan dicatat kembali.',
       pg_temp.jkt(x.repaired, 13.5),
       'system', (abs(hashtext(ins.id::text)) % 3)
  FROM ins
  JOIN demo_loans AS l ON l.id = ins.loan_id
  JOIN demo_ep AS x ON x.id = l.episode;

-- Filed by members and staff.
CREATE TEMP TABLE demo_manual (ord serial, title text, description text, location text,
                               category text, item text, reporter text, ago int, status text,
                               n1 text, n2 text);
INSERT INTO demo_manual (title, description, location, category, item, reporter, ago, status, n1, n2) VALUES
  ('AC Lab Komputer 2 meneteskan air', 'Air menetes dari unit AC di atas meja nomor 5. Lantai jadi licin dan dekat stopkontak.', 'Lab Komputer 2', 'Perlengkapan Ruang', NULL, 'siswa.kevin', 163, 'done', 'Teknisi AC dijadwalkan datang hari Kamis.', 'Saluran pembuangan AC sudah dibersihkan, tidak menetes lagi.'),
  ('AC Lab Komputer 2 bocor lagi', 'AC di Lab Komputer 2 bocor, airnya kena meja.', 'Lab Komputer 2', 'Perlengkapan Ruang', NULL, 'siswa.citra', 161, 'closed', NULL, 'Laporan ganda; sudah ditangani pada laporan sebelumnya.'),
  ('Proyektor di kelas XI-4 gambarnya buram', 'Tulisan di slide tidak terbaca dari bangku belakang walaupun fokus sudah diatur.', 'Ruang Kelas XI-4', NULL, 'Proyektor Epson EB-X500 #03', 'siswa.putri', 121, 'done', 'Proyektor dibawa ke ruang sarpras untuk dicek.', 'Lensa dibersihkan dan filter udara diganti; gambar jelas kembali.'),
  ('Kursi ruang baca patah', 'Satu kursi di meja baca dekat jendela kaki belakangnya patah, bahaya kalau diduduki.', 'Perpustakaan Ruang Baca', 'Furniture', NULL, 'siswa.fajar', 97, 'done', 'Kursi sudah diamankan ke gudang.', 'Kursi sudah dilas dan dikembalikan ke ruang baca.'),
  ('Wi-Fi perpustakaan sering putus', 'Sejak minggu lalu Wi-Fi perpustakaan putus setiap beberapa menit, sulit mengerjakan tugas daring.', 'Perpustakaan', 'Perangkat TIK', NULL, 'siswa.nabila', 31, 'in_progress', 'Sudah dilaporkan ke operator jaringan; access point akan diganti.', NULL),
  ('Dua lampu Lab Kimia mati', 'Lampu di atas meja praktikum 3 dan 4 mati, ruangan gelap saat mendung.', 'Lab Kimia', 'Perlengkapan Ruang', NULL, 'petugas3', 12, 'in_progress', 'Lampu pengganti sudah dipesan.', NULL),
  ('Keran wastafel Lab Biologi bocor', 'Keran wastafel di pojok belakang tidak bisa ditutup rapat.', 'Lab Biologi', 'Perlengkapan Ruang', NULL, 'siswa.rizky', 3, 'waiting', NULL, NULL),
  ('Buku paket Matematika kelas X kurang', 'Di kelas X-2 masih ada enam siswa yang belum mendapat buku paket Matematika.', 'Perpustakaan', 'Buku', 'Matematika untuk SMA/SMK Kelas X', 'siswa.dimas', 62, 'closed', 'Stok di perpustakaan masih cukup untuk kelas X-2.', 'Siswa dipersilakan meminjam di meja sirkulasi; laporan ditutup.'),
  ('Bola voli banyak yang kempes', 'Dari 15 bola voli, sekitar lima kempes dan pentilnya bocor.', 'Gudang Olahraga', NULL, 'Bola Voli Mikasa MVA200', 'siswa.bayu', 46, 'done', 'Pentil pengganti sudah dibeli.', 'Semua bola sudah dipompa dan pentil yang bocor diganti.'),
  ('Stopkontak meja baca tidak berfungsi', 'Stopkontak di meja baca panjang tidak ada listriknya, tidak bisa mengisi daya laptop.', 'Perpustakaan Ruang Baca', 'Perlengkapan Ruang', NULL, 'siswa.anisa', 19, 'in_progress', 'Sudah dicek, MCB jalur ruang baca sering turun; menunggu teknisi listrik.', NULL),
  ('Gitar ekstrakurikuler fals', 'Gitar untuk ekskul fals dan senarnya berkarat.', 'Ruang Musik', NULL, 'Gitar Akustik Yamaha F310', 'siswa.yoga', 76, 'done', 'Senar baru sudah dipesan.', 'Senar semua gitar diganti dan sudah distem.'),
  ('Mikroskop nomor 4 lensanya berjamur', 'Saat praktikum, pandangan mikroskop nomor 4 berbintik seperti jamur.', 'Lab Biologi', NULL, 'Mikroskop Binokuler Olympus CX23 #04', 'siswa.intan', 8, 'waiting', 'Terima kasih, akan dicek bersama laboran.', NULL),
  ('Air toilet dekat perpustakaan mati', 'Toilet siswa di lantai 1 dekat perpustakaan tidak ada airnya sejak pagi.', 'Toilet Lantai 1', 'Perlengkapan Ruang', NULL, 'siswa.gede', 2, 'waiting', NULL, NULL),
  ('Layar proyektor aula sobek di pojok', 'Layar tripod yang dipakai di aula sobek sekitar 10 cm di pojok kanan bawah.', 'Aula', NULL, 'Layar Proyektor Tripod 70 inci', 'petugas2', 50, 'in_progress', 'Layar ditambal sementara; pengadaan layar baru diusulkan di RKAS.', NULL),
  ('Kipas angin ruang baca berisik', 'Kipas angin dinding di ruang baca berbunyi keras saat berputar.', 'Perpustakaan Ruang Baca', 'Perlengkapan Ruang', NULL, 'siswa.aulia', 142, 'done', 'Akan diganti bantalan porosnya.', 'Bantalan poros diganti, kipas tidak berisik lagi.'),
  ('Komputer katalog perpustakaan lambat', 'Komputer untuk mencari buku di perpustakaan sangat lambat dan sering hang.', 'Perpustakaan', 'Perangkat TIK', NULL, 'siswa.maria', 101, 'closed', 'Sedang dicek teknisi.', 'Katalog sekarang memakai aplikasi LenteraPustaka di komputer baru; laporan ditutup.'),
  ('Meja pingpong retak di tengah', 'Papan meja tenis meja retak di bagian tengah sehingga pantulan bola tidak rata.', 'Aula Samping', NULL, 'Meja Tenis Meja', 'siswa.farhan', 34, 'in_progress', 'Sudah diukur; menunggu papan pengganti.', NULL),
  ('Laptop nomor 12 keyboardnya macet', 'Beberapa tombol di laptop nomor 12 harus ditekan keras baru keluar hurufnya.', 'Ruang TIK', NULL, 'Laptop Lenovo ThinkPad E14 #12', 'siswa.iqbal', 5, 'waiting', NULL, NULL),
  ('Perpustakaan tutup saat istirahat kedua', 'Perpustakaan sering tutup saat istirahat kedua, padahal banyak yang ingin mengembalikan buku.', 'Perpustakaan', NULL, NULL, 'siswa.ratna', 66, 'done', 'Akan dibahas di rapat petugas perpustakaan.', 'Mulai Senin ada petugas piket pada istirahat kedua.'),
  ('Rak buku fiksi A3 miring', 'Rak A3 miring ke depan, dikhawatirkan roboh kalau penuh.', 'Perpustakaan Rak A3', 'Furniture', NULL, 'petugas1', 24, 'done', 'Buku di rak atas dipindahkan sementara.', 'Rak sudah dibaut ke dinding.'),
  ('Sound system aula mendengung', 'Saat mikrofon dinyalakan, speaker berdengung keras.', 'Aula', NULL, 'Sound System Portabel 15 inci #01', 'siswa.hendra', 14, 'in_progress', 'Kemungkinan kabel ground rusak; sedang dicek.', NULL),
  ('Spidol papan tulis di perpustakaan habis', 'Spidol untuk papan pengumuman perpustakaan sudah tidak keluar tintanya.', 'Perpustakaan', 'Perlengkapan Ruang', NULL, 'siswa.salsa', 1, 'waiting', NULL, NULL),
  ('Atap ruang baca bocor saat hujan', 'Air menetes di dekat rak referensi setiap hujan deras; beberapa buku hampir basah.', 'Perpustakaan Ruang Baca', 'Perlengkapan Ruang', NULL, 'petugas1', 82, 'in_progress', 'Rak referensi digeser dan diberi ember; perbaikan atap diajukan ke komite sekolah.', NULL),
  ('Buku Bumi Manusia banyak coretan', 'Buku Bumi Manusia yang saya pinjam banyak coretan dan halaman dilipat.', 'Perpustakaan', NULL, 'Bumi Manusia', 'siswa.arif', 111, 'done', 'Buku sudah ditarik dari rak untuk dicek.', 'Coretan dihapus dan buku diberi sampul plastik baru.'),
  ('Kabel HDMI di kelas XII-1 putus', 'Kabel HDMI yang tersambung ke proyektor kelas tidak mengeluarkan gambar.', 'Ruang Kelas XII-1', 'Proyektor & Audio Visual', NULL, 'siswa.wahyu', 38, 'closed', 'Dicek petugas: kabel normal, masalah di pengaturan laptop.', 'Bukan kerusakan; sudah dijelaskan cara memilih tampilan ganda. Laporan ditutup.');

WITH ins AS (
  INSERT INTO complaints (title, description, location, category_id, item_id, reporter_id,
                          is_system, status, created_at, updated_at)
  SELECT m.title, m.description, m.location,
         coalesce(cat.id, i.category_id), i.id, u.id, false, m.status,
         pg_temp.jkt(c.today - m.ago, 7 + (m.ord * 37 % 70) / 10.0),
         pg_temp.jkt(c.today - m.ago, 7 + (m.ord * 37 % 70) / 10.0)
    FROM demo_manual AS m
    JOIN users AS u ON u.username = m.reporter
    LEFT JOIN categories AS cat ON cat.name = m.category
    LEFT JOIN items AS i ON i.name = m.item
   CROSS JOIN demo_clock AS c
   ORDER BY m.ord
  RETURNING id, title, status, created_at)
INSERT INTO demo_complaints (id, created_at, status, n1, n1_at, n2, n2_at, kind, author)
SELECT ins.id, ins.created_at, ins.status, m.n1,
       ins.created_at + make_interval(secs => (greatest(0.1, m.ago * 0.2) * 86400)::int),
       m.n2,
       ins.created_at + make_interval(secs => (m.ago * 0.6 * 86400)::int),
       'manual', m.ord % 4
  FROM ins
  JOIN demo_manual AS m ON m.title = ins.title;

-- Notes: waiting → in_progress (first note), then → done or closed; a note on a waiting
-- complaint is a plain reply, and waiting → closed needs no first step.
INSERT INTO complaint_notes (complaint_id, author_id, text, status_from, status_to, created_at)
SELECT dc.id, a.id, v.text, v.status_from, v.status_to, v.at
  FROM demo_complaints AS dc
 CROSS JOIN LATERAL (
   SELECT dc.n1 AS text,
          CASE WHEN dc.status <> 'waiting' THEN 'waiting' END AS status_from,
          CASE WHEN dc.status <> 'waiting' THEN 'in_progress' END AS status_to,
          dc.n1_at AS at
    WHERE dc.n1 IS NOT NULL
   UNION ALL
   SELECT dc.n2, CASE WHEN dc.n1 IS NULL THEN 'waiting' ELSE 'in_progress' END, dc.status, dc.n2_at
    WHERE dc.status IN ('done', 'closed')) AS v
  JOIN users AS a
    ON a.username = (ARRAY['petugas1', 'petugas2', 'petugas3', 'admin'])[1 + dc.author];

UPDATE complaints AS c
   SET updated_at = n.at
  FROM (SELECT complaint_id, max(created_at) AS at FROM complaint_notes
         WHERE status_to IS NOT NULL GROUP BY complaint_id) AS n
 WHERE n.complaint_id = c.id;

-- ---------------------------------------------------------------------------------------
-- Activity log: set-up, recent logins and the desk's work of the last three days
-- ---------------------------------------------------------------------------------------

INSERT INTO activity_log (user_id, username, action, table_name, record_id, old_data, new_data,
                          ip_address, user_agent, created_at)
SELECT u.id, u.username, 'category.create', 'categories', cat.id::text, NULL::jsonb,
       jsonb_build_object('name', cat.name, 'description', cat.description),
       '192.168.10.2'::inet, 'LenteraPustaka/1.0 (GTK 4.8; Linux)', cat.created_at
  FROM categories AS cat
  JOIN users AS u ON u.username = 'admin'
UNION ALL
SELECT u.id, u.username, 'auth.login', 'users', u.id::text, NULL, NULL,
       ('192.168.10.' || (10 + abs(hashtext(u.username)) % 5))::inet,
       'LenteraPustaka/1.0 (GTK 4.8; Linux)', pg_temp.jkt(c.today - g.n, 6.5 + (abs(hashtext(u.username)) % 9) / 10.0)
  FROM users AS u
 CROSS JOIN demo_clock AS c
 CROSS JOIN generate_series(1, 5) AS g (n)
 WHERE u.role IN ('staff', 'admin') AND extract(isodow FROM c.today - g.n) < 7
UNION ALL
SELECT NULL, 'siswa.andi', 'auth.login_failed', 'users', NULL, NULL, NULL,
       '192.168.10.41', 'LenteraPustaka/1.0 (GTK 4.8; Linux; kiosk)', pg_temp.jkt(c.today - 2, 9.5 + g.n / 120.0)
  FROM demo_clock AS c CROSS JOIN generate_series(1, 2) AS g (n)
UNION ALL
SELECT u.id, u.username, 'user.update', 'users', m.id::text, jsonb_build_object('active', false),
       jsonb_build_object('active', true), '192.168.10.11',
       'LenteraPustaka/1.0 (GTK 4.8; Linux)', m.updated_at
  FROM users AS m
  JOIN users AS u ON u.username = 'petugas1'
 WHERE m.role = 'member' AND m.active
UNION ALL
SELECT l.decided_by, du.username,
       CASE l.status WHEN 'rejected' THEN 'loan.reject' ELSE 'loan.approve' END, 'loans', l.id::text,
       jsonb_build_object('status', 'pending'),
       jsonb_build_object('status', CASE l.status WHEN 'rejected' THEN 'rejected' ELSE 'approved' END,
                          'code', l.code),
       '192.168.10.11', 'LenteraPustaka/1.0 (GTK 4.8; Linux)', l.decided_at
  FROM loans AS l
  JOIN users AS du ON du.id = l.decided_by
 CROSS JOIN demo_clock AS c
 WHERE l.decided_at >= c.now_ts - interval '3 days'
UNION ALL
SELECT r.inspected_by, iu.username, 'loan.return', 'loans', l.id::text,
       jsonb_build_object('status', 'borrowed'),
       jsonb_build_object('status', 'returned', 'code', l.code, 'condition', r.condition,
                          'fine', l.fine),
       '192.168.10.12', 'LenteraPustaka/1.0 (GTK 4.8; Linux)', r.returned_at
  FROM returns AS r
  JOIN loans AS l ON l.id = r.loan_id
  JOIN users AS iu ON iu.id = r.inspected_by
 CROSS JOIN demo_clock AS c
 WHERE r.returned_at >= c.now_ts - interval '3 days'
 ORDER BY created_at;

-- ---------------------------------------------------------------------------------------
-- Clean up the helpers
-- ---------------------------------------------------------------------------------------

DROP TABLE demo_clock, demo_pw, demo_members, demo_categories, demo_books, demo_equipment,
           demo_skip, demo_pool, demo_purpose, demo_damage, demo_loans, demo_occ, demo_ep,
           demo_complaints, demo_manual;
DROP FUNCTION pg_temp.jkt(date, double precision), pg_temp.isbn13(text, text);
