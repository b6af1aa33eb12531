/* lp-request-dialog.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-request-dialog"

#include "config.h"

#include "lp-request-dialog.h"

#include "lp-availability-calendar.h"
#include "lp-error.h"
#include "lp-format.h"
#include "lp-json.h"
#include "lp-validation.h"
#include "lp-window.h"

#include <glib/gi18n-lib.h>

/* As the server allows (server/resources/lp-loans.c). */
#define PURPOSE_MAX_CHARS 500
#define CONFLICT_DAYS_NAMED 3

struct _LpRequestDialog
{
  AdwWindow               parent_instance;

  AdwWindowTitle         *window_title;
  GtkWidget              *send_button;
  GtkWidget              *warning_box;
  GtkLabel               *warning_label;
  GtkLabel               *problem_label;
  GtkSpinButton          *quantity_spin;
  GtkAdjustment          *quantity_adjustment;
  GtkLabel               *quantity_error;
  LpAvailabilityCalendar *calendar;
  GtkLabel               *range_label;
  GtkLabel               *dates_error;
  AdwEntryRow            *purpose_row;
  GtkLabel               *purpose_error;

  LpSession              *session;
  LpItemObject           *item;
  GCancellable           *cancellable;
  guint                   max_days;    /* 0 until the settings arrive */
  gboolean                tried;       /* Send was pressed: check as the member types */
  gboolean                suggested;   /* the first range offered, once */
  gboolean                sending;
};

G_DEFINE_FINAL_TYPE (LpRequestDialog, lp_request_dialog, ADW_TYPE_WINDOW)

/* The loan offered first: a school week. */
#define SUGGESTED_DAYS 7

enum {
  SIGNAL_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* "Choose the first day" until there is one, then the range and its length. */
static void
update_range_label (LpRequestDialog *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;
  GDate start, due;

  lp_availability_calendar_get_range (self->calendar, &start, &due);
  if (!g_date_valid (&start))
    text = g_strdup (_("Choose the first day of the loan on the calendar."));
  else if (!g_date_valid (&due))
    {
      from = lp_format_date_long (&start);
      if (self->max_days > 0)
        /* Translators: %s is a date; %u the longest loan in days. */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "From %s. Now choose the due date (at most %u day).",
                                             "From %s. Now choose the due date (at most %u days).",
                                             self->max_days), from, self->max_days);
      else
        /* Translators: %s is a date. */
        text = g_strdup_printf (_("From %s. Now choose the due date."), from);
    }
  else
    {
      guint n_days = g_date_compare (&due, &start) >= 0
                     ? (guint) g_date_days_between (&start, &due) + 1 : 0;

      from = lp_format_date_long (&start);
      to = lp_format_date_long (&due);
      /* Translators: the dates of a loan and how many days it lasts. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s – %s (%u day)",
                                           "%s – %s (%u days)", n_days), from, to, n_days);
    }
  gtk_label_set_label (self->range_label, text);
}

/* The rules of common/ on what is filled in, each message under its field. */
static gboolean
validate (LpRequestDialog *self)
{
  const char *purpose = gtk_editable_get_text (GTK_EDITABLE (self->purpose_row));
  int quantity = gtk_spin_button_get_value_as_int (self->quantity_spin);
  const char *quantity_problem, *dates_problem = NULL, *purpose_problem;
  GDate start, due, today;

  lp_format_today (&today);
  lp_availability_calendar_get_range (self->calendar, &start, &due);
  quantity_problem = lp_validate_quantity (quantity,
                                           MAX (lp_api_object_get_int (self->item, "stock-total"), 1));
  if (!g_date_valid (&start))
    dates_problem = N_("Choose the start date on the calendar.");
  else if ((dates_problem = lp_validate_start_date (&start, &today)) == NULL &&
           !g_date_valid (&due))
    dates_problem = N_("Choose the due date on the calendar.");
  else if (dates_problem == NULL)
    dates_problem = lp_validate_due_date (&start, &due, self->max_days);
  purpose_problem = lp_validate_text (purpose, 1, PURPOSE_MAX_CHARS, TRUE);

  if (self->tried)
    {
      show_label (self->quantity_error, quantity_problem != NULL ? _(quantity_problem) : NULL);
      show_label (self->dates_error, dates_problem != NULL ? _(dates_problem) : NULL);
      show_label (self->purpose_error, purpose_problem != NULL ? _(purpose_problem) : NULL);
      if (purpose_problem != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->purpose_row), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->purpose_row), "error");
    }
  return quantity_problem == NULL && dates_problem == NULL && purpose_problem == NULL;
}

static void
on_range_changed (LpRequestDialog *self)
{
  update_range_label (self);
  validate (self);
}

static void
on_quantity_changed (LpRequestDialog *self)
{
  lp_availability_calendar_set_quantity (self->calendar,
                                         gtk_spin_button_get_value_as_int (self->quantity_spin));
  validate (self);
}

static void
on_purpose_changed (LpRequestDialog *self)
{
  validate (self);
}

/*
 * Sending
 */

