-- 0001_schema.sql — the LenteraPustaka schema (SPEC.md §3).
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The server runs this file inside one transaction and records it in schema_migrations
-- itself, so there is no BEGIN/COMMIT here. Conventions:
-- * ids are uuid (gen_random_uuid() is core since PostgreSQL 13; pgcrypto is not needed).
-- * Enumerations are text with CHECK constraints holding the API's snake_case strings, so
--   the values read back are exactly what common/lp-enums.c parses, and adding a value is
--   a constraint swap instead of ALTER TYPE.
-- * Optional free text is NULL when absent, except descriptions, which are '' (NOT NULL).
-- * Constraints and indexes carry explicit names: the server maps SQLSTATEs to API errors
--   and may use the constraint name to say which field clashed.

CREATE EXTENSION IF NOT EXISTS btree_gist;  -- uuid in the GiST index over loan date ranges
CREATE EXTENSION IF NOT EXISTS pg_trgm;     -- ILIKE '%term%' catalog search

-- ---------------------------------------------------------------------------------------
-- Shared helpers
-- ---------------------------------------------------------------------------------------

-- Bumps updated_at on every UPDATE unless the statement changed updated_at itself (imports
-- and the demo data keep their historical times that way). Setting it to the value it
-- already has counts as not setting it.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END
$$;

