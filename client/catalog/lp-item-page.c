/* lp-item-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-item-page"

#include "config.h"

#include "lp-item-page.h"

#include "lp-error.h"
#include "lp-format.h"

#include <glib/gi18n-lib.h>

struct _LpItemPage
{
  AdwBin          parent_instance;

  AdwWindowTitle *window_title;
  GtkStack       *page_stack;
  GtkSpinner     *page_spinner;
  AdwStatusPage  *error_page;
  GtkScrolledWindow *scrolled_window;
  GtkLabel       *name_label;
  GtkLabel       *byline_label;
  GtkWidget      *warning_box;
  GtkLabel       *warning_label;
  GtkWidget      *code_key;
  GtkLabel       *code_value;
  GtkWidget      *category_key;
  GtkLabel       *category_value;
  GtkWidget      *location_key;
  GtkLabel       *location_value;
  GtkWidget      *stock_key;
  GtkLabel       *stock_value;
  GtkWidget      *condition_key;
  GtkLabel       *condition_value;
  GtkWidget      *status_key;
  GtkLabel       *status_value;
  GtkWidget      *author_key;
  GtkLabel       *author_value;
  GtkWidget      *publisher_key;
  GtkLabel       *publisher_value;
  GtkWidget      *year_key;
  GtkLabel       *year_value;
  GtkWidget      *isbn_key;
  GtkLabel       *isbn_value;
  GtkWidget      *description_group;
  GtkLabel       *description_label;
  AdwPreferencesGroup *availability_group;
  GtkLabel       *availability_range;
  GtkStack       *availability_stack;
  GtkSpinner     *availability_spinner;
  GtkGrid        *availability_grid;
  GtkLabel       *availability_error;
  GtkLabel       *not_lendable_label;

  LpApiClient    *client;
  GCancellable   *cancellable;   /* the current load; replaced by each load */
  LpItemObject   *item;
  GArray         *availability;
  char           *item_id;       /* the item shown or loading */
  char           *warning;
};

G_DEFINE_FINAL_TYPE (LpItemPage, lp_item_page, ADW_TYPE_BIN)

static void
set_row (GtkWidget  *key_label,
         GtkLabel   *value_label,
         const char *value)
{
  gboolean has_value = value != NULL && *value != '\0';

  gtk_widget_set_visible (key_label, has_value);
  gtk_widget_set_visible (GTK_WIDGET (value_label), has_value);
  gtk_label_set_label (value_label, has_value ? value : "");
}

/* What a librarian should know before lending this item, or NULL. */
static char *
warning_for (const LpItem *item,
             gboolean     *severe)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  *severe = FALSE;
  switch (item->status)
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
  switch (item->condition)
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
show_warning (LpItemPage   *self,
              const LpItem *item)
{
  gboolean severe = FALSE;

  g_free (self->warning);
  self->warning = warning_for (item, &severe);
  gtk_widget_set_visible (self->warning_box, self->warning != NULL);
  gtk_label_set_label (self->warning_label, self->warning != NULL ? self->warning : "");
  if (severe)
    gtk_widget_add_css_class (self->warning_box, "severe");
  else
    gtk_widget_remove_css_class (self->warning_box, "severe");
}