/* The "conflicts" of an overbooked reply as LpAvailabilityDays, or NULL. */
static GArray *
conflicts_of (const GError *error)
{
  GHashTable *details = lp_error_get_details (error);
  const char *text = details != NULL ? g_hash_table_lookup (details, "conflicts") : NULL;
  g_autoptr(JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (LpAvailabilityDay));
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      LpAvailabilityDay day = { 0 };
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      g_date_clear (&day.date, 1);
      if (!lp_parse_date (json_object_get_string_member_with_default (object, "date", ""),
                          &day.date))
        continue;
      day.free = (int) json_object_get_int_member_with_default (object, "free", 0);
      g_array_append_val (days, day);
    }
  return g_steal_pointer (&days);
}

/* "Not enough units are free on 5 December 2026 (0 free) and …". */
static char *
overbooked_text (GArray *days)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < MIN (days->len, CONFLICT_DAYS_NAMED); i++)
    {
      const LpAvailabilityDay *day = &g_array_index (days, LpAvailabilityDay, i);
      g_autofree char *date = lp_format_date_long (&day->date);

      if (list->len > 0)
        g_string_append (list, ", ");
      /* Translators: a day a request does not fit and how many units are free then,
       * e.g. "5 December 2026 (1 free)". */
      g_string_append_printf (list, _("%s (%d free)"), date, day->free);
    }
  if (days->len > CONFLICT_DAYS_NAMED)
    /* Translators: after the first days a request does not fit: how many more there are. */
    g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, " and %u more day",
                                               " and %u more days",
                                               days->len - CONFLICT_DAYS_NAMED),
                            days->len - CONFLICT_DAYS_NAMED);
  /* Translators: %s lists days, e.g. "5 December 2026 (0 free)". */
  return g_strdup_printf (_("Not enough units are free on %s: other loans already hold them. "
                            "The days are marked on the calendar; choose other dates or fewer "
                            "units."), list->str);
}

/* The server's field errors, under the fields they belong to. */
static void
show_field_errors (LpRequestDialog *self,
                   const GError    *error)
{
  GHashTable *fields = lp_error_get_fields (error);
  const char *dates;

  if (fields == NULL)
    return;
  dates = g_hash_table_lookup (fields, "start_date");
  if (dates == NULL)
    dates = g_hash_table_lookup (fields, "due_date");
  if (g_hash_table_lookup (fields, "quantity") != NULL)
    show_label (self->quantity_error, _(g_hash_table_lookup (fields, "quantity")));
  if (dates != NULL)
    show_label (self->dates_error, _(dates));
  if (g_hash_table_lookup (fields, "purpose") != NULL)
    show_label (self->purpose_error, _(g_hash_table_lookup (fields, "purpose")));
}

static void
show_error (LpRequestDialog *self,
            const GError    *error)
{
  g_autoptr(GArray) conflicts = NULL;
  g_autofree char *text = NULL;

  if (g_error_matches (error, LP_ERROR, LP_ERROR_OVERBOOKED) &&
      (conflicts = conflicts_of (error)) != NULL && conflicts->len > 0)
    {
      lp_availability_calendar_mark_conflicts (self->calendar, conflicts);
      show_label (self->problem_label, (text = overbooked_text (conflicts)));
      lp_availability_calendar_reload (self->calendar);
    }
  else if (g_error_matches (error, LP_ERROR, LP_ERROR_VALIDATION_FAILED))
    {
      show_field_errors (self, error);
      show_label (self->problem_label, _("Some fields need your attention."));
    }
  else if (g_error_matches (error, LP_ERROR, LP_ERROR_CONFLICT))
    show_label (self->problem_label, _("This item cannot be borrowed in its present status. "
                                       "Ask the library staff."));
  else
    show_label (self->problem_label, error->message);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LpRequestDialog) self = user_data;
  g_autoptr(LpLoanObject) loan = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &loan, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->sending = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.send", TRUE);
  if (loan == NULL)
    {
      show_error (self, error);
      return;
    }
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (LP_IS_WINDOW (parent))
    lp_window_add_toast (LP_WINDOW (parent), _("Request sent"));
  g_signal_emit (self, signals[SIGNAL_SENT], 0, loan);
  gtk_window_close (GTK_WINDOW (self));
}

static JsonNode *
request_body (LpRequestDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *start = lp_availability_calendar_get_start (self->calendar);
  g_autofree char *due = lp_availability_calendar_get_due (self->calendar);
  g_autofree char *purpose = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->purpose_row))));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "item_id");
  json_builder_add_string_value (builder, lp_api_object_get_id (self->item));
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, gtk_spin_button_get_value_as_int (self->quantity_spin));
  json_builder_set_member_name (builder, "start_date");
  json_builder_add_string_value (builder, start);
  json_builder_set_member_name (builder, "due_date");
  json_builder_add_string_value (builder, due);
  json_builder_set_member_name (builder, "purpose");
  json_builder_add_string_value (builder, purpose);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
