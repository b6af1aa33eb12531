/* lp-item-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-item-page"

#include "config.h"

#include "lp-item-page.h"

#include "lp-ask.h"
#include "lp-enums.h"
#include "lp-error.h"
#include "lp-format.h"
#include "lp-property-row.h"
#include "lp-data-objects.h"
#include "lp-request-dialog.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _LpItemPage
{
  LpPage          parent_instance;

  GtkStack       *page_stack;
  GtkSpinner     *page_spinner;
  AdwStatusPage  *error_page;
  AdwWindowTitle *window_title;
  GtkScrolledWindow *scrolled_window;
  GtkWidget      *warning_box;
  GtkLabel       *warning_label;
  AdwPreferencesGroup *availability_group;
  GtkLabel       *availability_range;
  GtkStack       *availability_stack;
  GtkSpinner     *availability_spinner;
  GtkGrid        *availability_grid;
  GtkLabel       *availability_error;
  GtkLabel       *not_lendable_label;
  GtkWidget      *repair_button;
  GtkLabel       *problem_label;
  AdwPreferencesGroup *history_group;
  GtkStack       *history_stack;
  GtkSpinner     *history_spinner;
  GtkListBox     *history_list;
  GtkLabel       *history_error;

  GCancellable   *cancellable;   /* the current load; replaced by each load */
  LpItemObject   *item;          /* the item shown; NULL while loading */
  GArray         *availability;
  char           *item_id;       /* the item shown or loading */
  gboolean        busy;          /* a repair is on its way to the server */
};

G_DEFINE_FINAL_TYPE (LpItemPage, lp_item_page, LP_TYPE_PAGE)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * Template callbacks: the details of lp-item-page.ui are bound to :item through these.
 */

static char *
category_name (LpItemPage  *self,
               LpRefObject *category)
{
  return g_strdup (category != NULL ? lp_api_object_get_string (category, "name") : NULL);
}

static char *
stock_text (LpItemPage *self,
            int         available,
            int         total)
{
  /* Translators: units on the shelf out of units owned. */
  return g_strdup_printf (_("%d of %d"), available, total);
}

static char *
condition_text (LpItemPage      *self,
                LpItemCondition  condition)
{
  return g_strdup (_(lp_item_condition_label (condition)));
}

static char *
status_text (LpItemPage   *self,
             LpItemStatus  status)
{
  return g_strdup (_(lp_item_status_label (status)));
}

static char *
year_text (LpItemPage *self,
           int         year)
{
  return year > 0 ? g_strdup_printf ("%d", year) : NULL;
}

