-- 0006_complaints_reports.sql — how the API shows complaints (SPEC §5) and the admin's
-- reports (SPEC §6). The complaint rules are in server/lp-complaints.c; the report rules
-- are here, each written once, and server/lp-reports.c only picks JSON or CSV.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Calendar days are the library's (settings.timezone): a day d runs from
-- library_day_start(d) to library_day_start(d + 1). Every report reads one snapshot:
-- each is a single statement.

-- ---------------------------------------------------------------------------------------
-- Shared helpers
-- ---------------------------------------------------------------------------------------

CREATE FUNCTION library_timezone() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN coalesce((SELECT s.timezone FROM settings AS s WHERE s.id = 1), 'Asia/Jakarta');

-- The first instant of calendar day d in the library's time zone.
CREATE FUNCTION library_day_start(d date) RETURNS timestamptz
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN d::timestamp AT TIME ZONE library_timezone();

-- An item as other objects show it.
CREATE FUNCTION item_ref_json(p_item uuid) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN (SELECT jsonb_build_object('id', i.id, 'code', i.code, 'name', i.name)
            FROM items AS i
           WHERE i.id = p_item);

-- {"waiting": 0, …}: every value of an enumeration with how many of values hold it.
CREATE FUNCTION status_counts_json(p_all text[], p_values text[]) RETURNS jsonb
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (SELECT jsonb_object_agg(a.s, (SELECT count(*) FROM unnest(p_values) AS v (s)
                                          WHERE v.s = a.s))
            FROM unnest(p_all) AS a (s));

-- ---------------------------------------------------------------------------------------
-- Complaints
-- ---------------------------------------------------------------------------------------

-- The code of a loan, NULL for none.
CREATE FUNCTION loan_code_of(p_loan uuid) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN (SELECT l.code FROM loans AS l WHERE l.id = p_loan);

-- The ids of a complaint's photos, in id order.
CREATE FUNCTION complaint_attachment_ids(p_complaint uuid) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN coalesce((SELECT jsonb_agg(a.attachment_id ORDER BY a.attachment_id)
                     FROM complaint_attachments AS a
                    WHERE a.complaint_id = p_complaint), '[]'::jsonb);

-- A complaint with its category {id, name}, item {id, code, name} and reporter
-- {id, username, full_name} (null for one the system opened: is_system), and the ids of
-- its photos. Every lookup is a function call rather than a sub-select written here, so
-- that the body is inlined into the calling query: a non-inlined SQL function runs its
-- own executor for every row and plans the functions it calls again each time, which
-- made a page of complaints five times slower.
CREATE FUNCTION complaint_json(c complaints) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'id', c.id,
    'title', c.title,
    'description', c.description,
    'location', c.location,
    'category_id', c.category_id,
    'category', category_ref_json(c.category_id),
    'item_id', c.item_id,
    'item', item_ref_json(c.item_id),
    'reporter_id', c.reporter_id,
    'reporter', user_ref_json(c.reporter_id),
    'is_system', c.is_system,
    'loan_id', c.loan_id,
    'loan_code', loan_code_of(c.loan_id),
    'status', c.status,
    'attachment_ids', complaint_attachment_ids(c.id),
    'created_at', api_ts(c.created_at),
    'updated_at', api_ts(c.updated_at));

-- A note; a status change is a note with status_from and status_to.
CREATE FUNCTION complaint_note_json(n complaint_notes) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN jsonb_build_object(
    'id', n.id,
    'complaint_id', n.complaint_id,
    'author', user_ref_json(n.author_id),
    'text', n.text,
    'status_from', n.status_from,
    'status_to', n.status_to,
    'created_at', api_ts(n.created_at));

-- A complaint's notes, oldest first.
CREATE FUNCTION complaint_notes_json(p_complaint uuid) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN coalesce((SELECT jsonb_agg(complaint_note_json(n) ORDER BY n.created_at, n.id)
                     FROM complaint_notes AS n
                    WHERE n.complaint_id = p_complaint), '[]'::jsonb);

-- GET /complaints/{id}: the complaint and its notes.
CREATE FUNCTION complaint_detail_json(c complaints) RETURNS jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN complaint_json(c) || jsonb_build_object('notes', complaint_notes_json(c.id));

-- GET /complaints newest first, for a member's own too.
CREATE INDEX complaints_created_at_id_idx ON complaints (created_at DESC, id DESC);
CREATE INDEX complaints_reporter_id_created_at_idx ON complaints (reporter_id, created_at DESC);

-- ---------------------------------------------------------------------------------------
-- Report: loans (GET /reports/loans)
-- ---------------------------------------------------------------------------------------

