-- 0007_catalog_cache.sql — tells every server instance what in the catalog changed.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Each instance keeps whole catalog replies (GET /items, /categories …)
-- until the catalog changes (server/lp-reply-cache.h). The catalog is the items and
-- their categories. A change is announced two ways, with the same words:
--   - NOTIFY lentera_catalog, which every instance's listener hears at COMMIT (and
--     nobody on ROLLBACK; identical notifications of one transaction are sent once);
--   - the transaction-local setting lentera.catalog_changes, which the instance that
--     runs the transaction reads before it commits, so that it can drop its own stale
--     replies before the writer hears back.
-- The words: '*' — anything may have changed; an item's id — only that item's stock
-- (stock_available, stock_total) changed, as at every approval, hand-over and return.
-- A reply that does not show that item, and does not filter on what the stock decides
-- (borrowable), is still right then and is kept.
--
-- BEFORE triggers, not AFTER: they queue their notification before the row triggers'
-- item.changed events (0005_events.sql), and a listener receives notifications in the
-- order they were queued. So an instance drops its kept replies before it forwards the
-- events, and a client that reloads an item on its event never gets the old reply.

CREATE FUNCTION catalog_changed(what text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  so_far text := coalesce(current_setting('lentera.catalog_changes', true), '');
BEGIN
  PERFORM pg_notify('lentera_catalog', what);
  -- Past 32 items the instance would drop everything anyway.
  IF so_far = '*' OR what = '*' OR length(so_far) > 32 * 37 THEN
    PERFORM set_config('lentera.catalog_changes', '*', true);
  ELSIF position(what IN so_far) = 0 THEN
    PERFORM set_config('lentera.catalog_changes', ltrim(so_far || ' ' || what), true);
  END IF;
END
$$;

CREATE FUNCTION catalog_statement_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_changed('*');
  RETURN NULL;
END
$$;

-- search_text is generated, so still NULL in NEW here; it follows the columns compared.
CREATE FUNCTION items_catalog_row_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  stock CONSTANT text[] := ARRAY['stock_available', 'stock_total', 'updated_at', 'search_text'];
BEGIN
  IF to_jsonb(OLD) - stock = to_jsonb(NEW) - stock THEN
    PERFORM catalog_changed(NEW.id::text);
  ELSE
    PERFORM catalog_changed('*');
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER items_catalog_changed
  BEFORE INSERT OR DELETE OR TRUNCATE ON items
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_statement_changed();
CREATE TRIGGER items_catalog_row_changed
  BEFORE UPDATE ON items
  FOR EACH ROW EXECUTE FUNCTION items_catalog_row_changed();
CREATE TRIGGER categories_catalog_changed
  BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_statement_changed();