/* "author · publisher · year", leaving out what a book lacks. */
static char *
byline_text (LpItemPage *self,
             const char *author,
             const char *publisher,
             int         year)
{
  g_autofree char *year_str = year_text (self, year);
  const char *parts[] = { author, publisher, year_str };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", parts[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
byline_visible (LpItemPage *self,
                const char *author,
                const char *publisher,
                int         year)
{
  g_autofree char *text = byline_text (self, author, publisher, year);

  return *text != '\0';
}

static gboolean
has_text (LpItemPage *self,
          const char *text)
{
  return text != NULL && *text != '\0';
}

/* Members request loans of what can be lent; the button waits for the item. */
static gboolean
can_request (LpItemPage   *self,
             LpRole        role,
             LpItemStatus  status)
{
  return role == LP_ROLE_MEMBER && self->item != NULL && lp_item_status_is_lendable (status);
}

static gboolean
is_desk (LpItemPage *self,
         LpRole      role)
{
  return (role & LP_ROLES_DESK) != 0;
}

/* The desk marks repaired what is damaged or in maintenance (the server's rule too). */
static gboolean
can_repair (LpItemPage      *self,
            LpRole           role,
            LpItemStatus     status,
            LpItemCondition  condition)
{
  return is_desk (self, role) && self->item != NULL &&
         (condition != LP_ITEM_CONDITION_GOOD || status == LP_ITEM_STATUS_NEEDS_MAINTENANCE ||
          status == LP_ITEM_STATUS_MAINTENANCE);
}

static void
request_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LpItemPage *self = LP_ITEM_PAGE (widget);
  LpSession *session = lp_page_get_session (LP_PAGE (self));
  LpRequestDialog *dialog;

  if (self->item == NULL || session == NULL || lp_session_get_role (session) != LP_ROLE_MEMBER)
    return;
  dialog = lp_request_dialog_new (session, self->item);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What a librarian should know before lending this item, or NULL. */
static char *
warning_for (LpItemStatus     status,
             LpItemCondition  condition,
             gboolean        *severe)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  *severe = FALSE;
  switch (status)
    {
    case LP_ITEM_STATUS_NEEDS_MAINTENANCE:
      g_ptr_array_add (lines, _("This item needs maintenance. It can still be borrowed: "
                                "check it before handing it over."));
      break;
    case LP_ITEM_STATUS_MAINTENANCE:
      g_ptr_array_add (lines, _("This item is being repaired and cannot be borrowed now."));
      *severe = TRUE;
      break;
    case LP_ITEM_STATUS_UNAVAILABLE:
      g_ptr_array_add (lines, _("This item is not available for loans."));
      *severe = TRUE;
      break;
    case LP_ITEM_STATUS_AVAILABLE:
    default:
      break;
    }
  switch (condition)
    {
    case LP_ITEM_CONDITION_MINOR_DAMAGE:
      g_ptr_array_add (lines, _("Condition: minor damage."));
      break;
    case LP_ITEM_CONDITION_MAJOR_DAMAGE:
      g_ptr_array_add (lines, _("Condition: major damage."));
      *severe = TRUE;
      break;
    case LP_ITEM_CONDITION_LOST:
      g_ptr_array_add (lines, _("This item is recorded as lost."));
      *severe = TRUE;
      break;
    case LP_ITEM_CONDITION_GOOD:
    default:
      break;
    }
  if (lines->len == 0)
    return NULL;
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
show_warning (LpItemPage *self)
{
  gboolean severe = FALSE;
  g_autofree char *warning = warning_for (lp_api_object_get_enum (self->item, "status"),
                                          lp_api_object_get_enum (self->item, "condition"),
                                          &severe);

  gtk_widget_set_visible (self->warning_box, warning != NULL);
  gtk_label_set_label (self->warning_label, warning != NULL ? warning : "");
  if (severe)
    gtk_widget_add_css_class (self->warning_box, "severe");
  else
    gtk_widget_remove_css_class (self->warning_box, "severe");
}

static void
clear_grid (LpItemPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->availability_grid))) != NULL)
    gtk_grid_remove (self->availability_grid, child);
}

static GtkWidget *
day_cell (const LpAvailabilityDay *day,
          gboolean                 today)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *date_label, *free_label;
  g_autofree char *date_text = NULL;
  g_autofree char *long_date = lp_format_date_long (&day->date);
  g_autofree char *free_text = g_strdup_printf ("%d", day->free);
  g_autofree char *tooltip = NULL;

  date_text = g_strdup_printf ("%u", (guint) g_date_get_day (&day->date));
  date_label = gtk_label_new (date_text);
  gtk_widget_add_css_class (date_label, "caption");
  free_label = gtk_label_new (free_text);
  gtk_widget_add_css_class (free_label, "heading");
  gtk_box_append (GTK_BOX (box), date_label);
  gtk_box_append (GTK_BOX (box), free_label);
  gtk_widget_add_css_class (box, "day");
  gtk_widget_add_css_class (box, day->free > 0 ? "free" : "full");
  if (today)
    gtk_widget_add_css_class (box, "today");
  /* Translators: a day of the availability calendar: a date and a number of units. */
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %d unit free",
                                          "%s: %d units free", day->free),
                             long_date, day->free);
  gtk_widget_set_tooltip_text (box, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return box;
}

/* "22 November – 19 December 2026", the days the calendar covers. */
static void
show_range (LpItemPage *self)
{
  const GDate *first = &g_array_index (self->availability, LpAvailabilityDay, 0).date;
  const GDate *last = &g_array_index (self->availability, LpAvailabilityDay,
                                      self->availability->len - 1).date;
  g_autofree char *from = lp_format_date_long (first);
  g_autofree char *to = lp_format_date_long (last);
  g_autofree char *range = NULL;

  /* Translators: a range of dates, from the first to the last. */
  range = g_strdup_printf (_("%s – %s"), from, to);
  gtk_label_set_label (self->availability_range, range);
  gtk_widget_set_visible (GTK_WIDGET (self->availability_range), TRUE);
}

