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
-- or rejected it. Kept apart from decided_by, which clients already read. 0004's function
-- stays as it is under another name (only the server calls loan_json, by name).
ALTER FUNCTION loan_json(loans) RENAME TO loan_core_json;

CREATE FUNCTION loan_json(l loans) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN loan_core_json(l) || jsonb_build_object(
    'decider', (SELECT jsonb_build_object('id', d.id, 'username', d.username,
                                          'full_name', d.full_name)
                  FROM users AS d WHERE d.id = l.decided_by));