static void
show_item (LpItemPage *self)
{
  const LpItem *item = lp_item_object_get_item (self->item);
  g_autofree char *stock = NULL;
  g_autofree char *year = NULL;
  g_autoptr(GString) byline = g_string_new (NULL);

  adw_window_title_set_title (self->window_title, item->name);
  adw_window_title_set_subtitle (self->window_title, item->code);
  gtk_label_set_label (self->name_label, item->name);
  if (item->author != NULL && *item->author != '\0')
    g_string_append (byline, item->author);
  if (item->publisher != NULL && *item->publisher != '\0')
    g_string_append_printf (byline, "%s%s", byline->len > 0 ? " · " : "", item->publisher);
  if (item->year > 0)
    g_string_append_printf (byline, "%s%d", byline->len > 0 ? " · " : "", item->year);
  gtk_label_set_label (self->byline_label, byline->str);
  gtk_widget_set_visible (GTK_WIDGET (self->byline_label), byline->len > 0);

  show_warning (self, item);

  /* Translators: units on the shelf out of units owned. */
  stock = g_strdup_printf (_("%d of %d"), item->stock_available, item->stock_total);
  year = item->year > 0 ? g_strdup_printf ("%d", item->year) : NULL;
  set_row (self->code_key, self->code_value, item->code);
  set_row (self->category_key, self->category_value, lp_item_object_get_category_name (self->item));
  set_row (self->location_key, self->location_value, item->location);
  set_row (self->stock_key, self->stock_value, stock);
  set_row (self->condition_key, self->condition_value,
           _(lp_item_condition_label (item->condition)));
  set_row (self->status_key, self->status_value, _(lp_item_status_label (item->status)));
  set_row (self->author_key, self->author_value, item->author);
  set_row (self->publisher_key, self->publisher_value, item->publisher);
  set_row (self->year_key, self->year_value, year);
  set_row (self->isbn_key, self->isbn_value, item->isbn);
  gtk_widget_set_visible (self->description_group,
                          item->description != NULL && *item->description != '\0');
  gtk_label_set_label (self->description_label, item->description != NULL ? item->description : "");

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_stack_set_visible_child_name (self->page_stack, "content");
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

  days = lp_api_client_item_availability_finish (LP_API_CLIENT (source), result, &error);
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

  lp_format_today (&from);
  to = from;
  g_date_add_days (&to, LP_ITEM_PAGE_DAYS - 1);
  gtk_spinner_set_spinning (self->availability_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->availability_stack, "loading");
  lp_api_client_item_availability_async (self->client,
                                         lp_item_object_get_item (self->item)->id,
                                         &from, &to, self->cancellable,
                                         on_availability_loaded, g_object_ref (self));
}

/* Units on the shelf mean nothing for an item that cannot be lent at all: no calendar. */
static void
show_not_lendable (LpItemPage *self)
{
  const LpItem *item = lp_item_object_get_item (self->item);
  g_autofree char *text = NULL;

  /* Translators: %s is an item status such as "In maintenance". */
  text = g_strdup_printf (_("Cannot be borrowed while its status is “%s”."),
                          _(lp_item_status_label (item->status)));
  gtk_label_set_label (self->not_lendable_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->availability_range), FALSE);
  adw_preferences_group_set_description (self->availability_group, NULL);
  gtk_stack_set_visible_child_name (self->availability_stack, "not-lendable");
}

static void
on_item_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LpItemPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpItemObject) item = NULL;

  item = lp_api_client_get_item_finish (LP_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->page_spinner, FALSE);
  if (item == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Item"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      adw_status_page_set_description (self->error_page,
                                       g_error_matches (error, LP_ERROR, LP_ERROR_NOT_FOUND)
                                       ? _("This item is no longer in the catalog.")
                                       : error->message);
      gtk_stack_set_visible_child_name (self->page_stack, "error");
      return;
    }
  g_set_object (&self->item, item);
  show_item (self);
  if (lp_item_status_is_lendable (lp_item_object_get_item (item)->status))
    load_availability (self);
  else
    show_not_lendable (self);
}