/* A calendar of weeks, Monday first, starting with the week of the first day. */
static void
show_availability (LpItemPage *self)
{
  GDate today;
  int column;

  clear_grid (self);
  gtk_label_set_label (self->availability_range, "");
  lp_format_today (&today);
  for (int weekday = G_DATE_MONDAY; weekday <= G_DATE_SUNDAY; weekday++)
    {
      GtkWidget *label = gtk_label_new (lp_format_weekday_short ((GDateWeekday) weekday));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (self->availability_grid, label, weekday - 1, 0, 1, 1);
    }
  if (self->availability->len == 0)
    return;
  show_range (self);
  column = g_date_get_weekday (&g_array_index (self->availability, LpAvailabilityDay, 0).date) - 1;
  for (guint i = 0, row = 1; i < self->availability->len; i++)
    {
      const LpAvailabilityDay *day = &g_array_index (self->availability, LpAvailabilityDay, i);

      gboolean is_today = g_date_compare (&day->date, &today) == 0;

      gtk_grid_attach (self->availability_grid, day_cell (day, is_today), column, (int) row, 1, 1);
      if (++column == 7)
        {
          column = 0;
          row++;
        }
    }
}

static void
on_availability_loaded (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(LpItemPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &days, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->availability_spinner, FALSE);
  if (days == NULL)
    {
      gtk_label_set_label (self->availability_error, error->message);
      gtk_stack_set_visible_child_name (self->availability_stack, "error");
      return;
    }
  g_clear_pointer (&self->availability, g_array_unref);
  self->availability = g_steal_pointer (&days);
  show_availability (self);
  gtk_stack_set_visible_child_name (self->availability_stack, "grid");
}

static void
load_availability (LpItemPage *self)
{
  GDate from, to;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  lp_format_today (&from);
  to = from;
  g_date_add_days (&to, LP_ITEM_PAGE_DAYS - 1);
  from_text = lp_format_date (&from);
  to_text = lp_format_date (&to);
  gtk_spinner_set_spinning (self->availability_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->availability_stack, "loading");
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_ITEMS_AVAILABILITY,
                            (const char *[]) { self->item_id, NULL },
                            (const char *[]) { "from", from_text, "to", to_text, NULL }, NULL,
                            self->cancellable, on_availability_loaded, g_object_ref (self));
}

/* Units on the shelf mean nothing for an item that cannot be lent at all: no calendar. */
static void
show_not_lendable (LpItemPage *self)
{
  g_autofree char *text = NULL;

  /* Translators: %s is an item status such as "In maintenance". */
  text = g_strdup_printf (_("Cannot be borrowed while its status is “%s”."),
                          _(lp_item_status_label (lp_api_object_get_enum (self->item, "status"))));
  gtk_label_set_label (self->not_lendable_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->availability_range), FALSE);
  adw_preferences_group_set_description (self->availability_group, NULL);
  gtk_stack_set_visible_child_name (self->availability_stack, "not-lendable");
}

/*
 * The condition history (the desk's only: the server keeps it from members)
 */

#define HISTORY_LIMIT "100"

static char *
ref_name (LpRefObject *ref)
{
  const char *full_name = ref != NULL ? lp_api_object_get_string (ref, "full-name") : NULL;

  if (full_name == NULL && ref != NULL)
    full_name = lp_api_object_get_string (ref, "username");
  return g_strdup (full_name);
}

static char *
time_text (GDateTime *time)
{
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  return local != NULL ? lp_format_time_long (local) : NULL;
}

static char *
event_title (LpConditionEventObject *event)
{
  const char *source = lp_api_object_get_string (event, "source");
  const char *to = _(lp_item_condition_label (lp_api_object_get_enum (event, "condition-to")));

  if (g_strcmp0 (source, "repair") == 0)
    return g_strdup (_("Repaired"));
  if (g_strcmp0 (source, "return") == 0)
    /* Translators: %s is a condition such as "Minor damage". */
    return g_strdup_printf (_("Returned · condition: %s"), to);
  /* Translators: an admin edited the item; %s is a condition such as "Major damage". */
  return g_strdup_printf (_("Condition set to %s"), to);
}

