-- 0010_school_name.sql — what the desk reads: the school's name on receipts, who
-- decided a loan, and whether a pending request still fits.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A receipt the member takes home says whose library lent the item. One line of text,
-- trimmed, at most 120 characters (what fits the head of an 80 mm thermal receipt in two
-- lines); empty until the admin sets it.

ALTER TABLE settings ADD COLUMN school_name text NOT NULL DEFAULT ''
  CONSTRAINT settings_school_name_check
    CHECK (school_name = btrim(school_name) AND char_length(school_name) <= 120);

CREATE OR REPLACE FUNCTION settings_json(s settings) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'fine_per_day', round(s.fine_per_day)::bigint,
    'timezone', s.timezone,
    'max_loan_days', s.max_loan_days,
    'kiosk_idle_seconds', s.kiosk_idle_seconds,
    'school_name', s.school_name,
    'updated_at', api_ts(s.updated_at));

-- loan_json() (0004) plus
-- - decider: the staff member who decided the loan, {id, username, full_name} or null:
--   the receipt says who approved it, the loan's timeline who approved or rejected it
--   (decided_by, the bare id, stays for the clients that read it);
-- - conflicts, for a pending request only: the days its quantity no longer fits beside
--   the loans approved since it was made, [{"date", "free"}] as in a 409 overbooked, or
--   [] when it still fits — the desk sees it before pressing Approve. null otherwise.
-- 0004's function stays as it is under another name (only the server calls loan_json,
-- by name).
ALTER FUNCTION loan_json(loans) RENAME TO loan_core_json;

CREATE FUNCTION loan_json(l loans) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN loan_core_json(l) || jsonb_build_object(
    'decider', (SELECT jsonb_build_object('id', d.id, 'username', d.username,
                                          'full_name', d.full_name)
                  FROM users AS d WHERE d.id = l.decided_by),
    'conflicts', CASE WHEN l.status = 'pending'
                      THEN coalesce(loan_conflicts(l.item_id, l.start_date, l.due_date,
                                                   l.quantity), '[]'::jsonb) END);

-- The report renders its loans itself (0006, for speed) and must show each as GET
-- /loans/{id} does: the same two members, from the same lookups.
CREATE OR REPLACE FUNCTION loan_report_json(l loans, i items, c categories, u users, r returns,
                                            p_return_photos json, p_complaint uuid,
                                            p_status text)
RETURNS json
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN json_build_object(
    'id', l.id,
    'code', l.code,
    'user_id', l.user_id,
    'item_id', l.item_id,
    'quantity', l.quantity,
    'start_date', l.start_date,
    'due_date', l.due_date,
    'purpose', l.purpose,
    'status', p_status,
    'decided_by', l.decided_by,
    'decider', (SELECT json_build_object('id', d.id, 'username', d.username,
                                         'full_name', d.full_name)
                  FROM users AS d WHERE d.id = l.decided_by),
    'decided_at', api_ts(l.decided_at),
    'decision_reason', l.decision_reason,
    'handed_over_at', api_ts(l.handed_over_at),
    'returned_at', api_ts(l.returned_at),
    'fine', round(l.fine)::bigint,
    'created_at', api_ts(l.created_at),
    'updated_at', api_ts(l.updated_at),
    'item', json_build_object('id', i.id, 'code', i.code, 'name', i.name),
    'category', json_build_object('id', c.id, 'name', c.name),
    'user', json_build_object('id', u.id, 'username', u.username, 'full_name', u.full_name),
    'return', CASE WHEN r.id IS NOT NULL THEN json_build_object(
                'id', r.id,
                'loan_id', r.loan_id,
                'returned_at', api_ts(r.returned_at),
                'condition', r.condition,
                'damage_description', r.damage_description,
                'damage_category', r.damage_category,
                'staff_notes', r.staff_notes,
                'inspected_by', r.inspected_by,
                'attachment_ids', coalesce(p_return_photos, '[]'::json),
                'created_at', api_ts(r.created_at)) END,
    'complaint_id', p_complaint,
    'conflicts', CASE WHEN l.status = 'pending'
                      THEN coalesce(loan_conflicts(l.item_id, l.start_date, l.due_date,
                                                   l.quantity), '[]'::jsonb)::json END);
