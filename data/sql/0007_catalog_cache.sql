-- 0007_catalog_cache.sql — tells every server instance that the catalog changed.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Each instance keeps whole catalog replies (GET /items, /items/{id}, /categories …)
-- until the catalog changes (server/lp-reply-cache.h). The catalog is the items and
-- their categories; any statement that may change either queues a NOTIFY on
-- lentera_catalog with an empty payload, which every instance's listener hears at
-- COMMIT (and nobody on ROLLBACK). Identical notifications of one transaction are sent
-- once, so a transaction costs one message however many rows it touched.
--
-- BEFORE STATEMENT, not AFTER: statement triggers that run first queue their
-- notification before the row triggers' item.changed events (0005_events.sql), and a
-- listener receives notifications in the order they were queued. So an instance drops
-- its kept replies before it forwards the events, and a client that reloads an item on
-- its event never gets the reply from before the change. TRUNCATE is covered too.

CREATE FUNCTION catalog_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lentera_catalog', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER items_catalog_changed
  BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON items
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_change();
CREATE TRIGGER categories_catalog_changed
  BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify_change();
