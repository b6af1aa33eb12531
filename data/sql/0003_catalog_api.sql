-- 0003_catalog_api.sql — how the API shows categories, items and their condition history.
-- The rules of the catalog are in server/lp-categories.c and server/lp-items.c.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Whether a member can ask for the item now (SPEC §4, seed 002 §3): a lendable status and
-- a unit on the shelf. The same rule as lp_item_status_is_lendable() in common/, written
-- as an inlinable function so the ?borrowable= filter stays a plain WHERE clause.
CREATE FUNCTION item_is_borrowable(status text, stock_available int) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN status IN ('available', 'needs_maintenance') AND stock_available > 0;

CREATE FUNCTION category_json(c categories) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'id', c.id,
    'name', c.name,
    'description', c.description,
    'created_at', api_ts(c.created_at),
    'updated_at', api_ts(c.updated_at));

-- A category as an item carries it.
CREATE FUNCTION category_ref_json(p_category uuid) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN (SELECT jsonb_build_object('id', c.id, 'name', c.name)
            FROM categories AS c
           WHERE c.id = p_category);

-- Every field of SPEC §3 except search_text, with the category {id, name} embedded so a
-- catalog row needs no second request. The category comes from a function rather than a
-- sub-select written here: a body without sub-selects is inlined into the calling query,
-- which makes a catalog page about twice as fast to render.
CREATE FUNCTION item_json(i items) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'id', i.id,
    'code', i.code,
    'name', i.name,
    'category_id', i.category_id,
    'category', category_ref_json(i.category_id),
    'location', i.location,
    'stock_total', i.stock_total,
    'stock_available', i.stock_available,
    'condition', i.condition,
    'status', i.status,
    'borrowable', item_is_borrowable(i.status, i.stock_available),
    'description', i.description,
    'author', i.author,
    'publisher', i.publisher,
    'year', i.year,
    'isbn', i.isbn,
    'created_at', api_ts(i.created_at),
    'updated_at', api_ts(i.updated_at));

-- A person as an event shows them; NULL for nobody (or a deleted account).
CREATE FUNCTION user_ref_json(p_user uuid) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN (SELECT jsonb_build_object('id', u.id, 'username', u.username,
                                    'full_name', u.full_name)
            FROM users AS u
           WHERE u.id = p_user);

-- One row of an item's maintenance history (GET /items/{id}/history).
CREATE FUNCTION item_condition_event_json(e item_condition_events) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'id', e.id,
    'item_id', e.item_id,
    'loan_id', e.loan_id,
    'loan_code', (SELECT l.code FROM loans AS l WHERE l.id = e.loan_id),
    'source', e.source,
    'condition_from', e.condition_from,
    'condition_to', e.condition_to,
    'note', e.note,
    'reported_by', user_ref_json(e.reported_by),
    'created_at', api_ts(e.created_at),
    'resolved', e.resolved_at IS NOT NULL,
    'resolved_at', api_ts(e.resolved_at),
    'resolved_by', user_ref_json(e.resolved_by),
    'resolution_note', e.resolution_note);

-- Catalog lists are sorted by (name, id) and filtered by category: this index serves a
-- category page in order without a sort. items_category_id_idx (0001) stays for the
-- foreign key checks of category deletes.
CREATE INDEX items_category_id_name_id_idx ON items (category_id, name, id);