static void
add_line (GString    *text,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_line (GString    *text,
          const char *format,
          ...)
{
  va_list args;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

/* How a damage ended: repaired (when, by whom), or not yet. */
static void
add_resolution (GString                *text,
                LpConditionEventObject *event)
{
  g_autofree char *when = time_text (lp_api_object_get_boxed (event, "resolved-at"));
  g_autofree char *who = ref_name (lp_api_object_get_object (event, "resolved-by"));

  if (!lp_api_object_get_boolean (event, "resolved"))
    add_line (text, "%s", _("Not repaired yet"));
  else
    /* Translators: when a damage was repaired (a date and time), then by whom. */
    add_line (text, _("Repaired %s by %s"), when != NULL ? when : "", who != NULL ? who : "—");
}

/* When, who, the loan, the note, and how a damage ended: one line each. */
static char *
event_details (LpConditionEventObject *event)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *when = time_text (lp_api_object_get_boxed (event, "created-at"));
  g_autofree char *who = ref_name (lp_api_object_get_object (event, "reported-by"));
  const char *note = lp_api_object_get_string (event, "note");
  const char *loan_code = lp_api_object_get_string (event, "loan-code");

  if (when != NULL)
    add_line (text, "%s", when);
  if (who != NULL && g_strcmp0 (lp_api_object_get_string (event, "source"), "return") == 0)
    /* Translators: %s is the full name of the staff member who inspected a return. */
    add_line (text, _("Inspected by %s"), who);
  else if (who != NULL)
    /* Translators: %s is the full name of a staff member. */
    add_line (text, _("By %s"), who);
  if (loan_code != NULL)
    /* Translators: %s is a loan code. */
    add_line (text, _("Loan %s"), loan_code);
  if (note != NULL && *note != '\0')
    /* Translators: a note written with a condition change, in quotes. */
    add_line (text, _("“%s”"), note);
  if (lp_api_object_get_enum (event, "condition-to") != LP_ITEM_CONDITION_GOOD)
    add_resolution (text, event);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
event_icon (LpConditionEventObject *event)
{
  const char *source = lp_api_object_get_string (event, "source");

  if (g_strcmp0 (source, "repair") == 0)
    return "emblem-ok-symbolic";
  if (lp_api_object_get_enum (event, "condition-to") != LP_ITEM_CONDITION_GOOD)
    return "dialog-warning-symbolic";
  return g_strcmp0 (source, "return") == 0 ? "edit-undo-symbolic" : "document-edit-symbolic";
}

/* One event; one with a loan opens the loan (its return, and the complaint of a loss). */
static GtkWidget *
event_row (LpConditionEventObject *event)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = event_title (event);
  g_autofree char *details = event_details (event);
  const char *loan_id = lp_api_object_get_string (event, "loan-id");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (event_icon (event)));
  gtk_widget_add_css_class (row, "condition-event");
  if (lp_api_object_get_enum (event, "condition-to") != LP_ITEM_CONDITION_GOOD)
    gtk_widget_add_css_class (row, "damage");
  if (loan_id != NULL)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", "loan", loan_id);
      gtk_widget_set_tooltip_text (row, _("Open the loan"));
    }
  return row;
}

static void
clear_history (LpItemPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  adw_preferences_group_set_description (self->history_group, NULL);
}

static void
show_history (LpItemPage *self,
              GPtrArray  *events,
              guint       total)
{
  clear_history (self);
  for (guint i = 0; i < events->len; i++)
    gtk_list_box_append (self->history_list, event_row (g_ptr_array_index (events, i)));
  if (total > events->len)
    {
      g_autofree char *count = lp_format_count (events->len);
      g_autofree char *all = lp_format_count (total);
      g_autofree char *text = NULL;

      /* Translators: the history shows only the newest changes: "the newest 100 of 1,234". */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The newest %s of %s change",
                                           "The newest %s of %s changes", total),
                              count, all);
      adw_preferences_group_set_description (self->history_group, text);
    }
  gtk_stack_set_visible_child_name (self->history_stack, events->len > 0 ? "list" : "empty");
}

static void
on_history_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LpItemPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  guint total = 0;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &events, &total, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->history_spinner, FALSE);
  if (events == NULL)
    {
      gtk_label_set_label (self->history_error, error->message);
      gtk_stack_set_visible_child_name (self->history_stack, "error");
      return;
    }
  show_history (self, events, total);
}