static void
lp_item_page_dispose (GObject *object)
{
  LpItemPage *self = (LpItemPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_ITEM_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (lp_item_page_parent_class)->dispose (object);
}

static void
lp_item_page_finalize (GObject *object)
{
  LpItemPage *self = (LpItemPage *) object;

  g_clear_pointer (&self->availability, g_array_unref);
  g_free (self->warning);
  g_free (self->item_id);

  G_OBJECT_CLASS (lp_item_page_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpItemPage, name)

static void
lp_item_page_class_init (LpItemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_item_page_dispose;
  object_class->finalize = lp_item_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/catalog/lp-item-page.ui");
  BIND (window_title);
  BIND (page_stack);
  BIND (page_spinner);
  BIND (error_page);
  BIND (scrolled_window);
  BIND (name_label);
  BIND (byline_label);
  BIND (warning_box);
  BIND (warning_label);
  BIND (code_key);
  BIND (code_value);
  BIND (category_key);
  BIND (category_value);
  BIND (location_key);
  BIND (location_value);
  BIND (stock_key);
  BIND (stock_value);
  BIND (condition_key);
  BIND (condition_value);
  BIND (status_key);
  BIND (status_value);
  BIND (author_key);
  BIND (author_value);
  BIND (publisher_key);
  BIND (publisher_value);
  BIND (year_key);
  BIND (year_value);
  BIND (isbn_key);
  BIND (isbn_value);
  BIND (description_group);
  BIND (description_label);
  BIND (availability_group);
  BIND (availability_range);
  BIND (availability_stack);
  BIND (availability_spinner);
  BIND (availability_grid);
  BIND (availability_error);
  BIND (not_lendable_label);
}

#undef BIND

static void
lp_item_page_init (LpItemPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

void
lp_item_page_set_client (LpItemPage  *self,
                         LpApiClient *client)
{
  g_return_if_fail (LP_IS_ITEM_PAGE (self));
  g_return_if_fail (LP_IS_API_CLIENT (client));

  g_set_object (&self->client, client);
}

void
lp_item_page_load (LpItemPage *self,
                   const char *item_id)
{
  g_return_if_fail (LP_IS_ITEM_PAGE (self));
  g_return_if_fail (item_id != NULL);
  g_return_if_fail (self->client != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->item_id != item_id)
    {
      g_free (self->item_id);
      self->item_id = g_strdup (item_id);
    }
  g_clear_object (&self->item);
  g_clear_pointer (&self->availability, g_array_unref);
  g_clear_pointer (&self->warning, g_free);
  clear_grid (self);
  gtk_label_set_label (self->availability_range, "");
  gtk_widget_set_visible (GTK_WIDGET (self->availability_range), FALSE);
  adw_preferences_group_set_description (self->availability_group,
                                         _("Units free each day for the next four weeks"));
  gtk_stack_set_visible_child_name (self->availability_stack, "loading");

  adw_window_title_set_title (self->window_title, _("Item"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_spinner_set_spinning (self->page_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->page_stack, "loading");
  lp_api_client_get_item_async (self->client, item_id, self->cancellable, on_item_loaded,
                                g_object_ref (self));
}

void
lp_item_page_refresh (LpItemPage *self)
{
  g_return_if_fail (LP_IS_ITEM_PAGE (self));

  if (self->item_id == NULL || self->client == NULL)
    return;
  lp_api_client_get_item_async (self->client, self->item_id, self->cancellable, on_item_loaded,
                                g_object_ref (self));
}

const char *
lp_item_page_get_item_id (LpItemPage *self)
{
  g_return_val_if_fail (LP_IS_ITEM_PAGE (self), NULL);

  return self->item_id;
}

const char *
lp_item_page_get_availability_state (LpItemPage *self)
{
  g_return_val_if_fail (LP_IS_ITEM_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->availability_stack);
}

const char *
lp_item_page_get_state (LpItemPage *self)
{
  g_return_val_if_fail (LP_IS_ITEM_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

LpItemObject *
lp_item_page_get_item (LpItemPage *self)
{
  g_return_val_if_fail (LP_IS_ITEM_PAGE (self), NULL);

  return self->item;
}

const char *
lp_item_page_get_warning (LpItemPage *self)
{
  g_return_val_if_fail (LP_IS_ITEM_PAGE (self), NULL);

  return self->warning;
}

GArray *
lp_item_page_get_availability (LpItemPage *self)
{
  g_return_val_if_fail (LP_IS_ITEM_PAGE (self), NULL);

  return self->availability;
}
