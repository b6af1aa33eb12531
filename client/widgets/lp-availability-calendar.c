/* lp-availability-calendar.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-availability-calendar"

#include "config.h"

#include "lp-availability-calendar.h"

#include "lp-format.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>

/* The server answers at most 366 days ahead; the calendar goes no further. */
#define HORIZON_DAYS 365

struct _LpAvailabilityCalendar
{
  AdwBin        parent_instance;

  GtkWidget    *prev_button;
  GtkWidget    *next_button;
  GtkLabel     *month_label;
  GtkSpinner   *spinner;
  GtkGrid      *day_grid;
  GtkLabel     *status_label;

  LpApiClient  *client;
  char         *item_id;
  GCancellable *cancellable;    /* the fetch under way */
  GHashTable   *free;           /* julian day → free units + 1 */
  GHashTable   *conflicts;      /* julian days a request was refused for */
  GPtrArray    *buttons;        /* the day buttons of the month shown, day 1 first */
  GDate         month;          /* the first day of the month shown */
  GDate         start;          /* cleared while unset */
  GDate         due;
  int           quantity;
  guint         max_days;
  gboolean      loading;
};

G_DEFINE_FINAL_TYPE (LpAvailabilityCalendar, lp_availability_calendar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_ITEM_ID,
  PROP_QUANTITY,
  PROP_MAX_DAYS,
  PROP_START,
  PROP_DUE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static guint32
julian (const GDate *date)
{
  return g_date_get_julian (date);
}

static guint32
today_julian (void)
{
  GDate today;

  lp_format_today (&today);
  return julian (&today);
}

static int
free_on (LpAvailabilityCalendar *self,
         guint32                 day)
{
  gpointer value = g_hash_table_lookup (self->free, GUINT_TO_POINTER (day));

  return value != NULL ? GPOINTER_TO_INT (value) - 1 : -1;
}

static gboolean
fits (LpAvailabilityCalendar *self,
      guint32                 day)
{
  return day >= today_julian () && free_on (self, day) >= self->quantity;
}

/* The last day the due date may be while choosing it: the longest loan, and no full or
 * unknown day between. 0 when the due date is not being chosen. */
static guint32
due_limit (LpAvailabilityCalendar *self)
{
  guint32 first, last, day;

  if (!g_date_valid (&self->start) || g_date_valid (&self->due))
    return 0;
  first = julian (&self->start);
  last = self->max_days > 0 ? first + self->max_days - 1 : first + HORIZON_DAYS;
  for (day = first; day < last && fits (self, day + 1); day++)
    ;
  return day;
}

/* "5 December 2026, 2 free", with what the day is in the range chosen. */
static char *
day_label (LpAvailabilityCalendar *self,
           const GDate            *date,
           int                     free_units)
{
  g_autofree char *long_date = lp_format_date_long (date);
  g_autoptr(GString) text = g_string_new (long_date);
  guint32 day = julian (date);

  if (day < today_julian ())
    /* Translators: appended to a date of the calendar that has passed. */
    g_string_append (text, _(", past"));
  else if (free_units >= 0)
    /* Translators: appended to a date of the calendar: units free that day. */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %d free", ", %d free",
                                               free_units), free_units);
  if (g_hash_table_contains (self->conflicts, GUINT_TO_POINTER (day)))
    /* Translators: appended to a date a loan request did not fit on. */
    g_string_append (text, _(", already booked"));
  if (g_date_valid (&self->start) && day == julian (&self->start))
    /* Translators: appended to the date chosen as a loan's first day. */
    g_string_append (text, _(", start date"));
  if (g_date_valid (&self->due) && day == julian (&self->due))
    /* Translators: appended to the date chosen as a loan's due date. */
    g_string_append (text, _(", due date"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
update_day (LpAvailabilityCalendar *self,
            GtkWidget              *button,
            guint32                 limit)
{
  guint32 day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "julian"));
  GtkWidget *free_label = g_object_get_data (G_OBJECT (button), "free-label");
  int free_units = free_on (self, day);
  gboolean past = day < today_julian ();
  gboolean full = free_units >= 0 && free_units < self->quantity;
  gboolean start = g_date_valid (&self->start) && day == julian (&self->start);
  gboolean due = g_date_valid (&self->due) && day == julian (&self->due);
  gboolean in_range = g_date_valid (&self->start) && g_date_valid (&self->due) &&
                      day > julian (&self->start) && day < julian (&self->due);
  g_autofree char *free_text = NULL;
  g_autofree char *label = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (!past && free_units >= 0)
    free_text = g_strdup_printf ("%d", free_units);
  gtk_label_set_label (GTK_LABEL (free_label), free_text != NULL ? free_text : " ");
  gtk_widget_set_sensitive (button, !past && free_units >= 0 && !full);
  set_class (button, "past", past);
  set_class (button, "full", !past && full);
  set_class (button, "selected", start || due);
  set_class (button, "in-range", in_range);
  set_class (button, "beyond", limit > 0 && day > limit);
  set_class (button, "conflict", g_hash_table_contains (self->conflicts, GUINT_TO_POINTER (day)));
  set_class (button, "today", day == today_julian ());
  label = day_label (self, &date, free_units);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

static void
update_days (LpAvailabilityCalendar *self)
{
  guint32 limit = due_limit (self);
  GDate last_month;
  guint32 horizon = today_julian () + HORIZON_DAYS;

  for (guint i = 0; i < self->buttons->len; i++)
    update_day (self, g_ptr_array_index (self->buttons, i), limit);

  g_date_clear (&last_month, 1);
  g_date_set_julian (&last_month, today_julian ());
  g_date_set_day (&last_month, 1);
  gtk_widget_set_sensitive (self->prev_button, g_date_compare (&self->month, &last_month) > 0);
  last_month = self->month;
  g_date_add_months (&last_month, 1);
  gtk_widget_set_sensitive (self->next_button, julian (&last_month) <= horizon);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->loading);
  gtk_spinner_set_spinning (self->spinner, self->loading);
}