static void
load_history (LpItemPage *self)
{
  LpSession *session = lp_page_get_session (LP_PAGE (self));

  if (session == NULL || !is_desk (self, lp_session_get_role (session)))
    return;
  /* A refresh keeps the rows shown until the new ones arrive. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->history_list)) == NULL)
    {
      gtk_spinner_set_spinning (self->history_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->history_stack, "loading");
    }
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_ITEMS_HISTORY,
                            (const char *[]) { self->item_id, NULL },
                            (const char *[]) { "limit", HISTORY_LIMIT, NULL }, NULL,
                            self->cancellable, on_history_loaded, g_object_ref (self));
}

static void
show_item (LpItemPage *self,
           LpItemObject *item)
{
  if (self->item != NULL)
    lp_api_object_update (self->item, item);   /* a refresh: the bindings follow */
  else
    {
      self->item = g_object_ref (item);
      g_signal_connect_object (item, "notify", G_CALLBACK (show_warning), self, G_CONNECT_SWAPPED);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
    }
  show_warning (self);
  load_history (self);
  gtk_stack_set_visible_child_name (self->page_stack, "content");
  if (lp_item_status_is_lendable (lp_api_object_get_enum (item, "status")))
    load_availability (self);
  else
    show_not_lendable (self);
}

static void
on_item_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LpItemPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpItemObject) item = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &item, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->page_spinner, FALSE);
  if (item != NULL)
    {
      show_item (self, item);
      return;
    }
  adw_window_title_set_title (self->window_title, _("Item"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  adw_status_page_set_description (self->error_page,
                                   g_error_matches (error, LP_ERROR, LP_ERROR_NOT_FOUND)
                                   ? _("This item is no longer in the catalog.")
                                   : error->message);
  gtk_stack_set_visible_child_name (self->page_stack, "error");
}

static void
fetch_item (LpItemPage *self)
{
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_ITEMS_GET,
                            (const char *[]) { self->item_id, NULL }, NULL, NULL,
                            self->cancellable, on_item_loaded, g_object_ref (self));
}

/*
 * Mark Repaired
 */

static void
show_problem (LpItemPage *self,
              const char *text)
{
  gtk_label_set_label (self->problem_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text != NULL);
}

static void
on_repaired (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LpItemPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpItemObject) item = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &item, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  gtk_widget_set_sensitive (self->repair_button, TRUE);
  if (item != NULL && g_strcmp0 (lp_api_object_get_id (item), self->item_id) == 0)
    {
      show_problem (self, NULL);
      show_item (self, item);
      lp_page_add_toast (LP_PAGE (self), _("Marked as repaired"));
      return;
    }
  if (error != NULL)
    show_problem (self, g_error_matches (error, LP_ERROR, LP_ERROR_CONFLICT)
                        ? _("This item needs no repair any more: someone else has already "
                            "marked it repaired. The page now shows where it stands.")
                        : error->message);
  /* Never a stale page: what the server has now. */
  fetch_item (self);
}

static void
repair (LpItemPage *self,
        const char *note)
{
  g_autoptr(JsonNode) body = NULL;

  if (self->item == NULL || self->busy)
    return;
  self->busy = TRUE;
  gtk_widget_set_sensitive (self->repair_button, FALSE);
  if (note != NULL && *note != '\0')
    body = lp_api_body_new ("note", note, NULL);
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_ITEMS_REPAIR,
                            (const char *[]) { self->item_id, NULL }, NULL, body,
                            self->cancellable, on_repaired, g_object_ref (self));
}

static void
on_repair_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LpItemPage       *self)
{
  g_autofree char *note = lp_ask_dup_entry_text (dialog);

  if (g_strcmp0 (response, "repair") == 0)
    repair (self, note);
}

static void
repair_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LpItemPage *self = LP_ITEM_PAGE (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->item == NULL || self->busy)
    return;
  /* Translators: %s is an item's name. */
  body = g_strdup_printf (_("“%s” goes back to good condition and can be borrowed again."),
                          lp_api_object_get_string (self->item, "name"));
  dialog = lp_ask_new (widget, _("Mark This Item Repaired?"), body, "cancel", _("_Cancel"),
                       "repair", _("_Mark Repaired"), ADW_RESPONSE_SUGGESTED,
                       G_CALLBACK (on_repair_response), self);
  entry = lp_ask_add_entry (dialog, _("What was done (optional)"), _("Repair note"));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* The item shown changed on the server: shown again at once, without the loading page. */
