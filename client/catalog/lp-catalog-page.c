/* lp-catalog-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-catalog-page"

#include "config.h"

#include "lp-catalog-page.h"

#include "lp-catalog-row.h"
#include "lp-format.h"

#include <glib/gi18n-lib.h>

struct _LpCatalogPage
{
  AdwBin          parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown    *category_dropdown;
  GtkStringList  *category_names;
  GtkToggleButton *borrowable_toggle;
  GtkLabel       *count_label;
  GtkSpinner     *busy_spinner;
  GtkStack       *content_stack;
  GtkScrolledWindow *scrolled_window;
  GtkListView    *list_view;
  AdwStatusPage  *empty_page;
  AdwStatusPage  *error_page;

  LpApiClient    *client;
  LpCatalogModel *model;
  GCancellable   *cancellable;
  GPtrArray      *category_ids;   /* parallel to category_names; [0] is NULL: all */
  gboolean        categories_loaded;
  gboolean        categories_loading;
};

G_DEFINE_FINAL_TYPE (LpCatalogPage, lp_catalog_page, ADW_TYPE_BIN)

static gboolean
has_filters (LpCatalogPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return (text != NULL && *text != '\0') ||
         gtk_drop_down_get_selected (self->category_dropdown) > 0 ||
         gtk_toggle_button_get_active (self->borrowable_toggle);
}

static void
update_state (LpCatalogPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const GError *error = lp_catalog_model_get_error (self->model);
  gboolean loading = lp_catalog_model_get_loading (self->model);
  const char *state;
  g_autofree char *count = lp_format_count (n_items);
  g_autofree char *count_text = NULL;

  if (!lp_catalog_model_get_loaded (self->model))
    state = error != NULL && !loading ? "error" : "loading";
  else if (n_items == 0)
    state = error != NULL && !loading ? "error" : "empty";
  else
    state = "list";

  if (error != NULL)
    adw_status_page_set_description (self->error_page, error->message);
  if (has_filters (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Items Found"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other words, another category, "
                                         "or turn off “Can borrow now”."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("The Catalog Is Empty"));
      adw_status_page_set_description (self->empty_page,
                                       _("Items appear here once the library staff add them."));
    }
  gtk_stack_set_visible_child_name (self->content_stack, state);

  if (lp_catalog_model_get_loaded (self->model))
    /* Translators: %s is a number such as 1,234. */
    count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item", "%s items", n_items),
                                  count);
  gtk_label_set_label (self->count_label, count_text != NULL ? count_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), loading);
  gtk_spinner_set_spinning (self->busy_spinner, loading);
}

static void
on_model_changed (LpCatalogPage *self)
{
  update_state (self);
}

static void
on_model_items_changed (LpCatalogPage *self,
                        guint          position,
                        guint          removed,
                        guint          added)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  /* A new search starts at the top. */
  if (position == 0 && removed > 0)
    gtk_adjustment_set_value (adjustment, 0);
  update_state (self);
}

static void
apply_query (LpCatalogPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->category_dropdown);
  const char *category_id = NULL;

  if (self->model == NULL)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->category_ids->len)
    category_id = g_ptr_array_index (self->category_ids, selected);
  lp_catalog_model_set_query (self->model,
                              gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                              category_id,
                              gtk_toggle_button_get_active (self->borrowable_toggle));
  update_state (self);
}

static void
on_filter_changed (LpCatalogPage *self)
{
  apply_query (self);
}

static void
on_row_activated (LpCatalogPage *self,
                  guint          position)
{
  g_autoptr(LpItemObject) object = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  const LpItem *item = object != NULL ? lp_item_object_get_item (object) : NULL;

  if (item == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s", item->id);
}

static void
set_categories (LpCatalogPage *self,
                GPtrArray     *categories)
{
  const char *selected_id = NULL;
  g_autofree char *keep = NULL;
  guint selected = 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (gtk_drop_down_get_selected (self->category_dropdown) < self->category_ids->len)
    selected_id = g_ptr_array_index (self->category_ids,
                                     gtk_drop_down_get_selected (self->category_dropdown));
  keep = g_strdup (selected_id);

  g_ptr_array_set_size (self->category_ids, 0);
  g_ptr_array_add (self->category_ids, NULL);
  g_ptr_array_add (names, (gpointer) _("All categories"));
  for (guint i = 0; i < categories->len; i++)
    {
      LpCategory *category = g_ptr_array_index (categories, i);

      if (g_strcmp0 (category->id, keep) == 0)
        selected = i + 1;
      g_ptr_array_add (self->category_ids, g_strdup (category->id));
      g_ptr_array_add (names, category->name);
    }
  g_ptr_array_add (names, NULL);

  g_signal_handlers_block_by_func (self->category_dropdown, on_filter_changed, self);
  gtk_string_list_splice (self->category_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->category_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->category_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->category_dropdown, on_filter_changed, self);
}

static void
on_categories_loaded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LpCatalogPage) self = user_data;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  categories = lp_api_client_list_categories_finish (LP_API_CLIENT (source), result, &error);
  self->categories_loading = FALSE;
  if (categories == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Categories: %s", error->message);
      return;
    }
  self->categories_loaded = TRUE;
  set_categories (self, categories);
}

