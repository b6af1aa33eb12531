-- 0005_events.sql — real-time change events (SPEC.md §8).
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Every committed change of an item, a loan or a complaint is announced on the channel
-- lentera_events, whichever server instance (or psql session) made it. Each instance
-- LISTENs on one connection and pushes the events to its WebSocket clients
-- (server/lp-events.c), so the fan-out across instances is PostgreSQL's.
--
-- The payload is compact JSON: {"type": "item.changed" | "loan.changed" |
-- "complaint.changed", "id": "<uuid>"} plus "user_id" (the loan's borrower or the
-- complaint's reporter, absent for system complaints) so that the server can route a
-- member's own events to that member only. Clients receive type and id, never user_id.
--
-- NOTIFY is transactional: the notifications are queued at COMMIT, dropped on ROLLBACK,
-- and identical ones within one transaction are sent once. A listener receives them in
-- commit order.

CREATE FUNCTION lentera_notify(kind text, id uuid, owner uuid) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_notify('lentera_events',
                   json_strip_nulls(json_build_object('type', kind, 'id', id, 'user_id', owner))::text)
$$;

CREATE FUNCTION items_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM lentera_notify('item.changed', OLD.id, NULL);
  ELSE
    PERFORM lentera_notify('item.changed', NEW.id, NULL);
  END IF;
  RETURN NULL;
END
$$;

-- A loan that changed hands (no endpoint does that) is announced to both borrowers.
CREATE FUNCTION loans_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM lentera_notify('loan.changed', OLD.id, OLD.user_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM lentera_notify('loan.changed', NEW.id, NEW.user_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION complaints_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM lentera_notify('complaint.changed', OLD.id, OLD.reporter_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM lentera_notify('complaint.changed', NEW.id, NEW.reporter_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER items_notify_change AFTER INSERT OR UPDATE OR DELETE ON items
  FOR EACH ROW EXECUTE FUNCTION items_notify_change();
CREATE TRIGGER loans_notify_change AFTER INSERT OR UPDATE OR DELETE ON loans
  FOR EACH ROW EXECUTE FUNCTION loans_notify_change();
CREATE TRIGGER complaints_notify_change AFTER INSERT OR UPDATE OR DELETE ON complaints
  FOR EACH ROW EXECUTE FUNCTION complaints_notify_change();
