-- 0010_school_name.sql — the school's name, printed on receipts, member cards and labels.
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
