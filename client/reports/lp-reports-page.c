/* lp-reports-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-reports-page"

#include "config.h"

#include "lp-reports-page.h"
#include "lp-reports-page-private.h"

#include "lp-chart.h"
#include "lp-format.h"
#include "lp-report-document.h"
#include "lp-report-table.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#define DEFAULT_DAYS 30
/* Longer periods count loans per month, not per day. */
#define MAX_DAYS_PER_DAY 92


G_DEFINE_FINAL_TYPE (LpReportsPage, lp_reports_page, LP_TYPE_PAGE)

static const char * const complaint_filters[] = { NULL, "waiting", "in_progress", "done", "closed" };

/*
 * Reading the reports' JSON
 */

static const char *
text_of (JsonObject *object,
         const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "";
}

static gint64
int_of (JsonObject *object,
        const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

static JsonObject *
object_of (JsonObject *object,
           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_of (JsonObject *object,
          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;
  char end;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* "2026-01-09" → "9 January 2026"; "" stays "". */
static char *
date_text (const char *iso)
{
  GDate date;

  return parse_date (iso, &date) ? lp_format_date_long (&date) : g_strdup (iso);
}

/* A server timestamp (UTC) → the local calendar date. */
static char *
moment_text (const char *timestamp)
{
  g_autoptr(GDateTime) utc = *timestamp != '\0' ? g_date_time_new_from_iso8601 (timestamp, NULL)
                                                : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  GDate date;

  if (local == NULL)
    return g_strdup (timestamp);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return lp_format_date_long (&date);
}

const char *
lp_reports_page_status_label (GType       type,
                              const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  if (value == NULL)
    return nick;
  if (type == LP_TYPE_LOAN_STATUS)
    return _(lp_loan_status_label (value->value));
  if (type == LP_TYPE_COMPLAINT_STATUS)
    return _(lp_complaint_status_label (value->value));
  if (type == LP_TYPE_ITEM_CONDITION)
    return _(lp_item_condition_label (value->value));
  if (type == LP_TYPE_ITEM_STATUS)
    return _(lp_item_status_label (value->value));
  return nick;
}

static char *
count_text (gint64 n)
{
  return lp_format_count ((guint) CLAMP (n, 0, G_MAXUINT));
}

/*
 * Filling the sections
 */

static GtkWidget *
count_tile_new (const char *label,
                gint64      count)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *number = count_text (count);
  g_autofree char *spoken = NULL;
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *name_label = gtk_label_new (label);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "count-tile");
  gtk_widget_add_css_class (number_label, "title-2");
  gtk_widget_add_css_class (name_label, "caption");
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), name_label);
  /* Translators: a count in a report, e.g. "Returned: 12". */
  spoken = g_strdup_printf (_("%s: %s"), label, number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return box;
}

static void
fill_counts (GtkFlowBox *box,
             JsonObject *counts,
             GType       type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
  for (guint i = 0; i < klass->n_values; i++)
    gtk_flow_box_append (box, count_tile_new (lp_reports_page_status_label (type, klass->values[i].value_nick),
                                              int_of (counts, klass->values[i].value_nick)));
}

char *
lp_reports_page_period_text (LpReportsPage *self)
{
  g_autofree char *from = date_text (self->from);
  g_autofree char *to = date_text (self->to);

  /* Translators: a report's period, e.g. "from 1 January 2026 to 31 January 2026". */
  return g_strdup_printf (_("from %s to %s"), from, to);
}

/* Loans counted on the day they start (per month in a long period), every day shown. */
static GVariant *
loans_per_day (LpReportsPage *self,
               JsonArray     *rows)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GVariantBuilder builder;
  GDate day, last;
  gboolean monthly;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sd)"));
  if (!parse_date (self->from, &day) || !parse_date (self->to, &last))
    return g_variant_builder_end (&builder);
  monthly = g_date_days_between (&day, &last) >= MAX_DAYS_PER_DAY;
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      const char *start = text_of (json_array_get_object_element (rows, i), "start_date");
      char *key = g_strndup (start, monthly ? 7 : 10);

      g_hash_table_insert (counts, key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }
  while (g_date_compare (&day, &last) <= 0)
    {
      char key[11];
      char label[16];

      if (monthly)
        {
          g_snprintf (key, sizeof key, "%04d-%02d", g_date_get_year (&day), g_date_get_month (&day));
          g_snprintf (label, sizeof label, "%02d/%04d", g_date_get_month (&day),
                      g_date_get_year (&day));
          g_date_add_months (&day, 1);
          g_date_set_day (&day, 1);
        }
      else
        {
          g_date_strftime (key, sizeof key, "%Y-%m-%d", &day);
          g_snprintf (label, sizeof label, "%d/%d", g_date_get_day (&day), g_date_get_month (&day));
          g_date_add_days (&day, 1);
        }
      g_variant_builder_add (&builder, "(sd)", label,
                             (double) GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)));
    }
  return g_variant_builder_end (&builder);
}

