-- 0014_school_address.sql — the school's address, under its name on receipts and member
-- cards.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- One or two lines (street, then town), trimmed of spaces, tabs and line breaks at both
-- ends, at most 200 characters; empty until the admin sets it. The server checks the same
-- (lp_validate_school_address) and answers 422 before this constraint is ever reached.

ALTER TABLE settings ADD COLUMN school_address text NOT NULL DEFAULT ''
  CONSTRAINT settings_school_address_check
    CHECK (school_address = btrim(school_address, E' \t\n')
           AND char_length(school_address) <= 200
           AND school_address NOT LIKE E'%\n%\n%');

-- settings_json() of 0010 plus school_address.
CREATE OR REPLACE FUNCTION settings_json(s settings) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'fine_per_day', round(s.fine_per_day)::bigint,
    'timezone', s.timezone,
    'max_loan_days', s.max_loan_days,
    'kiosk_idle_seconds', s.kiosk_idle_seconds,
    'school_name', s.school_name,
    'school_address', s.school_address,
    'updated_at', api_ts(s.updated_at));
