-- 0010_school_name.sql — what a receipt prints: the school's name, and who approved.
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

-- loan_json() (0004) plus the staff member who decided the loan, {id, username,
-- full_name} or null: the receipt says who approved it, the loan's timeline who approved
-- or rejected it. Kept apart from decided_by, which clients already read.
CREATE OR REPLACE FUNCTION loan_json(l loans) RETURNS jsonb
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
      'decider', (SELECT jsonb_build_object('id', d.id, 'username', d.username,
                                            'full_name', d.full_name)
                    FROM users AS d WHERE d.id = l.decided_by),
      'return', (SELECT return_json(r) FROM returns AS r WHERE r.loan_id = l.id),
      'complaint_id', (SELECT c.id FROM complaints AS c
                        WHERE c.loan_id = l.id AND c.is_system
                        ORDER BY c.created_at LIMIT 1))
      FROM items AS i, users AS u
     WHERE i.id = l.item_id AND u.id = l.user_id);
