-- 0015_item_search_version.sql — a number that changes whenever what a search can find
-- changes.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The server keeps an index of item_search in memory (server/resources/lp-item-index.h)
-- and answers a plain ?q= from it, reading from the database only the page's items. It
-- may do so only while its copy is the database's: so every transaction that changes
-- item_search adds one to item_search_version.n, and the server reads n in the same
-- statement as the page, rebuilding its copy when n is not the one it was built at.
-- Because n is read in the statement's snapshot, a search sees every committed change,
-- the writer's own included (no notification to wait for).
--
-- The number is raised by a deferred trigger, at COMMIT, once per transaction: the row
-- is then locked only for the moment of the commit and only after all the transaction's
-- other locks, so two writers can wait for each other there but never deadlock.

CREATE TABLE item_search_version (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  n   bigint NOT NULL
);
-- From a random start, so that a copy built from one database is never taken for
-- another's.
INSERT INTO item_search_version (n) VALUES (floor(random() * 2 ^ 52)::bigint);

CREATE FUNCTION item_search_version_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('lentera.item_search_bumped', true), '') <> 'y' THEN
    UPDATE item_search_version SET n = n + 1;
    PERFORM set_config('lentera.item_search_bumped', 'y', true);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER item_search_version_bump
  AFTER INSERT OR UPDATE OR DELETE ON item_search
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION item_search_version_bump();
-- Bulk loads run as replica (bench/catalog-data.sql): the copy must hear of them too.
ALTER TABLE item_search ENABLE ALWAYS TRIGGER item_search_version_bump;

-- A TRUNCATE has no rows to fire for; it is rare enough to raise the number at once.
CREATE TRIGGER item_search_version_truncate
  AFTER TRUNCATE ON item_search
  FOR EACH STATEMENT EXECUTE FUNCTION item_search_version_bump();
ALTER TABLE item_search ENABLE ALWAYS TRIGGER item_search_version_truncate;

-- An edit that leaves the name and the searched text as they were (the description, the
-- stock of a PATCH) leaves item_search, and so the server's copy, alone.
DROP TRIGGER item_search_sync ON items;
CREATE TRIGGER item_search_sync
  AFTER INSERT ON items
  FOR EACH ROW EXECUTE FUNCTION item_search_sync();
CREATE TRIGGER item_search_sync_update
  AFTER UPDATE OF code, name, author, publisher, isbn, location ON items
  FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.search_text IS DISTINCT FROM NEW.search_text)
  EXECUTE FUNCTION item_search_sync();
ALTER TABLE items ENABLE ALWAYS TRIGGER item_search_sync;
ALTER TABLE items ENABLE ALWAYS TRIGGER item_search_sync_update;
