-- 0009_item_search.sql — what a catalog search reads, in a narrow table of its own.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A search (?q= without other filters, server/lp-items.c) gathers every match, to count
-- them and sort them by name: for a common term thousands of rows, each rechecked against
-- the pattern in the table the trigram index points into. In items those rows are wide
-- (description, stock, dates …), so the matches of one term are spread over twice as many
-- pages as here, where a row is only the item's key, its name (the sort) and its
-- search_text (the lower-cased text of 0008). items stays the source: a row here follows
-- its item's row on every insert and on every update of a column search_text is made of
-- (the stock changes of loans and returns do not touch it), and goes with its item.
-- The trigger fires also under session_replication_role = replica, as bulk loads run
-- (bench/catalog-data.sql), so that no load leaves items unsearchable.

CREATE TABLE item_search (
  item_id     uuid PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
  name        text NOT NULL,
  search_text text NOT NULL
);

INSERT INTO item_search (item_id, name, search_text)
SELECT id, name, search_text FROM items;

CREATE INDEX item_search_text_trgm_idx ON item_search USING gin (search_text gin_trgm_ops);

CREATE FUNCTION item_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO item_search (item_id, name, search_text)
  VALUES (NEW.id, NEW.name, NEW.search_text)
  ON CONFLICT (item_id) DO UPDATE
    SET name = EXCLUDED.name, search_text = EXCLUDED.search_text;
  RETURN NULL;
END
$$;

CREATE TRIGGER item_search_sync
  AFTER INSERT OR UPDATE OF code, name, author, publisher, isbn, location ON items
  FOR EACH ROW EXECUTE FUNCTION item_search_sync();
ALTER TABLE items ENABLE ALWAYS TRIGGER item_search_sync;
