-- 0012_items_import.sql — a CSV import (POST /items/import) writes thousands of items in
-- one transaction, announced as one change rather than one per row.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Per row, 0005's trigger would queue an item.changed event for every imported item:
-- ten thousand messages to each connected client, past the backlog after which the
-- server closes a client that lags (LP_EVENTS_MAX_BACKLOG), and useless for the items a
-- client has never seen. 0007's row trigger would work out, per updated row, what the
-- reply cache may keep. A bulk write sets lentera.bulk_items to 'on' for its transaction
-- instead: both row triggers step aside, and the import announces the whole catalog as
-- changed (catalog_changed('*')) and {"type": "resync"} on lentera_events, which every
-- instance passes on to every client: reload what you show. Every other write is
-- announced as before.

CREATE OR REPLACE FUNCTION items_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('lentera.bulk_items', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM lentera_notify('item.changed', OLD.id, NULL);
  ELSE
    PERFORM lentera_notify('item.changed', NEW.id, NULL);
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION items_catalog_row_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  stock CONSTANT text[] := ARRAY['stock_available', 'stock_total', 'updated_at', 'search_text'];
BEGIN
  IF current_setting('lentera.bulk_items', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF to_jsonb(OLD) - stock = to_jsonb(NEW) - stock THEN
    PERFORM catalog_changed(NEW.id::text);
  ELSE
    PERFORM catalog_changed('*');
  END IF;
  RETURN NEW;
END
$$;

-- Starts a bulk write of items in the current transaction; its end is announced by
-- items_bulk_end().
CREATE FUNCTION items_bulk_begin() RETURNS void
LANGUAGE sql AS $$
  SELECT set_config('lentera.bulk_items', 'on', true)
$$;

-- The bulk write is done: the whole catalog changed, and every client should reload.
-- Queued in this order, so each instance drops its kept replies before it passes the
-- resync on, and a client reloading on it never gets an old reply (as 0007 wants).
CREATE FUNCTION items_bulk_end() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('lentera.bulk_items', 'off', true);
  PERFORM catalog_changed('*');
  PERFORM pg_notify('lentera_events', '{"type":"resync"}');
END
$$;