static void
load_categories (LpCatalogPage *self)
{
  if (self->categories_loading)
    return;
  self->categories_loading = TRUE;
  lp_api_client_list_categories_async (self->client, self->cancellable, on_categories_loaded,
                                       g_object_ref (self));
}

static void
lp_catalog_page_dispose (GObject *object)
{
  LpCatalogPage *self = (LpCatalogPage *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_CATALOG_PAGE);
  g_clear_object (&self->model);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_catalog_page_parent_class)->dispose (object);
}

static void
lp_catalog_page_finalize (GObject *object)
{
  LpCatalogPage *self = (LpCatalogPage *) object;

  g_ptr_array_unref (self->category_ids);

  G_OBJECT_CLASS (lp_catalog_page_parent_class)->finalize (object);
}

static void
lp_catalog_page_class_init (LpCatalogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_catalog_page_dispose;
  object_class->finalize = lp_catalog_page_finalize;

  g_type_ensure (LP_TYPE_CATALOG_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/catalog/lp-catalog-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, category_names);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, borrowable_toggle);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
lp_catalog_page_init (LpCatalogPage *self)
{
  const char *all[] = { NULL, NULL };

  self->category_ids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  all[0] = _("All categories");
  g_ptr_array_add (self->category_ids, NULL);
  gtk_string_list_splice (self->category_names, 0, 0, all);
}

void
lp_catalog_page_set_client (LpCatalogPage *self,
                            LpApiClient   *client)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (LP_IS_CATALOG_PAGE (self));
  g_return_if_fail (LP_IS_API_CLIENT (client));
  g_return_if_fail (self->client == NULL);

  self->client = g_object_ref (client);
  self->model = lp_catalog_model_new (client);
  g_signal_connect_swapped (self->model, "notify::loading", G_CALLBACK (on_model_changed), self);
  g_signal_connect_swapped (self->model, "notify::error", G_CALLBACK (on_model_changed), self);
  g_signal_connect_swapped (self->model, "items-changed",
                            G_CALLBACK (on_model_items_changed), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  load_categories (self);
  apply_query (self);
}

void
lp_catalog_page_reload (LpCatalogPage *self)
{
  g_return_if_fail (LP_IS_CATALOG_PAGE (self));

  if (self->client == NULL)
    return;
  if (!self->categories_loaded)
    load_categories (self);
  lp_catalog_model_reload (self->model);
  update_state (self);
}

void
lp_catalog_page_focus_search (LpCatalogPage *self)
{
  g_return_if_fail (LP_IS_CATALOG_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

LpCatalogModel *
lp_catalog_page_get_model (LpCatalogPage *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_PAGE (self), NULL);

  return self->model;
}

const char *
lp_catalog_page_get_state (LpCatalogPage *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

GtkWidget *
lp_catalog_page_get_search_entry (LpCatalogPage *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_PAGE (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

GtkWidget *
lp_catalog_page_get_category_dropdown (LpCatalogPage *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_PAGE (self), NULL);

  return GTK_WIDGET (self->category_dropdown);
}

GtkWidget *
lp_catalog_page_get_borrowable_toggle (LpCatalogPage *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_PAGE (self), NULL);

  return GTK_WIDGET (self->borrowable_toggle);
}

GtkWidget *
lp_catalog_page_get_list_view (LpCatalogPage *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_PAGE (self), NULL);

  return GTK_WIDGET (self->list_view);
}

GtkWidget *
lp_catalog_page_get_count_label (LpCatalogPage *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_PAGE (self), NULL);

  return GTK_WIDGET (self->count_label);
}

guint
lp_catalog_page_find_category (LpCatalogPage *self,
                               const char    *name)
{
  GListModel *names;

  g_return_val_if_fail (LP_IS_CATALOG_PAGE (self), GTK_INVALID_LIST_POSITION);

  names = G_LIST_MODEL (self->category_names);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->category_names, i), name) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

gboolean
lp_catalog_page_get_categories_loaded (LpCatalogPage *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_PAGE (self), FALSE);

  return self->categories_loaded;
}