static void
lp_item_page_event (LpPage     *page,
                    const char *type,
                    const char *id)
{
  LpItemPage *self = LP_ITEM_PAGE (page);

  if (g_strcmp0 (type, "item.changed") == 0 && g_strcmp0 (id, self->item_id) == 0 &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    fetch_item (self);
}

static void
lp_item_page_reload (LpPage *page)
{
  LpItemPage *self = LP_ITEM_PAGE (page);

  if (self->item_id != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    fetch_item (self);
}

static void
lp_item_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, LP_ITEM_PAGE (object)->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_item_page_dispose (GObject *object)
{
  LpItemPage *self = (LpItemPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_ITEM_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (lp_item_page_parent_class)->dispose (object);
}

static void
lp_item_page_finalize (GObject *object)
{
  LpItemPage *self = (LpItemPage *) object;

  g_clear_pointer (&self->availability, g_array_unref);
  g_free (self->item_id);

  G_OBJECT_CLASS (lp_item_page_parent_class)->finalize (object);
}

static void
lp_item_page_open (LpPage     *page,
                   const char *id)
{
  lp_item_page_load (LP_ITEM_PAGE (page), id);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpItemPage, name)

static void
lp_item_page_class_init (LpItemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_item_page_dispose;
  object_class->finalize = lp_item_page_finalize;
  object_class->get_property = lp_item_page_get_property;
  page_class->event = lp_item_page_event;
  page_class->reload = lp_item_page_reload;
  page_class->open = lp_item_page_open;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, LP_TYPE_ITEM_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LP_TYPE_PROPERTY_ROW);
  g_type_ensure (LP_TYPE_REF_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/catalog/lp-item-page.ui");
  BIND (page_stack);
  BIND (page_spinner);
  BIND (error_page);
  BIND (window_title);
  BIND (scrolled_window);
  BIND (warning_box);
  BIND (warning_label);
  BIND (availability_group);
  BIND (availability_range);
  BIND (availability_stack);
  BIND (availability_spinner);
  BIND (availability_grid);
  BIND (availability_error);
  BIND (not_lendable_label);
  BIND (repair_button);
  BIND (problem_label);
  BIND (history_group);
  BIND (history_stack);
  BIND (history_spinner);
  BIND (history_list);
  BIND (history_error);
  gtk_widget_class_bind_template_callback (widget_class, category_name);
  gtk_widget_class_bind_template_callback (widget_class, stock_text);
  gtk_widget_class_bind_template_callback (widget_class, condition_text);
  gtk_widget_class_bind_template_callback (widget_class, status_text);
  gtk_widget_class_bind_template_callback (widget_class, year_text);
  gtk_widget_class_bind_template_callback (widget_class, byline_text);
  gtk_widget_class_bind_template_callback (widget_class, byline_visible);
  gtk_widget_class_bind_template_callback (widget_class, has_text);
  gtk_widget_class_bind_template_callback (widget_class, can_request);
  gtk_widget_class_bind_template_callback (widget_class, is_desk);
  gtk_widget_class_bind_template_callback (widget_class, can_repair);
  gtk_widget_class_bind_template_child_full (widget_class, "request_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "item.request", NULL, request_activated);
  gtk_widget_class_install_action (widget_class, "item.repair", NULL, repair_activated);
}

#undef BIND

static void
lp_item_page_init (LpItemPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

void
lp_item_page_load (LpItemPage *self,
                   const char *item_id)
{
  g_return_if_fail (LP_IS_ITEM_PAGE (self));
  g_return_if_fail (item_id != NULL);
  g_return_if_fail (lp_page_get_client (LP_PAGE (self)) != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->item_id != item_id)
    {
      g_free (self->item_id);
      self->item_id = g_strdup (item_id);
    }
  if (self->item != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->item, self);
      g_clear_object (&self->item);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }
  g_clear_pointer (&self->availability, g_array_unref);
  clear_grid (self);
  clear_history (self);
  self->busy = FALSE;
  gtk_widget_set_sensitive (self->repair_button, TRUE);
  show_problem (self, NULL);
  gtk_label_set_label (self->availability_range, "");
  gtk_widget_set_visible (GTK_WIDGET (self->availability_range), FALSE);
  adw_preferences_group_set_description (self->availability_group,
                                         _("Units free each day for the next four weeks"));
  gtk_stack_set_visible_child_name (self->availability_stack, "loading");

  adw_window_title_set_title (self->window_title, _("Item"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_spinner_set_spinning (self->page_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->page_stack, "loading");
  fetch_item (self);
}

const char *
lp_item_page_get_item_id (LpItemPage *self)
{
  g_return_val_if_fail (LP_IS_ITEM_PAGE (self), NULL);

  return self->item_id;
}