-- The loans whose dates [start_date, due_date] overlap [p_from, p_to] (as GET /loans
-- filters them; either end may be NULL for open), of category p_category, in the status
-- a reader sees (overdue once past due) p_status; NULL filters nothing. n numbers them by
-- start_date, then code.
CREATE FUNCTION report_loan_rows(p_from date, p_to date, p_status text, p_category uuid)
RETURNS TABLE (loan_id uuid, status text, n bigint)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT l.id, s.status, row_number() OVER (ORDER BY l.start_date, l.code)
    FROM loans AS l
    JOIN items AS i ON i.id = l.item_id
   CROSS JOIN library_today() AS today
   CROSS JOIN LATERAL (SELECT loan_status_on(l.status, l.due_date, today) AS status) AS s
   WHERE (p_from IS NULL OR l.due_date >= p_from)
     AND (p_to IS NULL OR l.start_date <= p_to)
     AND (p_category IS NULL OR i.category_id = p_category)
     AND (p_status IS NULL OR s.status = p_status)
$$;

-- loan_json() (0004) plus the item's category, built from rows the caller has already
-- joined: a report renders thousands of loans, and loan_json() looks up its item, member,
-- return and complaint one loan at a time (about 170 µs a loan; this takes about 25).
-- tests/api/test-reports.c checks that both give the same object.
CREATE FUNCTION loan_report_json(l loans, i items, c categories, u users, r returns,
                                 p_return_photos json, p_complaint uuid, p_status text)
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
    'complaint_id', p_complaint);

-- {"from", "to", "status", "category_id", "total", "counts": {status: n, …}, "rows": [loan
-- with its category]}. counts are over the rows returned (every filter applied), every
-- status present.
CREATE FUNCTION report_loans_json(p_from date, p_to date, p_status text, p_category uuid)
RETURNS json
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH r AS MATERIALIZED (
    SELECT * FROM report_loan_rows(p_from, p_to, p_status, p_category)
  )
  SELECT json_build_object(
    'from', p_from,
    'to', p_to,
    'status', p_status,
    'category_id', p_category,
    'total', (SELECT count(*) FROM r),
    'counts', status_counts_json(ARRAY['pending', 'approved', 'borrowed', 'returned',
                                       'rejected', 'cancelled', 'overdue'],
                                 ARRAY(SELECT r.status FROM r)),
    'rows', coalesce((
      -- Rows fed in order rather than json_agg(… ORDER BY): the aggregate would sort the
      -- rendered objects (megabytes), this sorts before rendering. json_agg has no
      -- parallel or partial form, so the order holds.
      SELECT json_agg(o.j)
        FROM (SELECT loan_report_json(l, i, c, u, ret, photos.ids, sc.id, r.status) AS j
                FROM r
                JOIN loans AS l ON l.id = r.loan_id
                JOIN items AS i ON i.id = l.item_id
                JOIN categories AS c ON c.id = i.category_id
                JOIN users AS u ON u.id = l.user_id
                LEFT JOIN returns AS ret ON ret.loan_id = l.id
                LEFT JOIN (SELECT ra.return_id,
                                  json_agg(ra.attachment_id ORDER BY ra.attachment_id) AS ids
                             FROM return_attachments AS ra
                            GROUP BY ra.return_id) AS photos ON photos.return_id = ret.id
                LEFT JOIN (SELECT DISTINCT ON (cp.loan_id) cp.loan_id, cp.id
                             FROM complaints AS cp
                            WHERE cp.loan_id IS NOT NULL AND cp.is_system
                            ORDER BY cp.loan_id, cp.created_at) AS sc ON sc.loan_id = l.id
               ORDER BY r.n) AS o), '[]'::json))
$$;

-- The same rows as CSV columns (server/lp-reports.c writes the header from these names).
CREATE FUNCTION report_loans_csv(p_from date, p_to date, p_status text, p_category uuid)
RETURNS TABLE (code text, status text, item_code text, item_name text, category text,
               quantity int, borrower_username text, borrower_name text, start_date date,
               due_date date, purpose text, decided_at text, decision_reason text,
               handed_over_at text, returned_at text, return_condition text,
               damage_description text, fine bigint, created_at text)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT l.code, r.status, i.code, i.name, c.name, l.quantity, u.username, u.full_name,
         l.start_date, l.due_date, l.purpose, api_ts(l.decided_at), l.decision_reason,
         api_ts(l.handed_over_at), api_ts(l.returned_at), ret.condition,
         ret.damage_description, round(l.fine)::bigint, api_ts(l.created_at)
    FROM report_loan_rows(p_from, p_to, p_status, p_category) AS r
    JOIN loans AS l ON l.id = r.loan_id
    JOIN items AS i ON i.id = l.item_id
    JOIN categories AS c ON c.id = i.category_id
    JOIN users AS u ON u.id = l.user_id
    LEFT JOIN returns AS ret ON ret.loan_id = l.id
   ORDER BY r.n