static void
notify_range (LpAvailabilityCalendar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
  update_days (self);
}

static void
on_day_clicked (GtkButton              *button,
                LpAvailabilityCalendar *self)
{
  guint32 day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "julian"));
  guint32 limit = due_limit (self);

  if (limit == 0 || day < julian (&self->start) || day > limit)
    {
      g_date_clear (&self->due, 1);
      g_date_clear (&self->start, 1);
      g_date_set_julian (&self->start, day);
    }
  else
    {
      g_date_clear (&self->due, 1);
      g_date_set_julian (&self->due, day);
    }
  notify_range (self);
}

static GtkWidget *
day_button_new (LpAvailabilityCalendar *self,
                const GDate            *date)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *number, *free_label;
  g_autofree char *number_text = g_strdup_printf ("%u", (guint) g_date_get_day (date));
  g_autofree char *name = lp_format_date (date);

  number = gtk_label_new (number_text);
  free_label = gtk_label_new (" ");
  gtk_widget_add_css_class (free_label, "free-units");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), free_label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "day");
  gtk_widget_set_name (button, name);
  g_object_set_data (G_OBJECT (button), "julian", GUINT_TO_POINTER (julian (date)));
  g_object_set_data (G_OBJECT (button), "free-label", free_label);
  g_signal_connect (button, "clicked", G_CALLBACK (on_day_clicked), self);
  return button;
}

/* Weekday names, then the days of the month in weeks, Monday first. */
static void
build_month (LpAvailabilityCalendar *self)
{
  GtkWidget *child;
  g_autofree char *title = lp_format_month_year (&self->month);
  GDate date = self->month;
  int column, row = 1;
  guint n_days = g_date_get_days_in_month (g_date_get_month (&self->month),
                                           g_date_get_year (&self->month));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->day_grid))) != NULL)
    gtk_grid_remove (self->day_grid, child);
  g_ptr_array_set_size (self->buttons, 0);
  gtk_label_set_label (self->month_label, title);
  for (int weekday = G_DATE_MONDAY; weekday <= G_DATE_SUNDAY; weekday++)
    {
      GtkWidget *label = gtk_label_new (lp_format_weekday_short ((GDateWeekday) weekday));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (self->day_grid, label, weekday - 1, 0, 1, 1);
    }
  column = g_date_get_weekday (&date) - 1;
  for (guint i = 0; i < n_days; i++, g_date_add_days (&date, 1))
    {
      GtkWidget *button = day_button_new (self, &date);

      g_ptr_array_add (self->buttons, button);
      gtk_grid_attach (self->day_grid, button, column, row, 1, 1);
      if (++column == 7)
        {
          column = 0;
          row++;
        }
    }
  update_days (self);
}

/*
 * Fetching
 */