static void
fill_loans (LpReportsPage *self,
            JsonObject    *report)
{
  JsonArray *rows = array_of (report, "rows");
  g_autofree char *period = lp_reports_page_period_text (self);
  g_autofree char *summary = NULL;
  gint64 total = int_of (report, "total");
  g_autofree char *number = count_text (total);

  /* Translators: the loans report's headline; %s is the period. */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%2$s loan %1$s", "%2$s loans %1$s",
                                          (gulong) total),
                             period, number);
  gtk_label_set_label (self->loans_summary, summary);
  fill_counts (self->loan_counts, object_of (report, "counts"), LP_TYPE_LOAN_STATUS);
  lp_chart_set_series (self->loans_chart, loans_per_day (self, rows));
  lp_report_table_clear (self->loans_table);
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *quantity = count_text (int_of (row, "quantity"));
      g_autofree char *start = date_text (text_of (row, "start_date"));
      g_autofree char *due = date_text (text_of (row, "due_date"));

      lp_report_table_append (self->loans_table, (const char *[]) {
        text_of (row, "code"), text_of (object_of (row, "item"), "name"),
        text_of (object_of (row, "category"), "name"),
        text_of (object_of (row, "user"), "full_name"), quantity, start, due,
        lp_reports_page_status_label (LP_TYPE_LOAN_STATUS, text_of (row, "status")) });
    }
}

static void
fill_complaints (LpReportsPage *self,
                 JsonObject    *report)
{
  JsonArray *rows = array_of (report, "rows");
  g_autofree char *period = lp_reports_page_period_text (self);
  g_autofree char *summary = NULL;
  gint64 total = int_of (report, "total");
  g_autofree char *number = count_text (total);

  /* Translators: the complaints report's headline; %s is the period. */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%2$s complaint filed %1$s",
                                          "%2$s complaints filed %1$s", (gulong) total),
                             period, number);
  gtk_label_set_label (self->complaints_summary, summary);
  fill_counts (self->complaint_counts, object_of (report, "counts"), LP_TYPE_COMPLAINT_STATUS);
  lp_report_table_clear (self->complaints_table);
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *filed = moment_text (text_of (row, "created_at"));
      const char *what = text_of (object_of (row, "item"), "name");

      if (*what == '\0')
        what = text_of (object_of (row, "category"), "name");
      lp_report_table_append (self->complaints_table, (const char *[]) {
        filed, text_of (row, "title"), what, text_of (row, "location"),
        text_of (object_of (row, "reporter"), "full_name"),
        lp_reports_page_status_label (LP_TYPE_COMPLAINT_STATUS, text_of (row, "status")) });
    }
}

static const char *
action_label (const char *action)
{
  if (g_strcmp0 (action, "replace") == 0)
    return _("Replace");
  if (g_strcmp0 (action, "maintain") == 0)
    return _("Maintain");
  if (g_strcmp0 (action, "add_stock") == 0)
    return _("Add stock");
  return action;
}

static const char *
rule_label (const char *rule)
{
  static const struct { const char *code; const char *label; } rules[] = {
    { "lost", N_("lost") },
    { "major_damage_unrepaired", N_("major damage not repaired for over 30 days") },
    { "repeated_damage", N_("damaged 3 times or more in this period") },
    { "needs_maintenance", N_("needs maintenance") },
    { "in_maintenance", N_("in maintenance") },
    { "refused_for_stock", N_("requests refused for lack of stock") },
    /* xgettext:no-c-format */
    { "high_utilization", N_("in use 80% of the time or more") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i].code, rule) == 0)
      return _(rules[i].label);
  return NULL;
}

/* The reasons in the reader's language, from the rule codes (the server's reason text
 * is English). */
static char *
reason_text (JsonObject *row)
{
  JsonArray *rules = array_of (row, "rules");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; rules != NULL && i < json_array_get_length (rules); i++)
    {
      const char *label = rule_label (json_array_get_string_element (rules, i));

      if (label == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, label);
    }
  if (text->len == 0)
    g_string_append (text, text_of (row, "reason"));
  else
    text->str[0] = g_ascii_toupper (text->str[0]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_recommendations (LpReportsPage *self,
                      JsonArray     *rows)
{
  lp_report_table_clear (self->recommendations_table);
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *reason = reason_text (row);

      lp_report_table_append (self->recommendations_table, (const char *[]) {
        action_label (text_of (row, "action")), text_of (object_of (row, "item"), "code"),
        text_of (object_of (row, "item"), "name"), text_of (row, "location"), reason });
    }
}

