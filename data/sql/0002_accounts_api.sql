-- 0002_accounts_api.sql — how the API shows accounts and audit rows.
-- The JSON shape of a resource is written once, here, next to its table: every endpoint
-- that returns a user calls user_json(), so no endpoint can leak password_hash.

CREATE FUNCTION api_ts(t timestamptz) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');

CREATE FUNCTION user_json(u users) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'id', u.id,
    'username', u.username,
    'role', u.role,
    'full_name', u.full_name,
    'email', u.email,
    'active', u.active,
    'created_at', api_ts(u.created_at),
    'updated_at', api_ts(u.updated_at));

CREATE FUNCTION activity_json(a activity_log) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'id', a.id,
    'user_id', a.user_id,
    'username', a.username,
    'action', a.action,
    'table_name', a.table_name,
    'record_id', a.record_id,
    'old_data', a.old_data,
    'new_data', a.new_data,
    'ip_address', host(a.ip_address),
    'user_agent', a.user_agent,
    'created_at', api_ts(a.created_at));

CREATE INDEX users_username_trgm_idx ON users USING gin ((username || ' ' || full_name) gin_trgm_ops);

-- A LIKE pattern matching text that contains term anywhere, with the user's %, _ and \
-- taken literally.
CREATE FUNCTION contains_pattern(term text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN '%' || replace(replace(replace(term, '\', '\\'), '%', '\%'), '_', '\_') || '%';