static void
set_loading (LpAvailabilityCalendar *self,
             gboolean                loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_availability_loaded (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(LpAvailabilityCalendar) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &days, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_label_set_label (self->status_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), error != NULL);
  for (guint i = 0; days != NULL && i < days->len; i++)
    {
      const LpAvailabilityDay *day = &g_array_index (days, LpAvailabilityDay, i);

      g_hash_table_insert (self->free, GUINT_TO_POINTER (julian (&day->date)),
                           GINT_TO_POINTER (day->free + 1));
    }
  set_loading (self, FALSE);
  update_days (self);
  /* What the range depends on may have just arrived. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

/* The days of the month shown from today on, unless they are known already. */
static void
fetch_month (LpAvailabilityCalendar *self,
             gboolean                force)
{
  guint32 first = MAX (julian (&self->month), today_julian ());
  guint32 last = julian (&self->month) +
                 g_date_get_days_in_month (g_date_get_month (&self->month),
                                           g_date_get_year (&self->month)) - 1;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean known = TRUE;
  GDate from, to;

  if (self->client == NULL || self->item_id == NULL || last < first)
    return;
  for (guint32 day = first; day <= last && known; day++)
    known = free_on (self, day) >= 0;
  if (known && !force)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_julian (&from, first);
  g_date_set_julian (&to, last);
  from_text = lp_format_date (&from);
  to_text = lp_format_date (&to);
  set_loading (self, TRUE);
  update_days (self);
  lp_api_client_call_async (self->client, &LP_API_ITEMS_AVAILABILITY,
                            (const char *[]) { self->item_id, NULL },
                            (const char *[]) { "from", from_text, "to", to_text, NULL }, NULL,
                            self->cancellable, on_availability_loaded, g_object_ref (self));
}

static void
go_month (LpAvailabilityCalendar *self,
          int                     delta)
{
  if (delta > 0)
    g_date_add_months (&self->month, (guint) delta);
  else
    g_date_subtract_months (&self->month, (guint) -delta);
  build_month (self);
  fetch_month (self, FALSE);
}

static void
prev_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LpAvailabilityCalendar *self = LP_AVAILABILITY_CALENDAR (widget);

  if (gtk_widget_get_sensitive (self->prev_button))
    go_month (self, -1);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LpAvailabilityCalendar *self = LP_AVAILABILITY_CALENDAR (widget);

  if (gtk_widget_get_sensitive (self->next_button))
    go_month (self, 1);
}

/*
 * GObject
 */

static void
lp_availability_calendar_dispose (GObject *object)
{
  LpAvailabilityCalendar *self = (LpAvailabilityCalendar *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_AVAILABILITY_CALENDAR);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (lp_availability_calendar_parent_class)->dispose (object);
}

static void
lp_availability_calendar_finalize (GObject *object)
{
  LpAvailabilityCalendar *self = (LpAvailabilityCalendar *) object;

  g_free (self->item_id);
  g_hash_table_unref (self->free);
  g_hash_table_unref (self->conflicts);

  G_OBJECT_CLASS (lp_availability_calendar_parent_class)->finalize (object);
}

