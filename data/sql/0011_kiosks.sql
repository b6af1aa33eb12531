-- 0011_kiosks.sql — self-service kiosks: registered stations where members sign in with
-- their own card.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- An admin registers a kiosk and gets its device key once; the station keeps it and
-- sends it with every login. Like tokens, only the key's SHA-256 is stored. A login that
-- carries a valid key makes a kiosk session: members only, short-lived, and ended when
-- the kiosk is revoked. Revoked kiosks stay, so that the activity log and old sessions
-- still name them.

CREATE TABLE kiosks (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text        NOT NULL
                CONSTRAINT kiosks_name_check
                  CHECK (name = btrim(name) AND char_length(name) BETWEEN 1 AND 100),
  location      text        NOT NULL DEFAULT ''
                CONSTRAINT kiosks_location_check
                  CHECK (location = btrim(location) AND char_length(location) <= 200),
  key_hash      bytea       NOT NULL CONSTRAINT kiosks_key_hash_key UNIQUE
                CONSTRAINT kiosks_key_hash_check CHECK (octet_length(key_hash) = 32),
  created_by    uuid        REFERENCES users (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  revoked_at    timestamptz
);

ALTER TABLE sessions ADD COLUMN kiosk_id uuid REFERENCES kiosks (id) ON DELETE CASCADE;
CREATE INDEX sessions_kiosk_id_idx ON sessions (kiosk_id) WHERE kiosk_id IS NOT NULL;

CREATE FUNCTION kiosk_json(k kiosks) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'id', k.id,
    'name', k.name,
    'location', k.location,
    'created_at', api_ts(k.created_at),
    'last_login_at', api_ts(k.last_login_at),
    'revoked_at', api_ts(k.revoked_at));