$$;

-- ---------------------------------------------------------------------------------------
-- Report: complaints (GET /reports/complaints)
-- ---------------------------------------------------------------------------------------

-- Complaints in status p_status, filed on the days [p_from, p_to] (NULL: no filter),
-- oldest first.
CREATE FUNCTION report_complaint_rows(p_status text, p_from date, p_to date)
RETURNS TABLE (complaint complaints, status text)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT c, c.status
    FROM complaints AS c
   WHERE (p_status IS NULL OR c.status = p_status)
     AND (p_from IS NULL OR c.created_at >= library_day_start(p_from))
     AND (p_to IS NULL OR c.created_at < library_day_start(p_to + 1))
   ORDER BY c.created_at, c.id
$$;

-- {"from", "to", "status", "total", "counts": {status: n, …}, "rows": [complaint]}.
CREATE FUNCTION report_complaints_json(p_status text, p_from date, p_to date) RETURNS json
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH r AS MATERIALIZED (
    SELECT r.ordinality AS n, r.complaint, r.status
      FROM report_complaint_rows(p_status, p_from, p_to) WITH ORDINALITY AS r
  )
  SELECT json_build_object(
    'from', p_from,
    'to', p_to,
    'status', p_status,
    'total', (SELECT count(*) FROM r),
    'counts', status_counts_json(ARRAY['waiting', 'in_progress', 'done', 'closed'],
                                 ARRAY(SELECT r.status FROM r)),
    'rows', coalesce((SELECT json_agg(complaint_json(r.complaint) ORDER BY r.n) FROM r),
                     '[]'::json))
$$;

CREATE FUNCTION report_complaints_csv(p_status text, p_from date, p_to date)
RETURNS TABLE (created_at text, status text, title text, description text, location text,
               category text, item_code text, item_name text, reporter_username text,
               reporter_name text, is_system boolean, loan_code text, attachments bigint,
               notes bigint, last_note text, updated_at text)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT api_ts((r.complaint).created_at), (r.complaint).status, (r.complaint).title,
         (r.complaint).description, (r.complaint).location, cat.name, i.code, i.name,
         u.username, u.full_name, (r.complaint).is_system, l.code,
         (SELECT count(*) FROM complaint_attachments AS a
           WHERE a.complaint_id = (r.complaint).id),
         (SELECT count(*) FROM complaint_notes AS n WHERE n.complaint_id = (r.complaint).id),
         (SELECT n.text FROM complaint_notes AS n
           WHERE n.complaint_id = (r.complaint).id AND n.text <> ''
           ORDER BY n.created_at DESC, n.id DESC LIMIT 1),
         api_ts((r.complaint).updated_at)
    FROM report_complaint_rows(p_status, p_from, p_to) WITH ORDINALITY AS r
    LEFT JOIN categories AS cat ON cat.id = (r.complaint).category_id
    LEFT JOIN items AS i ON i.id = (r.complaint).item_id
    LEFT JOIN users AS u ON u.id = (r.complaint).reporter_id
    LEFT JOIN loans AS l ON l.id = (r.complaint).loan_id
   ORDER BY r.ordinality
$$;