send_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LpRequestDialog *self = LP_REQUEST_DIALOG (widget);
  g_autoptr(JsonNode) body = NULL;

  if (self->sending)
    return;
  self->tried = TRUE;
  show_label (self->problem_label, NULL);
  if (!validate (self))
    return;
  lp_availability_calendar_clear_conflicts (self->calendar);
  self->sending = TRUE;
  gtk_widget_action_set_enabled (widget, "request.send", FALSE);
  body = request_body (self);
  lp_api_client_call_async (lp_session_get_client (self->session), &LP_API_LOANS_CREATE, NULL,
                            NULL, body, self->cancellable, on_sent, g_object_ref (self));
}

/*
 * Loading
 */

/* Once the longest loan and the free days are known, the dialog opens on the first week
 * that fits from today: most members only type the purpose and press Send (a kiosk
 * asks no more). Any click on the calendar chooses again. */
static void
suggest_range (LpRequestDialog *self)
{
  if (self->suggested || self->max_days == 0 ||
      lp_availability_calendar_get_loading (self->calendar))
    return;
  self->suggested = TRUE;
  lp_availability_calendar_suggest_range (self->calendar, SUGGESTED_DAYS);
}

static void
on_settings_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LpRequestDialog) self = user_data;
  g_autoptr(LpSettingsObject) settings = NULL;
  g_autoptr(GError) error = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &settings, NULL, &error);
  if (settings == NULL)
    {
      /* The server checks the longest loan anyway. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Settings: %s", error->message);
      return;
    }
  self->max_days = (guint) lp_api_object_get_int (settings, "max-loan-days");
  lp_availability_calendar_set_max_days (self->calendar, self->max_days);
  suggest_range (self);
  update_range_label (self);
  validate (self);
}

/* Loans of other members take units: the calendar follows. */
static void
on_event (LpRequestDialog *self,
          const char      *type,
          const char      *id)
{
  if (g_strcmp0 (type, "loan.changed") == 0 ||
      (g_strcmp0 (type, "item.changed") == 0 && g_strcmp0 (id, lp_api_object_get_id (self->item)) == 0))
    lp_availability_calendar_reload (self->calendar);
}

static void
show_item (LpRequestDialog *self)
{
  int total = lp_api_object_get_int (self->item, "stock-total");

  adw_window_title_set_subtitle (self->window_title, lp_api_object_get_string (self->item, "name"));
  gtk_adjustment_set_upper (self->quantity_adjustment, MAX (total, 1));
  if (lp_api_object_get_enum (self->item, "status") == LP_ITEM_STATUS_NEEDS_MAINTENANCE)
    {
      gtk_label_set_label (self->warning_label,
                           _("This item needs maintenance. It can still be borrowed: check it "
                             "with the library staff when you collect it."));
      gtk_widget_set_visible (self->warning_box, TRUE);
    }
  lp_availability_calendar_set_client (self->calendar, lp_session_get_client (self->session));
  lp_availability_calendar_set_item_id (self->calendar, lp_api_object_get_id (self->item));
  g_signal_connect_object (self->calendar, "notify::loading", G_CALLBACK (suggest_range), self,
                           G_CONNECT_SWAPPED);
  update_range_label (self);
  lp_api_client_call_async (lp_session_get_client (self->session), &LP_API_SETTINGS_GET, NULL,
                            NULL, NULL, self->cancellable, on_settings_loaded,
                            g_object_ref (self));
  g_signal_connect_object (lp_session_get_events (self->session), "changed",
                           G_CALLBACK (on_event), self, G_CONNECT_SWAPPED);
}

static void
lp_request_dialog_dispose (GObject *object)
{
  LpRequestDialog *self = (LpRequestDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_REQUEST_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (lp_request_dialog_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpRequestDialog, name)

static void
lp_request_dialog_class_init (LpRequestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_request_dialog_dispose;

  /* ::sent (loan): the request was accepted as pending. */
  signals[SIGNAL_SENT] =
    g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LP_TYPE_LOAN_OBJECT);

  g_type_ensure (LP_TYPE_AVAILABILITY_CALENDAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/member/lp-request-dialog.ui");
  BIND (window_title);
  BIND (send_button);
  BIND (warning_box);
  BIND (warning_label);
  BIND (problem_label);
  BIND (quantity_spin);
  BIND (quantity_adjustment);
  BIND (quantity_error);
  BIND (calendar);
  BIND (range_label);
  BIND (dates_error);
  BIND (purpose_row);
  BIND (purpose_error);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_quantity_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_purpose_changed);

  gtk_widget_class_install_action (widget_class, "request.send", NULL, send_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "request.send", NULL);
}

#undef BIND

static void
lp_request_dialog_init (LpRequestDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

LpRequestDialog *
lp_request_dialog_new (LpSession    *session,
                       LpItemObject *item)
{
  LpRequestDialog *self;

  g_return_val_if_fail (LP_IS_SESSION (session), NULL);
  g_return_val_if_fail (LP_IS_ITEM_OBJECT (item), NULL);

  self = g_object_new (LP_TYPE_REQUEST_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->item = g_object_ref (item);
  show_item (self);
  return self;
}