static void
fill_damaged (LpReportsPage *self,
              JsonArray     *rows)
{
  lp_report_table_clear (self->damaged_table);
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *since = moment_text (text_of (row, "since"));
      g_autofree char *days = count_text (int_of (row, "days"));

      lp_report_table_append (self->damaged_table, (const char *[]) {
        text_of (object_of (row, "item"), "code"), text_of (object_of (row, "item"), "name"),
        text_of (object_of (row, "category"), "name"), text_of (row, "location"),
        lp_reports_page_status_label (LP_TYPE_ITEM_CONDITION, text_of (row, "condition")),
        lp_reports_page_status_label (LP_TYPE_ITEM_STATUS, text_of (row, "status")), since, days });
    }
}

static void
fill_most_damaged (LpReportsPage *self,
                   JsonArray     *rows)
{
  lp_report_table_clear (self->most_damaged_table);
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *rank = count_text (int_of (row, "rank"));
      g_autofree char *events = count_text (int_of (row, "damage_events"));
      g_autofree char *minor = count_text (int_of (row, "minor_damage"));
      g_autofree char *major = count_text (int_of (row, "major_damage"));
      g_autofree char *last = moment_text (text_of (row, "last_damage_at"));

      lp_report_table_append (self->most_damaged_table, (const char *[]) {
        rank, text_of (object_of (row, "item"), "name"),
        text_of (object_of (row, "category"), "name"), events, minor, major, last });
    }
}

static void
fill_lost (LpReportsPage *self,
           JsonArray     *rows)
{
  lp_report_table_clear (self->lost_table);
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonObject *borrower = object_of (row, "last_borrower");
      g_autofree char *lost_at = moment_text (text_of (row, "lost_at"));
      g_autofree char *who = borrower != NULL
                             ? g_strdup_printf ("%s (%s)", text_of (borrower, "full_name"),
                                                text_of (borrower, "username"))
                             : g_strdup (_("Unknown"));

      lp_report_table_append (self->lost_table, (const char *[]) {
        text_of (object_of (row, "item"), "code"), text_of (object_of (row, "item"), "name"),
        text_of (row, "location"), lost_at, who, text_of (object_of (row, "loan"), "code") });
    }
}

/* One row per condition change, oldest first, the item named on its first row only:
 * read down, each item's history is a timeline. */
static void
fill_maintenance (LpReportsPage *self,
                  JsonArray     *items)
{
  lp_report_table_clear (self->maintenance_table);
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonArray *events = array_of (item, "events");

      for (guint j = 0; events != NULL && j < json_array_get_length (events); j++)
        {
          JsonObject *event = json_array_get_object_element (events, j);
          g_autofree char *at = moment_text (text_of (event, "at"));
          g_autofree char *change = NULL;
          g_autofree char *repaired = NULL;
          g_autofree char *repaired_at = NULL;

          /* Translators: a change of condition, e.g. "Good → Major damage". */
          change = g_strdup_printf (_("%s → %s"),
                                    lp_reports_page_status_label (LP_TYPE_ITEM_CONDITION, text_of (event, "condition_from")),
                                    lp_reports_page_status_label (LP_TYPE_ITEM_CONDITION, text_of (event, "condition_to")));
          repaired_at = moment_text (text_of (event, "repaired_at"));
          if (json_object_get_boolean_member_with_default (event, "repaired", FALSE))
            /* Translators: when an item was repaired and after how many days. */
            repaired = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (after %d day)",
                                                     "%s (after %d days)",
                                                     (gulong) int_of (event, "days_to_repair")),
                                        repaired_at, (int) int_of (event, "days_to_repair"));
          else
            repaired = g_strdup (_("Not yet"));
          lp_report_table_append (self->maintenance_table, (const char *[]) {
            j == 0 ? text_of (object_of (item, "item"), "name") : "", at, change, repaired,
            text_of (event, "loan_code"), text_of (event, "note") });
        }
    }
}

static GVariant *
damage_series (JsonArray  *rows,
               gboolean    by_category)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sd)"));
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *month = text_of (row, "month");
      g_autofree char *label = NULL;

      /* "2026-01" is written 01/2026, as the loans per month are. */
      if (by_category)
        label = g_strdup (text_of (object_of (row, "category"), "name"));
      else if (strlen (month) == 7)
        label = g_strdup_printf ("%.2s/%.4s", month + 5, month);
      else
        label = g_strdup (month);
      g_variant_builder_add (&builder, "(sd)", label, (double) int_of (row, "damage_events"));
    }
  return g_variant_builder_end (&builder);
}