-- ---------------------------------------------------------------------------------------
-- Report: asset health (GET /reports/asset-health, SPEC §6, seed 002 §6)
-- ---------------------------------------------------------------------------------------
--
-- The rules, for a period [p_from, p_to] of calendar days:
--
-- * A damage event is a condition event (item_condition_events) whose condition_to is
--   minor_damage or major_damage, whatever its source (a return or an admin's edit); a
--   unit lost is not damage (it is in "lost"). It counts in the period when created on
--   one of its days, for the item's category now.
-- * damaged: items now in condition major_damage or in status needs_maintenance or
--   maintenance (the state now, not the period's). since = the time of the item's latest
--   unresolved condition event, or its updated_at when none is open; days = library
--   today − the day of since.
-- * most_damaged: the 10 items with the most damage events in the period, ties by name,
--   then code.
-- * lost: items now in condition lost (the state now), with lost_at = the latest event
--   to lost (else the item's updated_at), that event's loan, and the last borrower: that
--   loan's member, else the member of the last loan handed over before lost_at.
--   lost_in_period says whether lost_at falls in the period.
-- * maintenance_history: per item with events in the period, those events oldest first
--   (a good return of a good item is not an event worth showing): when, source, the
--   condition before and after, whether and when it was repaired (resolved).
-- * recommendations, one row per item and action, the reasons joined with "; " and their
--   codes in rules:
--   - replace: lost (rule lost); major damage unrepaired for more than 30 days by the
--     damaged list's days (major_damage_unrepaired); 3 or more damage events in the period
--     (repeated_damage).
--   - maintain: status needs_maintenance (needs_maintenance) or maintenance
--     (in_maintenance), unless the item is to be replaced; the reason gives the days of
--     the damaged list ("Needs maintenance (minor damage) for 10 days").
--   - add_stock: requests refused for lack of stock in the period (refused_for_stock) or
--     utilization of 80 % or more (high_utilization). A refusal for lack of stock is a
--     loan rejected on a day of the period whose decision_reason mentions stock ("stock"
--     or "stok", any case), or which did not fit: on a day of its dates, its quantity
--     plus the quantities of the item's loans approved before that rejection (now
--     approved, borrowed, overdue or returned) booked on that day exceeds stock_total
--     (today's: the stock's history is not kept; a loan approved and later cancelled no
--     longer counts).
--     Utilization = Σ quantity × days held in the period over the item's loans that held
--     units (approved, borrowed, overdue, returned) ÷ (stock_total × days in the
--     period); a loan holds units from start_date to its return day if returned, else to
--     its due date (or today, for one still out past due). Shown rounded down to 0.1 %.
-- * damage_by_category: every category with its damage events in the period.
-- * damage_by_month: every month the period touches, with its damage events.

-- The damage events of the period.
CREATE FUNCTION asset_damage_events(p_from date, p_to date)
RETURNS SETOF item_condition_events
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT e.*
    FROM item_condition_events AS e
   WHERE e.created_at >= library_day_start(p_from)
     AND e.created_at < library_day_start(p_to + 1)
     AND e.condition_to IN ('minor_damage', 'major_damage')
$$;

CREATE FUNCTION asset_damaged()
RETURNS TABLE (item_id uuid, code text, name text, category_id uuid, category text,
               location text, condition text, status text, since timestamptz, days int,
               note text)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT i.id, i.code, i.name, c.id, c.name, i.location, i.condition, i.status,
         coalesce(e.created_at, i.updated_at),
         greatest(0, today - (coalesce(e.created_at, i.updated_at) AT TIME ZONE tz)::date),
         e.note
    FROM items AS i
    JOIN categories AS c ON c.id = i.category_id
   CROSS JOIN library_timezone() AS tz
   CROSS JOIN library_today() AS today
    LEFT JOIN LATERAL (SELECT ev.created_at, ev.note
                         FROM item_condition_events AS ev
                        WHERE ev.item_id = i.id AND ev.resolved_at IS NULL
                        ORDER BY ev.created_at DESC, ev.id DESC
                        LIMIT 1) AS e ON true
   WHERE i.condition = 'major_damage' OR i.status IN ('needs_maintenance', 'maintenance')
   ORDER BY 10 DESC, i.name, i.code
$$;

CREATE FUNCTION asset_most_damaged(p_from date, p_to date)
RETURNS TABLE (rank int, item_id uuid, code text, name text, category_id uuid,
               category text, location text, damage_events int, minor_damage int,
               major_damage int, last_damage_at timestamptz)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (row_number() OVER (ORDER BY d.n DESC, i.name, i.code))::int, i.id, i.code, i.name,
         c.id, c.name, i.location, d.n, d.minor, d.major, d.last_at
    FROM (SELECT e.item_id, count(*)::int AS n,
                 (count(*) FILTER (WHERE e.condition_to = 'minor_damage'))::int AS minor,
                 (count(*) FILTER (WHERE e.condition_to = 'major_damage'))::int AS major,
                 max(e.created_at) AS last_at
            FROM asset_damage_events(p_from, p_to) AS e
           GROUP BY e.item_id) AS d
    JOIN items AS i ON i.id = d.item_id
    JOIN categories AS c ON c.id = i.category_id
   ORDER BY d.n DESC, i.name, i.code
   LIMIT 10
$$;

CREATE FUNCTION asset_lost(p_from date, p_to date)
RETURNS TABLE (item_id uuid, code text, name text, category_id uuid, category text,
               location text, lost_at timestamptz, lost_in_period boolean, loan_id uuid,
               loan_code text, borrower_id uuid, borrower_username text,
               borrower_name text)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT i.id, i.code, i.name, c.id, c.name, i.location, t.lost_at,
         t.lost_at >= library_day_start(p_from) AND t.lost_at < library_day_start(p_to + 1),
         l.id, l.code, u.id, u.username, u.full_name
    FROM items AS i
    JOIN categories AS c ON c.id = i.category_id
    LEFT JOIN LATERAL (SELECT ev.created_at, ev.loan_id
                         FROM item_condition_events AS ev
                        WHERE ev.item_id = i.id AND ev.condition_to = 'lost'
                        ORDER BY ev.created_at DESC, ev.id DESC
                        LIMIT 1) AS e ON true
   CROSS JOIN LATERAL (SELECT coalesce(e.created_at, i.updated_at) AS lost_at) AS t
    LEFT JOIN LATERAL (SELECT h.id
                         FROM loans AS h
                        WHERE h.item_id = i.id AND h.handed_over_at <= t.lost_at
                        ORDER BY h.handed_over_at DESC, h.id DESC
                        LIMIT 1) AS last_loan ON e.loan_id IS NULL
    LEFT JOIN loans AS l ON l.id = coalesce(e.loan_id, last_loan.id)
    LEFT JOIN users AS u ON u.id = l.user_id
   WHERE i.condition = 'lost'
   ORDER BY t.lost_at DESC, i.name, i.code
$$;

CREATE FUNCTION asset_maintenance_events(p_from date, p_to date)
RETURNS TABLE (item_id uuid, code text, name text, category_id uuid, category text,
               event_id uuid, at timestamptz, source text, condition_from text,
               condition_to text, note text, loan_code text, repaired boolean,
               repaired_at timestamptz, days_to_repair int)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT i.id, i.code, i.name, c.id, c.name, e.id, e.created_at, e.source, e.condition_from,
         e.condition_to, e.note, l.code, e.resolved_at IS NOT NULL, e.resolved_at,
         ((e.resolved_at AT TIME ZONE tz)::date - (e.created_at AT TIME ZONE tz)::date)
    FROM item_condition_events AS e
   CROSS JOIN library_timezone() AS tz
    JOIN items AS i ON i.id = e.item_id
    JOIN categories AS c ON c.id = i.category_id
    LEFT JOIN loans AS l ON l.id = e.loan_id
   WHERE e.created_at >= library_day_start(p_from)
     AND e.created_at < library_day_start(p_to + 1)
     AND NOT (e.condition_from = 'good' AND e.condition_to = 'good')
   ORDER BY i.name, i.code, i.id, e.created_at, e.id
$$;

-- Loans refused for lack of stock in the period, per item (see the rules above).
CREATE FUNCTION asset_refused_for_stock(p_from date, p_to date)
RETURNS TABLE (item_id uuid, refused int)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT r.item_id, count(*)::int
    FROM loans AS r
    JOIN items AS i ON i.id = r.item_id
   WHERE r.status = 'rejected'
     AND r.decided_at >= library_day_start(p_from)
     AND r.decided_at < library_day_start(p_to + 1)
     AND (r.decision_reason ~* '(stock|stok)'
          OR EXISTS (SELECT 1
                       FROM generate_series(0, r.due_date - r.start_date) AS d (n)
                      WHERE r.quantity + (SELECT coalesce(sum(o.quantity), 0)
                                            FROM loans AS o
                                           WHERE o.item_id = r.item_id
                                             AND o.id <> r.id
                                             AND o.status IN ('approved', 'borrowed',
                                                              'overdue', 'returned')
                                             AND o.decided_at <= r.decided_at
                                             AND r.start_date + d.n BETWEEN o.start_date
                                                                        AND o.due_date)
                            > i.stock_total))
   GROUP BY r.item_id
$$;

-- Utilization per item in the period (see the rules above), as a fraction.
CREATE FUNCTION asset_utilization(p_from date, p_to date)
RETURNS TABLE (item_id uuid, utilization numeric)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT h.item_id, h.unit_days::numeric / (i.stock_total * (p_to - p_from + 1))
    FROM (SELECT l.item_id,
                 sum(l.quantity * (upper(held.days * p.period) - lower(held.days * p.period)))
                   AS unit_days
            FROM loans AS l
           CROSS JOIN library_timezone() AS tz
           CROSS JOIN library_today() AS today
           CROSS JOIN LATERAL (SELECT daterange(p_from, p_to, '[]') AS period) AS p
           CROSS JOIN LATERAL (
             SELECT daterange(l.start_date,
                              CASE l.status
                                WHEN 'returned' THEN greatest(l.start_date,
                                                              (l.returned_at AT TIME ZONE tz)::date)
                                WHEN 'approved' THEN l.due_date
                                ELSE greatest(l.due_date, today)
                              END, '[]') AS days) AS held
           WHERE l.status IN ('approved', 'borrowed', 'overdue', 'returned')
             AND l.start_date <= p_to
             AND held.days && p.period
           GROUP BY l.item_id) AS h
    JOIN items AS i ON i.id = h.item_id
   WHERE i.stock_total > 0
$$;

CREATE FUNCTION asset_recommendations(p_from date, p_to date)
RETURNS TABLE (action text, item_id uuid, code text, name text, category_id uuid,
               category text, location text, reason text, rules text[])
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH damaged AS MATERIALIZED (
    SELECT * FROM asset_damaged()
  ), reasons AS (
    SELECT 'replace' AS action, 1 AS ord, l.item_id, 'lost' AS rule,
           format('Lost since %s', to_char(l.lost_at AT TIME ZONE library_timezone(),
                                           'YYYY-MM-DD')) AS reason
      FROM asset_lost(p_from, p_to) AS l
    UNION ALL
    SELECT 'replace', 2, d.item_id, 'major_damage_unrepaired',
           format('Major damage unrepaired for %s days (since %s)', d.days,
                  to_char(d.since AT TIME ZONE library_timezone(), 'YYYY-MM-DD'))
      FROM damaged AS d
     WHERE d.condition = 'major_damage' AND d.days > 30
    UNION ALL
    SELECT 'replace', 3, e.item_id, 'repeated_damage',
           format('%s damage events in the period', count(*))
      FROM asset_damage_events(p_from, p_to) AS e
     GROUP BY e.item_id
    HAVING count(*) >= 3
    UNION ALL
    SELECT 'add_stock', 1, r.item_id, 'refused_for_stock',
           CASE r.refused WHEN 1 THEN '1 request refused for lack of stock in the period'
           ELSE format('%s requests refused for lack of stock in the period', r.refused) END
      FROM asset_refused_for_stock(p_from, p_to) AS r
    UNION ALL
    SELECT 'add_stock', 2, u.item_id, 'high_utilization',
           format('Utilization %s%% in the period',
                  to_char(floor(u.utilization * 1000) / 10, 'FM9999990.0'))
      FROM asset_utilization(p_from, p_to) AS u
     WHERE u.utilization >= 0.8
  ), replaced AS (
    SELECT DISTINCT r.item_id FROM reasons AS r WHERE r.action = 'replace'
  ), all_reasons AS (
    SELECT r.action, r.ord, r.item_id, r.rule, r.reason FROM reasons AS r
    UNION ALL
    SELECT 'maintain', 1, d.item_id,
           CASE d.status WHEN 'maintenance' THEN 'in_maintenance' ELSE 'needs_maintenance' END,
           format('%s%s for %s days',
                  CASE d.status WHEN 'maintenance' THEN 'In maintenance'
                  ELSE 'Needs maintenance' END,
                  CASE WHEN d.condition <> 'good'
                  THEN ' (' || replace(d.condition, '_', ' ') || ')' ELSE '' END, d.days)
      FROM damaged AS d
     WHERE d.status IN ('needs_maintenance', 'maintenance')
       AND d.item_id NOT IN (SELECT x.item_id FROM replaced AS x)
  )
  SELECT a.action, i.id, i.code, i.name, c.id, c.name, i.location,
         string_agg(a.reason, '; ' ORDER BY a.ord), array_agg(a.rule ORDER BY a.ord)
    FROM all_reasons AS a
    JOIN items AS i ON i.id = a.item_id
    JOIN categories AS c ON c.id = i.category_id
   GROUP BY a.action, i.id, c.id
   ORDER BY array_position(ARRAY['replace', 'maintain', 'add_stock'], a.action), i.name, i.code
$$;

CREATE FUNCTION asset_damage_by_category(p_from date, p_to date)
RETURNS TABLE (category_id uuid, category text, damage_events int, minor_damage int,
               major_damage int)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT c.id, c.name, coalesce(d.n, 0), coalesce(d.minor, 0), coalesce(d.major, 0)
    FROM categories AS c
    LEFT JOIN (SELECT i.category_id, count(*)::int AS n,
                      (count(*) FILTER (WHERE e.condition_to = 'minor_damage'))::int AS minor,
                      (count(*) FILTER (WHERE e.condition_to = 'major_damage'))::int AS major
                 FROM asset_damage_events(p_from, p_to) AS e
                 JOIN items AS i ON i.id = e.item_id
                GROUP BY i.category_id) AS d ON d.category_id = c.id
   ORDER BY c.name, c.id
$$;

CREATE FUNCTION asset_damage_by_month(p_from date, p_to date)
RETURNS TABLE (month text, damage_events int, minor_damage int, major_damage int)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT to_char(m.month, 'YYYY-MM'), coalesce(d.n, 0), coalesce(d.minor, 0),
         coalesce(d.major, 0)
    FROM generate_series(date_trunc('month', p_from::timestamp),
                         date_trunc('month', p_to::timestamp), interval '1 month') AS m (month)
    LEFT JOIN (SELECT date_trunc('month', e.created_at AT TIME ZONE library_timezone()) AS month,
                      count(*)::int AS n,
                      (count(*) FILTER (WHERE e.condition_to = 'minor_damage'))::int AS minor,
                      (count(*) FILTER (WHERE e.condition_to = 'major_damage'))::int AS major
                 FROM asset_damage_events(p_from, p_to) AS e
                GROUP BY 1) AS d ON d.month = m.month
   ORDER BY m.month
$$;

CREATE FUNCTION asset_ref_json(p_id uuid, p_code text, p_name text) RETURNS jsonb
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN jsonb_build_object('id', p_id, 'code', p_code, 'name', p_name);

CREATE FUNCTION asset_maintenance_history_json(p_from date, p_to date) RETURNS json
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(json_agg(jsonb_build_object(
           'item', asset_ref_json(g.item_id, g.code, g.name),
           'category', jsonb_build_object('id', g.category_id, 'name', g.category),
           'events', g.events) ORDER BY g.first), '[]'::json)
    FROM (SELECT e.item_id, e.code, e.name, e.category_id, e.category,
                 min(e.ordinality) AS first,
                 jsonb_agg(jsonb_build_object(
                   'id', e.event_id, 'at', api_ts(e.at), 'source', e.source,
                   'condition_from', e.condition_from, 'condition_to', e.condition_to,
                   'note', e.note, 'loan_code', e.loan_code, 'repaired', e.repaired,
                   'repaired_at', api_ts(e.repaired_at), 'days_to_repair', e.days_to_repair)
                   ORDER BY e.ordinality) AS events
            FROM asset_maintenance_events(p_from, p_to) WITH ORDINALITY AS e
           GROUP BY e.item_id, e.code, e.name, e.category_id, e.category) AS g
$$;

CREATE FUNCTION asset_health_json(p_from date, p_to date) RETURNS json
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT json_build_object(
    'period', json_build_object('from', p_from, 'to', p_to, 'days', p_to - p_from + 1),
    'generated_at', api_ts(now()),
    'damaged', coalesce((
      SELECT json_agg(jsonb_build_object(
               'item', asset_ref_json(d.item_id, d.code, d.name),
               'category', jsonb_build_object('id', d.category_id, 'name', d.category),
               'location', d.location, 'condition', d.condition, 'status', d.status,
               'since', api_ts(d.since), 'days', d.days, 'note', d.note)
             ORDER BY d.ordinality)
        FROM asset_damaged() WITH ORDINALITY AS d), '[]'::json),
    'most_damaged', coalesce((
      SELECT json_agg(jsonb_build_object(
               'rank', m.rank, 'item', asset_ref_json(m.item_id, m.code, m.name),
               'category', jsonb_build_object('id', m.category_id, 'name', m.category),
               'location', m.location, 'damage_events', m.damage_events,
               'minor_damage', m.minor_damage, 'major_damage', m.major_damage,
               'last_damage_at', api_ts(m.last_damage_at)) ORDER BY m.rank)
        FROM asset_most_damaged(p_from, p_to) AS m), '[]'::json),
    'lost', coalesce((
      SELECT json_agg(jsonb_build_object(
               'item', asset_ref_json(l.item_id, l.code, l.name),
               'category', jsonb_build_object('id', l.category_id, 'name', l.category),
               'location', l.location, 'lost_at', api_ts(l.lost_at),
               'lost_in_period', l.lost_in_period,
               'loan', CASE WHEN l.loan_id IS NOT NULL
                       THEN jsonb_build_object('id', l.loan_id, 'code', l.loan_code) END,
               'last_borrower', CASE WHEN l.borrower_id IS NOT NULL
                                THEN jsonb_build_object('id', l.borrower_id,
                                                        'username', l.borrower_username,
                                                        'full_name', l.borrower_name) END)
             ORDER BY l.ordinality)
        FROM asset_lost(p_from, p_to) WITH ORDINALITY AS l), '[]'::json),
    'maintenance_history', asset_maintenance_history_json(p_from, p_to),
    'recommendations', coalesce((
      SELECT json_agg(jsonb_build_object(
               'action', r.action, 'item', asset_ref_json(r.item_id, r.code, r.name),
               'category', jsonb_build_object('id', r.category_id, 'name', r.category),
               'location', r.location, 'reason', r.reason, 'rules', to_jsonb(r.rules))
             ORDER BY r.ordinality)
        FROM asset_recommendations(p_from, p_to) WITH ORDINALITY AS r), '[]'::json),
    'damage_by_category', coalesce((
      SELECT json_agg(jsonb_build_object(
               'category', jsonb_build_object('id', d.category_id, 'name', d.category),
               'damage_events', d.damage_events, 'minor_damage', d.minor_damage,
               'major_damage', d.major_damage) ORDER BY d.ordinality)
        FROM asset_damage_by_category(p_from, p_to) WITH ORDINALITY AS d), '[]'::json),
    'damage_by_month', coalesce((
      SELECT json_agg(jsonb_build_object(
               'month', d.month, 'damage_events', d.damage_events,
               'minor_damage', d.minor_damage, 'major_damage', d.major_damage)
             ORDER BY d.ordinality)
        FROM asset_damage_by_month(p_from, p_to) WITH ORDINALITY AS d), '[]'::json))
$$;

-- The asset health report as one flat table for a spreadsheet: a row per entry of each
-- section, sections in this order and each in its JSON order:
--   recommendation      kind = replace | maintain | add_stock, detail = the reasons
--   damaged             condition, status, date = since, days, detail = the open note
--   most_damaged        date = last damage, count = damage events, detail = rank, split
--   lost                date = lost, borrower = "Full Name (username)", detail = loan code
--   maintenance         kind = event source, condition = condition_to, date = when (local
--                       time), days = days to repair, detail = change, repaired, note
--   damage_by_category  category, count = damage events, detail = split
--   damage_by_month     date = YYYY-MM, count = damage events, detail = split
-- Dates are the library's calendar dates; empty cells are fields a section does not use.
CREATE FUNCTION asset_health_csv(p_from date, p_to date)
RETURNS TABLE (section text, kind text, item_code text, item_name text, category text,
               location text, condition text, status text, date text, days int, count int,
               borrower text, detail text)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH tz AS MATERIALIZED (SELECT library_timezone() AS tz)
  SELECT x.section, x.kind, x.item_code, x.item_name, x.category, x.location, x.condition,
         x.status, x.date, x.days, x.count, x.borrower, x.detail
    FROM (
      SELECT 1 AS s, r.ordinality AS n, 'recommendation' AS section, r.action AS kind,
             r.code AS item_code, r.name AS item_name, r.category, r.location,
             NULL::text AS condition, NULL::text AS status, NULL::text AS date,
             NULL::int AS days, NULL::int AS count, NULL::text AS borrower,
             r.reason AS detail
        FROM asset_recommendations(p_from, p_to) WITH ORDINALITY AS r
      UNION ALL
      SELECT 2, d.ordinality, 'damaged', NULL, d.code, d.name, d.category, d.location,
             d.condition, d.status, to_char(d.since AT TIME ZONE tz.tz, 'YYYY-MM-DD'), d.days,
             NULL, NULL, d.note
        FROM asset_damaged() WITH ORDINALITY AS d, tz
      UNION ALL
      SELECT 3, m.rank, 'most_damaged', NULL, m.code, m.name, m.category, m.location, NULL,
             NULL, to_char(m.last_damage_at AT TIME ZONE tz.tz, 'YYYY-MM-DD'), NULL,
             m.damage_events, NULL,
             format('rank %s; minor damage %s, major damage %s', m.rank, m.minor_damage,
                    m.major_damage)
        FROM asset_most_damaged(p_from, p_to) AS m, tz
      UNION ALL
      SELECT 4, l.ordinality, 'lost', NULL, l.code, l.name, l.category, l.location, 'lost',
             NULL, to_char(l.lost_at AT TIME ZONE tz.tz, 'YYYY-MM-DD'), NULL, NULL,
             l.borrower_name || ' (' || l.borrower_username || ')',
             CASE WHEN l.loan_code IS NOT NULL THEN 'loan ' || l.loan_code END
        FROM asset_lost(p_from, p_to) WITH ORDINALITY AS l, tz
      UNION ALL
      SELECT 5, e.ordinality, 'maintenance', e.source, e.code, e.name, e.category, NULL,
             e.condition_to, NULL, to_char(e.at AT TIME ZONE tz.tz, 'YYYY-MM-DD HH24:MI'),
             e.days_to_repair, NULL, NULL,
             format('from %s to %s; %s', e.condition_from, e.condition_to,
                    CASE WHEN e.repaired
                    THEN 'repaired ' || to_char(e.repaired_at AT TIME ZONE tz.tz, 'YYYY-MM-DD')
                    ELSE 'not repaired' END)
               || coalesce('; ' || e.note, '')
        FROM asset_maintenance_events(p_from, p_to) WITH ORDINALITY AS e, tz
      UNION ALL
      SELECT 6, c.ordinality, 'damage_by_category', NULL, NULL, NULL, c.category, NULL, NULL,
             NULL, NULL, NULL, c.damage_events, NULL,
             format('minor damage %s, major damage %s', c.minor_damage, c.major_damage)
        FROM asset_damage_by_category(p_from, p_to) WITH ORDINALITY AS c
      UNION ALL
      SELECT 7, m.ordinality, 'damage_by_month', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             m.month, NULL, m.damage_events, NULL,
             format('minor damage %s, major damage %s', m.minor_damage, m.major_damage)
        FROM asset_damage_by_month(p_from, p_to) WITH ORDINALITY AS m
    ) AS x
   ORDER BY x.s, x.n
$$;