-- True when PostgreSQL knows the time zone name (used by settings.timezone's CHECK, so a
-- bad value can never break next_loan_code() or library_today()).
CREATE FUNCTION is_valid_timezone(tz text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF tz IS NULL OR btrim(tz) = '' THEN
    RETURN false;
  END IF;
  PERFORM now() AT TIME ZONE tz;
  RETURN true;
EXCEPTION WHEN invalid_parameter_value THEN
  RETURN false;
END
$$;

-- ---------------------------------------------------------------------------------------
-- settings: exactly one row (id = 1)
-- ---------------------------------------------------------------------------------------

CREATE TABLE settings (
  id                 int           PRIMARY KEY DEFAULT 1
                     CONSTRAINT settings_single_row CHECK (id = 1),
  fine_per_day       numeric(12,2) NOT NULL DEFAULT 0
                     CONSTRAINT settings_fine_per_day_check CHECK (fine_per_day >= 0),
  timezone           text          NOT NULL DEFAULT 'Asia/Jakarta'
                     CONSTRAINT settings_timezone_check CHECK (is_valid_timezone(timezone)),
  max_loan_days      int           NOT NULL DEFAULT 14
                     CONSTRAINT settings_max_loan_days_check
                     CHECK (max_loan_days BETWEEN 1 AND 365),
  kiosk_idle_seconds int           NOT NULL DEFAULT 120
                     CONSTRAINT settings_kiosk_idle_seconds_check
                     CHECK (kiosk_idle_seconds BETWEEN 15 AND 3600),
  updated_at         timestamptz   NOT NULL DEFAULT now()
);

INSERT INTO settings (id) VALUES (1);

CREATE TRIGGER settings_set_updated_at BEFORE UPDATE ON settings
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The calendar date in the library's time zone (settings.timezone): "today" for start-date
-- validation, overdue detection and fines.
CREATE FUNCTION library_today() RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT (now() AT TIME ZONE coalesce((SELECT timezone FROM settings WHERE id = 1),
                                      'Asia/Jakarta'))::date
$$;

-- ---------------------------------------------------------------------------------------
-- users, sessions, login_attempts
-- ---------------------------------------------------------------------------------------

CREATE TABLE users (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  username      text        NOT NULL
                CONSTRAINT users_username_key UNIQUE
                CONSTRAINT users_username_check CHECK (username ~ '^[a-z0-9._-]{3,32}$'),
  password_hash text        NOT NULL
                            CONSTRAINT users_password_hash_check CHECK (password_hash <> ''),
  role          text        NOT NULL DEFAULT 'member'
                CONSTRAINT users_role_check CHECK (role IN ('admin', 'staff', 'member')),
  full_name     text        NOT NULL
                            CONSTRAINT users_full_name_check CHECK (btrim(full_name) <> ''),
  -- Absent email is NULL, never '' (the unique index below would make '' clash).
  email         text        CONSTRAINT users_email_check
                            CHECK (email IS NULL OR email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  active        boolean     NOT NULL DEFAULT false,   -- self-registered members wait for staff
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE INDEX users_role_idx ON users (role);

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Bearer tokens are stored only as their SHA-256 (32 bytes); the token itself never
-- reaches the database.
CREATE TABLE sessions (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash  bytea       NOT NULL CONSTRAINT sessions_token_hash_key UNIQUE
              CONSTRAINT sessions_token_hash_check CHECK (octet_length(token_hash) = 32),
  user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  ip_address  inet,
  user_agent  text
);

CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);   -- purging old sessions

-- Login throttling. No foreign key: failed attempts name users that may not exist.
CREATE TABLE login_attempts (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  username    text,
  ip_address  inet,
  succeeded   boolean     NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX login_attempts_username_created_at_idx ON login_attempts (username, created_at);
CREATE INDEX login_attempts_ip_address_created_at_idx ON login_attempts (ip_address, created_at);

-- ---------------------------------------------------------------------------------------
-- categories, items
-- ---------------------------------------------------------------------------------------

CREATE TABLE categories (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text        NOT NULL CONSTRAINT categories_name_check CHECK (btrim(name) <> ''),
  description text        NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX categories_name_lower_key ON categories (lower(name));
CREATE INDEX categories_name_idx ON categories (name, id);

CREATE TRIGGER categories_set_updated_at BEFORE UPDATE ON categories
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE items (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  code            text        NOT NULL CONSTRAINT items_code_check CHECK (btrim(code) <> ''),
  name            text        NOT NULL CONSTRAINT items_name_check CHECK (btrim(name) <> ''),
  category_id     uuid        NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
  location        text        NOT NULL DEFAULT '',
  stock_total     int         NOT NULL,
  stock_available int         NOT NULL,
  condition       text        NOT NULL DEFAULT 'good'
                  CONSTRAINT items_condition_check
                  CHECK (condition IN ('good', 'minor_damage', 'major_damage', 'lost')),
  status          text        NOT NULL DEFAULT 'available'
                  CONSTRAINT items_status_check
                  CHECK (status IN ('available', 'needs_maintenance', 'maintenance',
                                    'unavailable')),
  description     text        NOT NULL DEFAULT '',
  -- Book fields; NULL for equipment.
  author          text,
  publisher       text,
  year            int         CONSTRAINT items_year_check CHECK (year BETWEEN 1000 AND 2100),
  isbn            text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  -- What ?q= searches, in one column so one trigram index serves every field. Generated
  -- (STORED) rather than an expression index so queries cannot drift from the indexed
  -- expression: search with  WHERE search_text ILIKE '%' || $1 || '%'  (escape % and _
  -- in the user's term). Do not SELECT it into API objects.
  search_text     text        GENERATED ALWAYS AS (
                    code || ' ' || name
                    || ' ' || coalesce(author, '')
                    || ' ' || coalesce(publisher, '')
                    || ' ' || coalesce(isbn, '')
                    || ' ' || location
                  ) STORED,
  -- SPEC §3: 0 ≤ stock_available ≤ stock_total (which also keeps stock_total ≥ 0).
  CONSTRAINT items_stock_invariant CHECK (0 <= stock_available AND stock_available <= stock_total)
)
-- Every approval and return rewrites the row's stock_available, which no index covers:
-- leave room on each page so those updates stay HOT (no index maintenance).
WITH (fillfactor = 90);

-- Codes are unique ignoring case ("bk-0001" and "BK-0001" are the same label); look a
-- code up with  upper(code) = upper($1)  to use this index.
CREATE UNIQUE INDEX items_code_upper_key ON items (upper(code));
CREATE INDEX items_search_text_trgm_idx ON items USING gin (search_text gin_trgm_ops);
CREATE INDEX items_category_id_idx ON items (category_id);
CREATE INDEX items_status_idx ON items (status);
CREATE INDEX items_condition_idx ON items (condition);
CREATE INDEX items_name_id_idx ON items (name, id);   -- stable keyset/offset paging

CREATE TRIGGER items_set_updated_at BEFORE UPDATE ON items
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------------------
-- loans
-- ---------------------------------------------------------------------------------------

-- Loan codes are LP-YYYY-NNNNNN: the year the loan was requested (library time zone) and
-- a number from one sequence that never restarts, so a code is unique on its own and
-- the year is only a readable hint. More than 999999 loans widen the number.
CREATE SEQUENCE loan_code_seq;

CREATE FUNCTION next_loan_code() RETURNS text
LANGUAGE sql VOLATILE AS $$
  SELECT 'LP-'
         || to_char(now() AT TIME ZONE coalesce((SELECT timezone FROM settings WHERE id = 1),
                                                'Asia/Jakarta'), 'YYYY')
         || '-'
         || lpad(n::text, greatest(6, length(n::text)), '0')
    FROM (SELECT nextval('loan_code_seq') AS n) AS s
$$;

CREATE TABLE loans (
  id              uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  code            text          NOT NULL DEFAULT next_loan_code()
                  CONSTRAINT loans_code_key UNIQUE
                  CONSTRAINT loans_code_check CHECK (code ~ '^LP-[0-9]{4}-[0-9]{6,}$'),
  user_id         uuid          NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  item_id         uuid          NOT NULL REFERENCES items (id) ON DELETE RESTRICT,
  quantity        int           NOT NULL CONSTRAINT loans_quantity_check CHECK (quantity >= 1),
  start_date      date          NOT NULL,
  due_date        date          NOT NULL,
  purpose         text          NOT NULL
                                CONSTRAINT loans_purpose_check CHECK (btrim(purpose) <> ''),
  status          text          NOT NULL DEFAULT 'pending'
                  CONSTRAINT loans_status_check
                  CHECK (status IN ('pending', 'approved', 'borrowed', 'returned',
                                    'rejected', 'cancelled', 'overdue')),
  decided_by      uuid          REFERENCES users (id) ON DELETE SET NULL,
  decided_at      timestamptz,
  decision_reason text,
  handed_over_at  timestamptz,
  returned_at     timestamptz,
  fine            numeric(12,2) NOT NULL DEFAULT 0 CONSTRAINT loans_fine_check CHECK (fine >= 0),
  created_at      timestamptz   NOT NULL DEFAULT now(),
  updated_at      timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT loans_dates_check CHECK (due_date >= start_date),
  CONSTRAINT loans_returned_at_check CHECK (status <> 'returned' OR returned_at IS NOT NULL)
);

CREATE INDEX loans_item_id_status_idx ON loans (item_id, status);
CREATE INDEX loans_user_id_created_at_idx ON loans (user_id, created_at);
CREATE INDEX loans_status_idx ON loans (status);
CREATE INDEX loans_dates_idx ON loans (start_date, due_date);
CREATE INDEX loans_decided_by_idx ON loans (decided_by) WHERE decided_by IS NOT NULL;
-- The loans that hold units (SPEC §4 double booking), by item and inclusive date range.
-- Partial, so the years of returned/rejected history do not slow the check down. A query
-- uses it when it repeats the predicate and the range expression, as item_free_units does.
CREATE INDEX loans_active_item_range_idx ON loans
  USING gist (item_id, daterange(start_date, due_date, '[]'))
  WHERE status IN ('approved', 'borrowed', 'overdue');

CREATE TRIGGER loans_set_updated_at BEFORE UPDATE ON loans
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- THE double-booking computation (SPEC §4): for each day of [p_from, p_to], the item's
-- stock_total minus the quantities of its approved, borrowed and overdue loans whose
-- [start_date, due_date] contains that day. A request of q units fits when free >= q on
-- every day. No rows for an unknown item or when p_to < p_from; the caller limits the
-- span. Concurrency is the caller's job: lock the item first
-- (SELECT … FROM items WHERE id = $1 FOR UPDATE), then call this, then write the loan.
-- Note: an overdue loan only counts up to its due_date here; the unit it still holds is
-- visible in items.stock_available, which approval checks as well.
CREATE FUNCTION item_free_units(p_item uuid, p_from date, p_to date)
RETURNS TABLE (day date, free int)
LANGUAGE sql STABLE AS $$
  WITH active AS MATERIALIZED (
    SELECT l.start_date, l.due_date, l.quantity
      FROM loans AS l
     WHERE l.item_id = p_item
       AND l.status IN ('approved', 'borrowed', 'overdue')
       AND daterange(l.start_date, l.due_date, '[]') && daterange(p_from, p_to, '[]')
  )
  SELECT p_from + g.n,
         (i.stock_total - coalesce((SELECT sum(a.quantity)
                                      FROM active AS a
                                     WHERE a.start_date <= p_from + g.n
                                       AND a.due_date >= p_from + g.n), 0))::int
    FROM items AS i
   CROSS JOIN generate_series(0, p_to - p_from) AS g (n)
   WHERE i.id = p_item
   ORDER BY g.n
$$;

-- ---------------------------------------------------------------------------------------
-- returns, item_condition_events
-- ---------------------------------------------------------------------------------------

CREATE TABLE returns (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  loan_id            uuid        NOT NULL CONSTRAINT returns_loan_id_key UNIQUE
                                 REFERENCES loans (id) ON DELETE RESTRICT,
  returned_at        timestamptz NOT NULL DEFAULT now(),
  condition          text        NOT NULL
                     CONSTRAINT returns_condition_check
                     CHECK (condition IN ('good', 'minor_damage', 'major_damage', 'lost')),
  damage_description text,
  damage_category    text
                     CONSTRAINT returns_damage_category_check
                     CHECK (damage_category IN ('physical', 'electrical', 'missing_parts',
                                                'software', 'other')),
  staff_notes        text,
  inspected_by       uuid        REFERENCES users (id) ON DELETE SET NULL,
  created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX returns_returned_at_idx ON returns (returned_at);
CREATE INDEX returns_condition_idx ON returns (condition);
CREATE INDEX returns_inspected_by_idx ON returns (inspected_by) WHERE inspected_by IS NOT NULL;

-- Every condition change of an item (SPEC §3). item_id is ON DELETE RESTRICT, not
-- CASCADE: the maintenance history must not vanish with a delete, so an item with history
-- cannot be deleted (the API answers 409 in_use, as it does for items with loans).
CREATE TABLE item_condition_events (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id         uuid        NOT NULL REFERENCES items (id) ON DELETE RESTRICT,
  loan_id         uuid        REFERENCES loans (id) ON DELETE RESTRICT,
  source          text        NOT NULL
                  CONSTRAINT item_condition_events_source_check
                  CHECK (source IN ('return', 'admin_edit', 'repair')),
  condition_from  text        NOT NULL
                  CONSTRAINT item_condition_events_condition_from_check
                  CHECK (condition_from IN ('good', 'minor_damage', 'major_damage', 'lost')),
  condition_to    text        NOT NULL
                  CONSTRAINT item_condition_events_condition_to_check
                  CHECK (condition_to IN ('good', 'minor_damage', 'major_damage', 'lost')),
  note            text,
  reported_by     uuid        REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  resolved_at     timestamptz,
  resolved_by     uuid        REFERENCES users (id) ON DELETE SET NULL,
  resolution_note text,
  CONSTRAINT item_condition_events_resolved_check
    CHECK (resolved_at IS NULL OR resolved_at >= created_at)
);

CREATE INDEX item_condition_events_item_id_created_at_idx
  ON item_condition_events (item_id, created_at DESC);
CREATE INDEX item_condition_events_unresolved_idx
  ON item_condition_events (item_id) WHERE resolved_at IS NULL;
CREATE INDEX item_condition_events_created_at_idx ON item_condition_events (created_at);
CREATE INDEX item_condition_events_loan_id_idx
  ON item_condition_events (loan_id) WHERE loan_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------
-- complaints, complaint_notes
-- ---------------------------------------------------------------------------------------

CREATE TABLE complaints (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  title       text        NOT NULL CONSTRAINT complaints_title_check CHECK (btrim(title) <> ''),
  description text        NOT NULL DEFAULT '',
  location    text        NOT NULL DEFAULT '',
  category_id uuid        REFERENCES categories (id) ON DELETE RESTRICT,
  item_id     uuid        REFERENCES items (id) ON DELETE RESTRICT,
  -- NULL only for complaints the system opens itself (a return recorded as lost); a
  -- person's complaint keeps its reporter, so users with complaints cannot be deleted.
  reporter_id uuid        REFERENCES users (id) ON DELETE RESTRICT,
  is_system   boolean     NOT NULL DEFAULT false,
  loan_id     uuid        REFERENCES loans (id) ON DELETE RESTRICT,
  status      text        NOT NULL DEFAULT 'waiting'
              CONSTRAINT complaints_status_check
              CHECK (status IN ('waiting', 'in_progress', 'done', 'closed')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT complaints_reporter_check CHECK (is_system OR reporter_id IS NOT NULL)
);

CREATE INDEX complaints_status_idx ON complaints (status);
CREATE INDEX complaints_reporter_id_idx ON complaints (reporter_id);
CREATE INDEX complaints_created_at_idx ON complaints (created_at);
CREATE INDEX complaints_item_id_idx ON complaints (item_id) WHERE item_id IS NOT NULL;
CREATE INDEX complaints_loan_id_idx ON complaints (loan_id) WHERE loan_id IS NOT NULL;

CREATE TRIGGER complaints_set_updated_at BEFORE UPDATE ON complaints
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- A note, and every status change as a note (status_from/status_to set, text may be '').
CREATE TABLE complaint_notes (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id uuid        NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  author_id    uuid        REFERENCES users (id) ON DELETE SET NULL,
  text         text        NOT NULL DEFAULT '',
  status_from  text        CONSTRAINT complaint_notes_status_from_check
                           CHECK (status_from IN ('waiting', 'in_progress', 'done', 'closed')),
  status_to    text        CONSTRAINT complaint_notes_status_to_check
                           CHECK (status_to IN ('waiting', 'in_progress', 'done', 'closed')),
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX complaint_notes_complaint_id_created_at_idx
  ON complaint_notes (complaint_id, created_at);
CREATE INDEX complaint_notes_author_id_idx
  ON complaint_notes (author_id) WHERE author_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------
-- attachments and their links
-- ---------------------------------------------------------------------------------------

CREATE TABLE attachments (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  uploader_id  uuid        REFERENCES users (id) ON DELETE SET NULL,
  content_type text        NOT NULL
               CONSTRAINT attachments_content_type_check
               CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  size         int         NOT NULL
                           CONSTRAINT attachments_size_check CHECK (size > 0 AND size <= 5242880),
  data         bytea       NOT NULL,
  sha256       bytea       CONSTRAINT attachments_sha256_check CHECK (octet_length(sha256) = 32),
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT attachments_data_size_check CHECK (octet_length(data) = size)
);

-- Photos are already compressed: store them out of line without another compression try.
ALTER TABLE attachments ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE INDEX attachments_uploader_id_idx ON attachments (uploader_id);

-- An attachment belongs to at most one return and at most one complaint. Deleting the
-- owner drops the link; an attachment still linked cannot be deleted.
CREATE TABLE return_attachments (
  return_id     uuid NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
  attachment_id uuid NOT NULL REFERENCES attachments (id) ON DELETE RESTRICT,
  PRIMARY KEY (return_id, attachment_id),
  CONSTRAINT return_attachments_attachment_id_key UNIQUE (attachment_id)
);

CREATE TABLE complaint_attachments (
  complaint_id  uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  attachment_id uuid NOT NULL REFERENCES attachments (id) ON DELETE RESTRICT,
  PRIMARY KEY (complaint_id, attachment_id),
  CONSTRAINT complaint_attachments_attachment_id_key UNIQUE (attachment_id)
);

-- ---------------------------------------------------------------------------------------
-- activity_log (append-only)
-- ---------------------------------------------------------------------------------------

-- bigint identity rather than uuid: insertion order is the natural order of an audit
-- trail and the key stays small. user_id is ON DELETE SET NULL (SPEC §3 deviation from
-- the ERD) and username is a snapshot, so the trail survives deleting a user.
CREATE TABLE activity_log (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     uuid        REFERENCES users (id) ON DELETE SET NULL,
  username    text,
  action      text        NOT NULL CONSTRAINT activity_log_action_check CHECK (action <> ''),
  table_name  text,
  record_id   text,
  old_data    jsonb,
  new_data    jsonb,
  ip_address  inet,
  user_agent  text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX activity_log_user_id_idx ON activity_log (user_id);
CREATE INDEX activity_log_table_name_idx ON activity_log (table_name, record_id);
CREATE INDEX activity_log_created_at_idx ON activity_log (created_at, id);
CREATE INDEX activity_log_action_idx ON activity_log (action);

-- Refuses UPDATE, DELETE and TRUNCATE with SQLSTATE 42501 (insufficient_privilege; the
-- server maps it to 403 forbidden). The one UPDATE let through is the foreign key's own
-- ON DELETE SET NULL: user_id becomes NULL, every other column is unchanged, and the
-- user it named no longer exists (the deleted row is already invisible to this check).
CREATE FUNCTION activity_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.user_id IS NOT NULL AND NEW.user_id IS NULL
     AND (to_jsonb(NEW) - 'user_id') = (to_jsonb(OLD) - 'user_id')
     AND NOT EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'activity_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER activity_log_append_only BEFORE UPDATE OR DELETE ON activity_log
  FOR EACH ROW EXECUTE FUNCTION activity_log_refuse_change();
CREATE TRIGGER activity_log_no_truncate BEFORE TRUNCATE ON activity_log
  FOR EACH STATEMENT EXECUTE FUNCTION activity_log_refuse_change();