static void
lp_availability_calendar_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  LpAvailabilityCalendar *self = LP_AVAILABILITY_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_ITEM_ID:
      g_value_set_string (value, self->item_id);
      break;
    case PROP_QUANTITY:
      g_value_set_int (value, self->quantity);
      break;
    case PROP_MAX_DAYS:
      g_value_set_uint (value, self->max_days);
      break;
    case PROP_START:
      g_value_take_string (value, lp_availability_calendar_get_start (self));
      break;
    case PROP_DUE:
      g_value_take_string (value, lp_availability_calendar_get_due (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_availability_calendar_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  LpAvailabilityCalendar *self = LP_AVAILABILITY_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      lp_availability_calendar_set_client (self, g_value_get_object (value));
      break;
    case PROP_ITEM_ID:
      lp_availability_calendar_set_item_id (self, g_value_get_string (value));
      break;
    case PROP_QUANTITY:
      lp_availability_calendar_set_quantity (self, g_value_get_int (value));
      break;
    case PROP_MAX_DAYS:
      lp_availability_calendar_set_max_days (self, g_value_get_uint (value));
      break;
    case PROP_START:
      lp_availability_calendar_set_start (self, g_value_get_string (value));
      break;
    case PROP_DUE:
      lp_availability_calendar_set_due (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
lp_availability_calendar_class_init (LpAvailabilityCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_availability_calendar_dispose;
  object_class->finalize = lp_availability_calendar_finalize;
  object_class->get_property = lp_availability_calendar_get_property;
  object_class->set_property = lp_availability_calendar_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, LP_TYPE_API_CLIENT, PARAM_FLAGS);
  properties[PROP_ITEM_ID] = g_param_spec_string ("item-id", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_QUANTITY] =
    g_param_spec_int ("quantity", NULL, NULL, 1, G_MAXINT32, 1, PARAM_FLAGS);
  properties[PROP_MAX_DAYS] =
    g_param_spec_uint ("max-days", NULL, NULL, 0, G_MAXUINT32, 0, PARAM_FLAGS);
  properties[PROP_START] = g_param_spec_string ("start", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, PARAM_FLAGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/widgets/lp-availability-calendar.ui");
  gtk_widget_class_bind_template_child (widget_class, LpAvailabilityCalendar, prev_button);
  gtk_widget_class_bind_template_child (widget_class, LpAvailabilityCalendar, next_button);
  gtk_widget_class_bind_template_child (widget_class, LpAvailabilityCalendar, month_label);
  gtk_widget_class_bind_template_child (widget_class, LpAvailabilityCalendar, spinner);
  gtk_widget_class_bind_template_child (widget_class, LpAvailabilityCalendar, day_grid);
  gtk_widget_class_bind_template_child (widget_class, LpAvailabilityCalendar, status_label);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, prev_activated);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next", NULL);
}

static void
lp_availability_calendar_init (LpAvailabilityCalendar *self)
{
  self->quantity = 1;
  self->free = g_hash_table_new (NULL, NULL);
  self->conflicts = g_hash_table_new (NULL, NULL);
  self->buttons = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->start, 1);
  g_date_clear (&self->due, 1);
  g_date_clear (&self->month, 1);
  g_date_set_julian (&self->month, today_julian ());
  g_date_set_day (&self->month, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  build_month (self);
}

/*
 * Public
 */

GtkWidget *
lp_availability_calendar_new (void)
{
  return g_object_new (LP_TYPE_AVAILABILITY_CALENDAR, NULL);
}

void
lp_availability_calendar_set_client (LpAvailabilityCalendar *self,
                                     LpApiClient            *client)
{
  g_return_if_fail (LP_IS_AVAILABILITY_CALENDAR (self));

  if (!g_set_object (&self->client, client))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  lp_availability_calendar_reload (self);
}

void
lp_availability_calendar_set_item_id (LpAvailabilityCalendar *self,
                                      const char             *item_id)
{
  g_return_if_fail (LP_IS_AVAILABILITY_CALENDAR (self));

  if (g_strcmp0 (self->item_id, item_id) == 0)
    return;
  g_free (self->item_id);
  self->item_id = g_strdup (item_id);
  g_hash_table_remove_all (self->conflicts);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_ID]);
  lp_availability_calendar_reload (self);
}

int
lp_availability_calendar_get_quantity (LpAvailabilityCalendar *self)
{
  g_return_val_if_fail (LP_IS_AVAILABILITY_CALENDAR (self), 1);

  return self->quantity;
}

void
lp_availability_calendar_set_quantity (LpAvailabilityCalendar *self,
                                       int                     quantity)
{
  g_return_if_fail (LP_IS_AVAILABILITY_CALENDAR (self));

  quantity = MAX (quantity, 1);
  if (self->quantity == quantity)
    return;
  self->quantity = quantity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUANTITY]);
  update_days (self);
}

guint
lp_availability_calendar_get_max_days (LpAvailabilityCalendar *self)
{
  g_return_val_if_fail (LP_IS_AVAILABILITY_CALENDAR (self), 0);

  return self->max_days;
}

void
lp_availability_calendar_set_max_days (LpAvailabilityCalendar *self,
                                       guint                   max_days)
{
  g_return_if_fail (LP_IS_AVAILABILITY_CALENDAR (self));

  if (self->max_days == max_days)
    return;
  self->max_days = max_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_DAYS]);
  update_days (self);
}

char *
lp_availability_calendar_get_start (LpAvailabilityCalendar *self)
{
  g_return_val_if_fail (LP_IS_AVAILABILITY_CALENDAR (self), NULL);

  return g_date_valid (&self->start) ? lp_format_date (&self->start) : NULL;
}

char *
lp_availability_calendar_get_due (LpAvailabilityCalendar *self)
{
  g_return_val_if_fail (LP_IS_AVAILABILITY_CALENDAR (self), NULL);

  return g_date_valid (&self->due) ? lp_format_date (&self->due) : NULL;
}

void
lp_availability_calendar_set_start (LpAvailabilityCalendar *self,
                                    const char             *date)
{
  g_return_if_fail (LP_IS_AVAILABILITY_CALENDAR (self));

  g_date_clear (&self->start, 1);
  if (date == NULL || !lp_parse_date (date, &self->start))
    g_date_clear (&self->start, 1);
  if (g_date_valid (&self->due) &&
      (!g_date_valid (&self->start) || g_date_compare (&self->due, &self->start) < 0))
    g_date_clear (&self->due, 1);
  notify_range (self);
}