static void
fill_assets (LpReportsPage *self,
             JsonObject    *report)
{
  g_autofree char *period = lp_reports_page_period_text (self);
  g_autofree char *summary = NULL;
  JsonArray *damaged = array_of (report, "damaged");
  JsonArray *lost = array_of (report, "lost");
  guint n_damaged = damaged != NULL ? json_array_get_length (damaged) : 0;
  guint n_lost = lost != NULL ? json_array_get_length (lost) : 0;

  /* Translators: the asset health headline: %1$u damaged items, %2$u lost, %3$s the period
   * ("from … to …"). */
  summary = g_strdup_printf (_("%1$u damaged now, %2$u lost; damage counted %3$s"), n_damaged,
                             n_lost, period);
  gtk_label_set_label (self->asset_summary, summary);
  lp_chart_set_series (self->category_chart,
                       damage_series (array_of (report, "damage_by_category"), TRUE));
  lp_chart_set_series (self->month_chart, damage_series (array_of (report, "damage_by_month"), FALSE));
  fill_recommendations (self, array_of (report, "recommendations"));
  fill_damaged (self, damaged);
  fill_most_damaged (self, array_of (report, "most_damaged"));
  fill_lost (self, lost);
  fill_maintenance (self, array_of (report, "maintenance_history"));
}

static void
set_columns (LpReportsPage *self)
{
  lp_report_table_set_columns (self->loans_table, (const char *[]) {
    _("Code"), _("Item"), _("Category"), _("Borrower"), _("Quantity"), _("Start"), _("Due"),
    _("Status"), NULL });
  lp_report_table_set_columns (self->complaints_table, (const char *[]) {
    _("Filed"), _("Title"), _("Item or Category"), _("Location"), _("Reporter"), _("Status"),
    NULL });
  lp_report_table_set_columns (self->recommendations_table, (const char *[]) {
    _("Action"), _("Code"), _("Item"), _("Location"), _("Reason"), NULL });
  lp_report_table_set_columns (self->damaged_table, (const char *[]) {
    _("Code"), _("Item"), _("Category"), _("Location"), _("Condition"), _("Status"),
    _("Since"), _("Days"), NULL });
  lp_report_table_set_columns (self->most_damaged_table, (const char *[]) {
    _("Rank"), _("Item"), _("Category"), _("Times Damaged"), _("Minor"), _("Major"),
    _("Last Damaged"), NULL });
  lp_report_table_set_columns (self->lost_table, (const char *[]) {
    _("Code"), _("Item"), _("Location"), _("Lost On"), _("Last Borrower"), _("Loan"), NULL });
  lp_report_table_set_columns (self->maintenance_table, (const char *[]) {
    _("Item"), _("When"), _("Condition"), _("Repaired"), _("Loan"), _("Note"), NULL });
}

/*
 * Loading
 */

static void
show_problem (LpReportsPage *self,
              const char    *text)
{
  gtk_label_set_label (self->problem_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text != NULL);
}

static gboolean
is_admin (LpReportsPage *self)
{
  LpSession *session = lp_page_get_session (LP_PAGE (self));

  return session != NULL && lp_session_get_role (session) == LP_ROLE_ADMIN;
}

static void
update_actions (LpReportsPage *self)
{
  gboolean ready = self->pending == 0 && !self->failed && self->from != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-csv", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-pdf", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", ready);
}

typedef void (*FillFunc) (LpReportsPage *self,
                          JsonObject    *report);

typedef struct
{
  LpReportsPage *self;
  FillFunc       fill;
} Load;

static void
on_report_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree Load *load = user_data;
  g_autoptr(LpReportsPage) self = load->self;
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(GError) error = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &report, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  if (report != NULL)
    load->fill (self, report);
  else if (!self->failed)
    {
      self->failed = TRUE;
      adw_status_page_set_description (self->error_page, error->message);
    }
  if (self->pending == 0)
    gtk_stack_set_visible_child_name (self->content_stack, self->failed ? "error" : "report");
  update_actions (self);
}

static void
call_report (LpReportsPage       *self,
             const LpApiEndpoint *endpoint,
             const char * const  *query,
             FillFunc             fill)
{
  Load *load = g_new0 (Load, 1);

  load->self = g_object_ref (self);
  load->fill = fill;
  self->pending++;
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), endpoint, NULL, query, NULL,
                            self->cancellable, on_report_loaded, load);
}

