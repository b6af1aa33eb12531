-- 0008_catalog_reads.sql — the catalog search reads text already in lower case.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- ?q= is a case-insensitive substring search. ILIKE lower-cases both the pattern and, for
-- every row the trigram index could not rule out, the whole search_text, and that
-- per-row lower() was the largest single cost of a search (a common term rechecks
-- thousands of rows). search_text now stores the lower-cased text, so a search is
--   WHERE search_text LIKE lower(contains_pattern($1))
-- which matches exactly the rows ILIKE did (in a multibyte database ILIKE is defined as
-- lower(text) LIKE lower(pattern)), while each recheck only compares bytes. ILIKE keeps
-- working on the column too. The trigram index lower-cases its trigrams in any case.
-- A generated column's expression cannot be altered in place: the column is made anew
-- (which rewrites the table once).

DROP INDEX items_search_text_trgm_idx;
ALTER TABLE items DROP COLUMN search_text;
ALTER TABLE items ADD COLUMN search_text text GENERATED ALWAYS AS (
  lower(code || ' ' || name
        || ' ' || coalesce(author, '')
        || ' ' || coalesce(publisher, '')
        || ' ' || coalesce(isbn, '')
        || ' ' || location)
) STORED;
CREATE INDEX items_search_text_trgm_idx ON items USING gin (search_text gin_trgm_ops);
