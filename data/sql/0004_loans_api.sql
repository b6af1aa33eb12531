-- 0004_loans_api.sql — how the API shows loans, returns, attachments and settings, and
-- the data side of the double-booking rule. The rules themselves are in server/lp-loans.c.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later

-- The status a reader sees. A loan still out after its due date in the library's time
-- zone is overdue (SPEC §4) from the first moment, even before the server's periodic job
-- has stored that; the job only catches the table up.
CREATE FUNCTION loan_status_on(status text, due_date date, today date) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN status = 'borrowed' AND due_date < today THEN 'overdue' ELSE status END;

CREATE FUNCTION return_json(r returns) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'id', r.id,
    'loan_id', r.loan_id,
    'returned_at', api_ts(r.returned_at),
    'condition', r.condition,
    'damage_description', r.damage_description,
    'damage_category', r.damage_category,
    'staff_notes', r.staff_notes,
    'inspected_by', r.inspected_by,
    'attachment_ids', coalesce((SELECT jsonb_agg(ra.attachment_id ORDER BY ra.attachment_id)
                                  FROM return_attachments AS ra
                                 WHERE ra.return_id = r.id), '[]'::jsonb),
    'created_at', api_ts(r.created_at));

-- A loan with its item {id, code, name}, its borrower {id, username, full_name}, its
-- return record (or null) and, for a unit lost at return, the complaint opened for it.
-- fine is in whole currency units (settings.fine_per_day is whole too).
CREATE FUNCTION loan_json(l loans) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN (
    SELECT jsonb_build_object(
      'id', l.id,
      'code', l.code,
      'user_id', l.user_id,
      'item_id', l.item_id,
      'quantity', l.quantity,
      'start_date', l.start_date,
      'due_date', l.due_date,
      'purpose', l.purpose,
      'status', loan_status_on(l.status, l.due_date, library_today()),
      'decided_by', l.decided_by,
      'decided_at', api_ts(l.decided_at),
      'decision_reason', l.decision_reason,
      'handed_over_at', api_ts(l.handed_over_at),
      'returned_at', api_ts(l.returned_at),
      'fine', round(l.fine)::bigint,
      'created_at', api_ts(l.created_at),
      'updated_at', api_ts(l.updated_at),
      'item', jsonb_build_object('id', i.id, 'code', i.code, 'name', i.name),
      'user', jsonb_build_object('id', u.id, 'username', u.username, 'full_name', u.full_name),
      'return', (SELECT return_json(r) FROM returns AS r WHERE r.loan_id = l.id),
      'complaint_id', (SELECT c.id FROM complaints AS c
                        WHERE c.loan_id = l.id AND c.is_system
                        ORDER BY c.created_at LIMIT 1))
      FROM items AS i, users AS u
     WHERE i.id = l.item_id AND u.id = l.user_id);

-- The days of [p_from, p_to] on which p_quantity more units of the item do not fit
-- (item_free_units, SPEC §4), as the API's error member "conflicts":
-- [{"date": "2026-01-10", "free": 0}, …]. NULL when they fit on every day. Lock the item
-- row first, as item_free_units says.
CREATE FUNCTION loan_conflicts(p_item uuid, p_from date, p_to date, p_quantity int)
RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN (
    SELECT jsonb_agg(jsonb_build_object('date', f.day, 'free', greatest(f.free, 0))
                     ORDER BY f.day)
      FROM item_free_units(p_item, p_from, p_to) AS f
     WHERE f.free < p_quantity);

-- Return history rows carry the loan, item and borrower they belong to.
CREATE FUNCTION return_list_json(r returns, l loans, i items, u users) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN return_json(r) || jsonb_build_object(
    'loan', jsonb_build_object('id', l.id, 'code', l.code, 'quantity', l.quantity,
                               'start_date', l.start_date, 'due_date', l.due_date,
                               'fine', round(l.fine)::bigint),
    'item', jsonb_build_object('id', i.id, 'code', i.code, 'name', i.name),
    'user', jsonb_build_object('id', u.id, 'username', u.username, 'full_name', u.full_name));

CREATE FUNCTION attachment_json(a attachments) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'id', a.id,
    'content_type', a.content_type,
    'size', a.size,
    'uploader_id', a.uploader_id,
    'created_at', api_ts(a.created_at));

CREATE FUNCTION settings_json(s settings) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'fine_per_day', round(s.fine_per_day)::bigint,
    'timezone', s.timezone,
    'max_loan_days', s.max_loan_days,
    'kiosk_idle_seconds', s.kiosk_idle_seconds,
    'updated_at', api_ts(s.updated_at));

-- GET /loans?item_id= newest first, and the periodic overdue job (server/lp-loans.c).
CREATE INDEX loans_item_id_created_at_idx ON loans (item_id, created_at);
CREATE INDEX loans_borrowed_due_date_idx ON loans (due_date) WHERE status = 'borrowed';