void
lp_availability_calendar_set_due (LpAvailabilityCalendar *self,
                                  const char             *date)
{
  g_return_if_fail (LP_IS_AVAILABILITY_CALENDAR (self));

  g_date_clear (&self->due, 1);
  if (date == NULL || !lp_parse_date (date, &self->due))
    g_date_clear (&self->due, 1);
  notify_range (self);
}

void
lp_availability_calendar_get_range (LpAvailabilityCalendar *self,
                                    GDate                  *start,
                                    GDate                  *due)
{
  g_return_if_fail (LP_IS_AVAILABILITY_CALENDAR (self));

  if (start != NULL)
    *start = self->start;
  if (due != NULL)
    *due = self->due;
}

int
lp_availability_calendar_get_free (LpAvailabilityCalendar *self,
                                   const GDate            *date)
{
  g_return_val_if_fail (LP_IS_AVAILABILITY_CALENDAR (self), -1);
  g_return_val_if_fail (date != NULL && g_date_valid (date), -1);

  return free_on (self, julian (date));
}

gboolean
lp_availability_calendar_suggest_range (LpAvailabilityCalendar *self,
                                        guint                   days)
{
  guint32 first, last, day, end;

  g_return_val_if_fail (LP_IS_AVAILABILITY_CALENDAR (self), FALSE);
  g_return_val_if_fail (days > 0, FALSE);

  if (g_date_valid (&self->start))
    return FALSE;
  last = today_julian () + HORIZON_DAYS;
  for (first = today_julian (); first <= last && !fits (self, first); first++)
    ;
  if (first > last)
    return FALSE;
  if (self->max_days > 0)
    days = MIN (days, self->max_days);
  end = first + days - 1;
  for (day = first; day < end && fits (self, day + 1); day++)
    ;
  g_date_clear (&self->start, 1);
  g_date_set_julian (&self->start, first);
  g_date_clear (&self->due, 1);
  g_date_set_julian (&self->due, day);
  lp_availability_calendar_show_month (self, &self->start);
  notify_range (self);
  return TRUE;
}

gboolean
lp_availability_calendar_get_loading (LpAvailabilityCalendar *self)
{
  g_return_val_if_fail (LP_IS_AVAILABILITY_CALENDAR (self), FALSE);

  return self->loading;
}

void
lp_availability_calendar_show_month (LpAvailabilityCalendar *self,
                                     const GDate            *date)
{
  GDate month;

  g_return_if_fail (LP_IS_AVAILABILITY_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  month = *date;
  g_date_set_day (&month, 1);
  if (g_date_compare (&month, &self->month) == 0)
    return;
  self->month = month;
  build_month (self);
  fetch_month (self, FALSE);
}

static gboolean
outside_month (gpointer key,
               gpointer value,
               gpointer user_data)
{
  LpAvailabilityCalendar *self = user_data;
  guint32 day = GPOINTER_TO_UINT (key);
  guint32 first = julian (&self->month);

  return day < first || day >= first + self->buttons->len;
}

/* What is shown stays until the new numbers arrive: no flicker on every change. */
void
lp_availability_calendar_reload (LpAvailabilityCalendar *self)
{
  g_return_if_fail (LP_IS_AVAILABILITY_CALENDAR (self));

  g_hash_table_foreach_remove (self->free, outside_month, self);
  fetch_month (self, TRUE);
}

void
lp_availability_calendar_mark_conflicts (LpAvailabilityCalendar *self,
                                         GArray                 *days)
{
  g_return_if_fail (LP_IS_AVAILABILITY_CALENDAR (self));
  g_return_if_fail (days != NULL);

  for (guint i = 0; i < days->len; i++)
    {
      const LpAvailabilityDay *day = &g_array_index (days, LpAvailabilityDay, i);

      g_hash_table_add (self->conflicts, GUINT_TO_POINTER (julian (&day->date)));
      g_hash_table_insert (self->free, GUINT_TO_POINTER (julian (&day->date)),
                           GINT_TO_POINTER (day->free + 1));
    }
  if (days->len > 0)
    lp_availability_calendar_show_month (self, &g_array_index (days, LpAvailabilityDay, 0).date);
  update_days (self);
}

guint
lp_availability_calendar_get_n_conflicts (LpAvailabilityCalendar *self)
{
  g_return_val_if_fail (LP_IS_AVAILABILITY_CALENDAR (self), 0);

  return g_hash_table_size (self->conflicts);
}

void
lp_availability_calendar_clear_conflicts (LpAvailabilityCalendar *self)
{
  g_return_if_fail (LP_IS_AVAILABILITY_CALENDAR (self));

  g_hash_table_remove_all (self->conflicts);
  update_days (self);
}
