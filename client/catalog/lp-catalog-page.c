/* lp-catalog-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-catalog-page"

#include "config.h"

#include "lp-catalog-page.h"

#include "lp-catalog-row.h"
#include "lp-data-objects.h"
#include "lp-format.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#define CATEGORIES_LIMIT "500"

struct _LpCatalogPage
{
  LpPage          parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown    *category_dropdown;
  GtkStringList  *category_names;
  GtkToggleButton *borrowable_toggle;
  GtkToggleButton *maintenance_toggle;
  GtkLabel       *count_label;
  GtkSpinner     *busy_spinner;
  GtkStack       *content_stack;
  GtkScrolledWindow *scrolled_window;
  GtkListView    *list_view;
  AdwStatusPage  *empty_page;
  AdwStatusPage  *error_page;

  LpPagedModel   *model;
  GCancellable   *cancellable;
  GCancellable   *code_cancellable;  /* the lookup of the code last entered */
  GPtrArray      *category_ids;   /* parallel to category_names; [0] is NULL: all */
  gboolean        categories_loaded;
  gboolean        categories_loading;
  gboolean        member;         /* the catalog was set up for a member */
};

G_DEFINE_FINAL_TYPE (LpCatalogPage, lp_catalog_page, LP_TYPE_PAGE)

static gboolean
has_filters (LpCatalogPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return (text != NULL && *text != '\0') ||
         gtk_drop_down_get_selected (self->category_dropdown) > 0 ||
         gtk_toggle_button_get_active (self->borrowable_toggle) ||
         gtk_toggle_button_get_active (self->maintenance_toggle);
}

static void
update_state (LpCatalogPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const GError *error = lp_paged_model_get_error (self->model);
  gboolean loading = lp_paged_model_get_loading (self->model);
  const char *state;
  g_autofree char *count = lp_format_count (n_items);
  g_autofree char *count_text = NULL;

  if (!lp_paged_model_get_loaded (self->model))
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

  if (lp_paged_model_get_loaded (self->model))
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
  g_autofree char *q = NULL;
  const char *query[] = { "q", NULL, "category_id", NULL, "borrowable", NULL, "status", NULL,
                          NULL };

  if (self->model == NULL)
    return;
  /* A trailing space typed is the same search. */
  query[1] = q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->category_ids->len)
    query[3] = g_ptr_array_index (self->category_ids, selected);
  if (gtk_toggle_button_get_active (self->borrowable_toggle))
    query[5] = "true";
  if (gtk_toggle_button_get_active (self->maintenance_toggle))
    query[7] = "maintenance";
  lp_paged_model_set_query (self->model, query);
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
  g_autoptr(LpItemObject) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item == NULL || !lp_api_object_get_loaded (item))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s", lp_api_object_get_id (item));
}

/*
 * A scanned label: a scanner types the item's code and Enter. An exact code (in any case,
 * as the server keeps codes unique) opens its item; anything else stays a search.
 */

#define CODE_LOOKUP_LIMIT "20"

static void
on_code_looked_up (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LpCatalogPage) self = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *code;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &items, NULL, &error);
  if (items == NULL)
    {
      /* The search shows the same failure, if there is one to show. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Code lookup: %s", error->message);
      return;
    }
  /* Typed on since the Enter: that is a search now, not a scan. */
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  code = self->code_cancellable != NULL
         ? g_object_get_data (G_OBJECT (self->code_cancellable), "code") : NULL;
  if (code == NULL || g_strcmp0 (text, code) != 0)
    return;
  for (guint i = 0; i < items->len; i++)
    {
      LpItemObject *item = g_ptr_array_index (items, i);

      if (g_ascii_strcasecmp (lp_api_object_get_string (item, "code"), text) == 0)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "win.open", "(ss)", "item",
                                      lp_api_object_get_id (item));
          /* The next label scanned starts afresh. */
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
          return;
        }
    }
}

static void
on_search_activate (LpCatalogPage *self)
{
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_cancellable_cancel (self->code_cancellable);
  g_clear_object (&self->code_cancellable);
  if (*code == '\0' || self->model == NULL)
    return;
  self->code_cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self->code_cancellable), "code", g_strdup (code), g_free);
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_ITEMS_LIST, NULL,
                            (const char *[]) { "q", code, "limit", CODE_LOOKUP_LIMIT, NULL }, NULL,
                            self->code_cancellable, on_code_looked_up, g_object_ref (self));
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
      LpCategoryObject *category = g_ptr_array_index (categories, i);

      if (g_strcmp0 (lp_api_object_get_id (category), keep) == 0)
        selected = i + 1;
      g_ptr_array_add (self->category_ids, g_strdup (lp_api_object_get_id (category)));
      g_ptr_array_add (names, (gpointer) lp_api_object_get_string (category, "name"));
    }
  g_ptr_array_add (names, NULL);

  g_signal_handlers_block_by_func (self->category_dropdown, on_filter_changed, self);
  gtk_string_list_splice (self->category_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->category_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->category_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->category_dropdown, on_filter_changed, self);
}