const char *
lp_reports_page_complaint_filter (LpReportsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->complaint_status_dropdown);

  return selected < G_N_ELEMENTS (complaint_filters) ? complaint_filters[selected] : NULL;
}

static void
load_complaints (LpReportsPage *self)
{
  call_report (self, &LP_API_REPORTS_COMPLAINTS,
               (const char *[]) { "from", self->from, "to", self->to,
                                  "status", lp_reports_page_complaint_filter (self), NULL },
               fill_complaints);
}

/* Reads the period typed; FALSE (and says why) when it is not a period. */
static gboolean
read_period (LpReportsPage *self)
{
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  GDate first, last;

  if (!parse_date (from, &first) || !parse_date (to, &last))
    {
      show_problem (self, _("Type the dates as year-month-day, for example 2026-01-31."));
      return FALSE;
    }
  if (g_date_compare (&first, &last) > 0)
    {
      show_problem (self, _("The first day of the period comes after the last one."));
      return FALSE;
    }
  show_problem (self, NULL);
  g_free (self->from);
  g_free (self->to);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  return TRUE;
}

static void
load (LpReportsPage *self)
{
  if (!is_admin (self) || !read_period (self))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 0;
  self->failed = FALSE;
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  call_report (self, &LP_API_REPORTS_LOANS,
               (const char *[]) { "from", self->from, "to", self->to, NULL }, fill_loans);
  load_complaints (self);
  call_report (self, &LP_API_REPORTS_ASSET_HEALTH,
               (const char *[]) { "from", self->from, "to", self->to, NULL }, fill_assets);
  update_actions (self);
}

static void
on_period_activate (LpReportsPage *self)
{
  load (self);
}

static void
on_complaint_status_changed (LpReportsPage *self)
{
  if (self->from == NULL || self->pending > 0 || !is_admin (self))
    return;
  load_complaints (self);
  update_actions (self);
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  load (LP_REPORTS_PAGE (widget));
}

/*
 * LpPage
 */

static void
set_default_period (LpReportsPage *self)
{
  GDate today, first;
  char text[11];

  lp_format_today (&today);
  first = today;
  g_date_subtract_days (&first, DEFAULT_DAYS - 1);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &first);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), text);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &today);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), text);
}

/* Reports are heavy: loaded when first shown to an admin, and again on request. */
static void
update_role (LpReportsPage *self)
{
  if (!is_admin (self))
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_pointer (&self->from, g_free);
      g_clear_pointer (&self->to, g_free);
      self->pending = 0;
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
      update_actions (self);
      return;
    }
  if (self->wanted && self->from == NULL)
    load (self);
}

static void
lp_reports_page_map (GtkWidget *widget)
{
  LpReportsPage *self = LP_REPORTS_PAGE (widget);

  GTK_WIDGET_CLASS (lp_reports_page_parent_class)->map (widget);
  self->wanted = TRUE;
  update_role (self);
}

static void
lp_reports_page_role_changed (LpPage *page)
{
  update_role (LP_REPORTS_PAGE (page));
}

static void
lp_reports_page_reload (LpPage *page)
{
  LpReportsPage *self = LP_REPORTS_PAGE (page);

  if (self->from != NULL)
    load (self);
}

static void
lp_reports_page_dispose (GObject *object)
{
  LpReportsPage *self = (LpReportsPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_REPORTS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);

  G_OBJECT_CLASS (lp_reports_page_parent_class)->dispose (object);
}

static void
lp_reports_page_class_init (LpReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_reports_page_dispose;
  widget_class->map = lp_reports_page_map;
  page_class->role_changed = lp_reports_page_role_changed;
  page_class->reload = lp_reports_page_reload;

  g_type_ensure (LP_TYPE_CHART);
  g_type_ensure (LP_TYPE_REPORT_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/reports/lp-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, section_stack);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, loans_summary);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, loan_counts);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, loans_chart);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, loans_table);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, complaints_summary);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, complaint_status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, complaint_counts);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, complaints_table);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, asset_summary);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, category_chart);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, month_chart);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, recommendations_table);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, damaged_table);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, most_damaged_table);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, lost_table);
  gtk_widget_class_bind_template_child (widget_class, LpReportsPage, maintenance_table);
  gtk_widget_class_bind_template_callback (widget_class, on_period_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_complaint_status_changed);

  gtk_widget_class_install_action (widget_class, "reports.refresh", NULL, refresh_activated);
  lp_reports_page_install_export_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "reports.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "reports.refresh", NULL);
}

static void
lp_reports_page_init (LpReportsPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  set_columns (self);
  set_default_period (self);
  update_actions (self);
}