/* By name, as a reader of the language sorts them. */
static int
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  g_autofree char *ka = g_utf8_collate_key (lp_api_object_get_string (*(gpointer *) a, "name"), -1);
  g_autofree char *kb = g_utf8_collate_key (lp_api_object_get_string (*(gpointer *) b, "name"), -1);

  return strcmp (ka, kb);
}

static void
on_categories_loaded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LpCatalogPage) self = user_data;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &categories, NULL,
                             &error);
  self->categories_loading = FALSE;
  if (categories == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Categories: %s", error->message);
      return;
    }
  self->categories_loaded = TRUE;
  g_ptr_array_sort (categories, compare_categories);
  set_categories (self, categories);
}

static void
load_categories (LpCatalogPage *self)
{
  if (self->categories_loading)
    return;
  self->categories_loading = TRUE;
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_CATEGORIES_LIST, NULL,
                            (const char *[]) { "limit", CATEGORIES_LIMIT, NULL }, NULL,
                            self->cancellable, on_categories_loaded, g_object_ref (self));
}

/* A member opens on "Can borrow now" (seed 002 §3); anyone else on everything. Either
 * can switch it; a change of role sets it again. */
static void
on_role_changed (LpCatalogPage *self)
{
  gboolean member = lp_session_get_role (lp_page_get_session (LP_PAGE (self))) == LP_ROLE_MEMBER;

  LpRole role = lp_session_get_role (lp_page_get_session (LP_PAGE (self)));

  /* The items in maintenance are the desk's to follow (the dashboard opens on them). */
  gtk_widget_set_visible (GTK_WIDGET (self->maintenance_toggle), (role & LP_ROLES_DESK) != 0);
  if ((role & LP_ROLES_DESK) == 0)
    gtk_toggle_button_set_active (self->maintenance_toggle, FALSE);
  if (member == self->member)
    return;
  self->member = member;
  gtk_toggle_button_set_active (self->borrowable_toggle, member);
}

/* "maintenance": the items being repaired, as the dashboard's number counts them. */
static void
lp_catalog_page_open (LpPage     *page,
                      const char *id)
{
  LpCatalogPage *self = LP_CATALOG_PAGE (page);

  if (g_strcmp0 (id, "maintenance") != 0)
    {
      g_debug ("The catalog has no filter \"%s\"", id);
      return;
    }
  gtk_toggle_button_set_active (self->borrowable_toggle, FALSE);
  gtk_toggle_button_set_active (self->maintenance_toggle, TRUE);
}

static void
lp_catalog_page_session_changed (LpPage *page)
{
  LpCatalogPage *self = LP_CATALOG_PAGE (page);
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  self->model = lp_paged_model_new (lp_page_get_client (page), &LP_API_ITEMS_LIST,
                                    &LP_API_ITEMS_GET);
  g_signal_connect_swapped (self->model, "notify::loading", G_CALLBACK (on_model_changed), self);
  g_signal_connect_swapped (self->model, "notify::error", G_CALLBACK (on_model_changed), self);
  g_signal_connect_swapped (self->model, "items-changed",
                            G_CALLBACK (on_model_items_changed), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (lp_page_get_session (page), "notify::role", G_CALLBACK (on_role_changed),
                           self, G_CONNECT_SWAPPED);
  self->member = FALSE;
  g_signal_handlers_block_by_func (self->borrowable_toggle, on_filter_changed, self);
  g_signal_handlers_block_by_func (self->maintenance_toggle, on_filter_changed, self);
  on_role_changed (self);
  g_signal_handlers_unblock_by_func (self->maintenance_toggle, on_filter_changed, self);
  g_signal_handlers_unblock_by_func (self->borrowable_toggle, on_filter_changed, self);
  load_categories (self);
  apply_query (self);
}

/* An item changed on the server: its row shows it at once. */
static void
lp_catalog_page_event (LpPage     *page,
                       const char *type,
                       const char *id)
{
  LpCatalogPage *self = LP_CATALOG_PAGE (page);

  if (g_strcmp0 (type, "item.changed") == 0)
    lp_paged_model_refresh (self->model, id);
}

/* Fetches the categories (if they are missing) and the list again. */
static void
lp_catalog_page_reload (LpPage *page)
{
  LpCatalogPage *self = LP_CATALOG_PAGE (page);

  if (!self->categories_loaded)
    load_categories (self);
  lp_paged_model_reload (self->model);
  update_state (self);
}

static void
lp_catalog_page_dispose (GObject *object)
{
  LpCatalogPage *self = (LpCatalogPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->code_cancellable);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_CATALOG_PAGE);
  g_clear_object (&self->model);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->code_cancellable);

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
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_catalog_page_dispose;
  object_class->finalize = lp_catalog_page_finalize;
  page_class->session_changed = lp_catalog_page_session_changed;
  page_class->event = lp_catalog_page_event;
  page_class->reload = lp_catalog_page_reload;
  page_class->open = lp_catalog_page_open;

  g_type_ensure (LP_TYPE_CATALOG_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/catalog/lp-catalog-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, category_names);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, borrowable_toggle);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, maintenance_toggle);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LpCatalogPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
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
lp_catalog_page_focus_search (LpCatalogPage *self)
{
  g_return_if_fail (LP_IS_CATALOG_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
