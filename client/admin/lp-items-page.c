/* lp-items-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-items-page"

#include "config.h"

#include "lp-items-page.h"

#include "lp-ask.h"
#include "lp-error.h"
#include "lp-import-dialog.h"
#include "lp-label-dialog.h"
#include "lp-paged-model.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>

#define STOCK_MAX 100000

enum {
  F_CODE, F_NAME, F_CATEGORY, F_LOCATION, F_STOCK, F_CONDITION, F_STATUS, F_DESCRIPTION,
  F_AUTHOR, F_PUBLISHER, F_YEAR, F_ISBN, N_FIELDS
};

/* The API's member and the template's id of each field, in the order above. */
static const char * const field_names[N_FIELDS] = {
  "code", "name", "category_id", "location", "stock_total", "condition", "status",
  "description", "author", "publisher", "year", "isbn"
};
static const char * const field_ids[N_FIELDS] = {
  "code", "name", "category", "location", "stock_total", "condition", "status",
  "description", "author", "publisher", "year", "isbn"
};

struct _LpItemsPage
{
  LpEditorPage        parent_instance;

  GtkSearchEntry     *search_entry;
  GtkStack           *content_stack;
  GtkListView        *list_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;

  LpFormField         fields[N_FIELDS];
  LpPagedModel       *model;          /* the page's list: NULL unless an admin is logged in */
  GtkMultiSelection  *selection;
  GListStore         *categories;     /* of LpCategoryObject, for the category row */
  GCancellable       *cancellable;    /* the categories' and the labels' requests */
};

G_DEFINE_FINAL_TYPE (LpItemsPage, lp_items_page, LP_TYPE_EDITOR_PAGE)

static const LpEditorInfo editor_info = {
  .actions = "items",
  .create = &LP_API_ITEMS_CREATE,
  .update = &LP_API_ITEMS_UPDATE,
  .remove = &LP_API_ITEMS_DELETE,
  .name_property = "name",
  .new_title = N_("New Item"),
  .delete_body = N_("The item is removed from the catalog for good."),
  .deleted = N_("Item deleted"),
};

static LpItemObject *
editing (LpItemsPage *self)
{
  return lp_editor_page_get_editing (LP_EDITOR_PAGE (self));
}

/* Template callback: "BK-0001 · Buku · Perpustakaan, rak B3 · 3 of 5 on the shelf". */
static char *
item_line (gpointer      item,
           const char   *code,
           LpRefObject  *category,
           const char   *location,
           int           available,
           int           total,
           LpItemStatus  status)
{
  g_autoptr(GString) line = g_string_new (code);

  if (code == NULL)
    return g_strdup ("");
  if (category != NULL)
    g_string_append_printf (line, " · %s", lp_api_object_get_string (category, "name"));
  g_string_append_printf (line, " · %s · ", location);
  /* Translators: units on the shelf now, of the units the library owns. */
  g_string_append_printf (line, _("%d of %d on the shelf"), available, total);
  if (status != LP_ITEM_STATUS_AVAILABLE)
    g_string_append_printf (line, " · %s", _(lp_item_status_label (status)));
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static GtkWidget *
row (LpItemsPage *self,
     guint        field)
{
  return self->fields[field].row;
}

static gboolean
any_selected (LpItemsPage *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  if (self->selection == NULL)
    return FALSE;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return !gtk_bitset_is_empty (selected);
}

static void
update_state (LpItemsPage *self)
{
  guint count = lp_page_show_list_state (LP_PAGE (self), self->content_stack, self->error_page,
                                         FALSE);
  g_autofree char *text = NULL;

  /* Translators: the number of items shown. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", count), count);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.print-labels", any_selected (self));
}

static void
update_query (LpItemsPage *self)
{
  const char *query[] = { "q", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), NULL };

  if (self->model != NULL)
    lp_paged_model_set_query (self->model, query);
}

/*
 * The categories to choose from
 */

static void
select_category (LpItemsPage *self,
                 const char  *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->categories)); i++)
    {
      g_autoptr(LpCategoryObject) category = g_list_model_get_item (G_LIST_MODEL (self->categories),
                                                                    i);

      if (g_strcmp0 (lp_api_object_get_id (category), id) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row (self, F_CATEGORY)), i);
    }
}

static void
on_categories (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LpItemsPage) self = user_data;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &categories,
                                  NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lp_editor_page_set_general (LP_EDITOR_PAGE (self), error->message);
      return;
    }
  g_list_store_splice (self->categories, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->categories)),
                       categories->pdata, categories->len);
  if (editing (self) != NULL)
    select_category (self, lp_api_object_get_string (editing (self), "category-id"));
}

static void
load_categories (LpItemsPage *self)
{
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_CATEGORIES_LIST, NULL,
                            (const char *[]) { "limit", "500", NULL }, NULL, self->cancellable,
                            on_categories, g_object_ref (self));
}

/*
 * The form
 */

static void
set_text (LpItemsPage *self,
          guint        field,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (self, field)), text != NULL ? text : "");
}

static const char *
item_string (LpItemObject *item,
             const char   *name)
{
  return item != NULL ? lp_api_object_get_string (item, name) : NULL;
}

static void
lp_items_page_fill (LpEditorPage *page,
                    gpointer      item)
{
  LpItemsPage *self = LP_ITEMS_PAGE (page);
  g_autofree char *stock = NULL;
  g_autofree char *year = NULL;

  set_text (self, F_CODE, item_string (item, "code"));
  set_text (self, F_NAME, item_string (item, "name"));
  set_text (self, F_LOCATION, item_string (item, "location"));
  if (item != NULL)
    stock = g_strdup_printf ("%" G_GINT64_FORMAT, lp_api_object_get_int (item, "stock-total"));
  set_text (self, F_STOCK, stock != NULL ? stock : "1");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (self, F_CONDITION)),
                              item != NULL ? lp_api_object_get_enum (item, "condition") : 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (self, F_STATUS)),
                              item != NULL ? lp_api_object_get_enum (item, "status") : 0);
  set_text (self, F_DESCRIPTION, item_string (item, "description"));
  set_text (self, F_AUTHOR, item_string (item, "author"));
  set_text (self, F_PUBLISHER, item_string (item, "publisher"));
  if (item != NULL && lp_api_object_get_int (item, "year") > 0)
    year = g_strdup_printf ("%" G_GINT64_FORMAT, lp_api_object_get_int (item, "year"));
  set_text (self, F_YEAR, year);
  set_text (self, F_ISBN, item_string (item, "isbn"));
  if (item != NULL)
    select_category (self, item_string (item, "category-id"));
  gtk_widget_grab_focus (row (self, item != NULL ? F_NAME : F_CODE));
  /* The categories may have changed since: choose from the server's list. */
  load_categories (self);
}

static LpCategoryObject *
chosen_category (LpItemsPage *self)
{
  return adw_combo_row_get_selected_item (ADW_COMBO_ROW (row (self, F_CATEGORY)));
}

/* Units owned: a whole number the server accepts. */
static const char *
check_stock (LpItemsPage *self,
             gint64      *stock)
{
  if (!lp_form_row_int (row (self, F_STOCK), stock))
    return N_("Enter a whole number of units, 0 or more.");
  if (*stock > STOCK_MAX)
    return N_("Enter at most 100,000 units.");
  return NULL;
}

/* The optional year: empty, or a year from 1000 to next year. */
static const char *
check_year (LpItemsPage *self,
            gint64      *year)
{
  g_autofree char *text = lp_form_row_text (row (self, F_YEAR));

  *year = 0;
  if (*text == '\0')
    return NULL;
  if (!lp_form_row_int (row (self, F_YEAR), year))
    return N_("Enter a year between 1000 and next year.");
  return lp_validate_year (*year);
}

static void
check_text (LpItemsPage *self,
            guint        field,
            guint        min_chars,
            guint        max_chars,
            gboolean     multiline)
{
  g_autofree char *text = lp_form_row_text (row (self, field));

  lp_form_field_set_problem (&self->fields[field],
                             lp_validate_text (text, min_chars, max_chars, multiline));
}

static void
lp_items_page_check (LpEditorPage *page)
{
  LpItemsPage *self = LP_ITEMS_PAGE (page);
  g_autofree char *code = lp_form_row_text (row (self, F_CODE));
  g_autofree char *isbn = lp_form_row_text (row (self, F_ISBN));
  gint64 stock = 0, year = 0;

  lp_form_field_set_problem (&self->fields[F_CODE], lp_validate_item_code (code));
  check_text (self, F_NAME, 1, 200, FALSE);
  if (chosen_category (self) == NULL)
    lp_form_field_set_problem (&self->fields[F_CATEGORY], N_("Choose a category."));
  check_text (self, F_LOCATION, 1, 100, FALSE);
  lp_form_field_set_problem (&self->fields[F_STOCK], check_stock (self, &stock));
  check_text (self, F_DESCRIPTION, 0, 4000, TRUE);
  check_text (self, F_AUTHOR, 0, 200, FALSE);
  check_text (self, F_PUBLISHER, 0, 200, FALSE);
  lp_form_field_set_problem (&self->fields[F_YEAR], check_year (self, &year));
  if (*isbn != '\0')
    lp_form_field_set_problem (&self->fields[F_ISBN], lp_validate_isbn (isbn));
}

static void
add_text (JsonBuilder *builder,
          LpItemsPage *self,
          guint        field)
{
  g_autofree char *text = lp_form_row_text (row (self, field));

  json_builder_set_member_name (builder, field_names[field]);
  json_builder_add_string_value (builder, text);
}

/* Every field; the checks have passed. */
static JsonNode *
lp_items_page_body (LpEditorPage *page)
{
  LpItemsPage *self = LP_ITEMS_PAGE (page);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 stock = 0, year = 0;
  guint condition = adw_combo_row_get_selected (ADW_COMBO_ROW (row (self, F_CONDITION)));
  guint status = adw_combo_row_get_selected (ADW_COMBO_ROW (row (self, F_STATUS)));

  check_stock (self, &stock);
  check_year (self, &year);
  json_builder_begin_object (builder);
  for (guint field = F_CODE; field <= F_ISBN; field++)
    if (field != F_CATEGORY && field != F_STOCK && field != F_CONDITION && field != F_STATUS &&
        field != F_YEAR)
      add_text (builder, self, field);
  json_builder_set_member_name (builder, "category_id");
  json_builder_add_string_value (builder, lp_api_object_get_id (chosen_category (self)));
  json_builder_set_member_name (builder, "stock_total");
  json_builder_add_int_value (builder, stock);
  json_builder_set_member_name (builder, "condition");
  json_builder_add_string_value (builder, lp_item_condition_to_string (condition));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, lp_item_status_to_string (status));
  /* 0 clears a year the item had; a new item simply has none. */
  if (year != 0 || editing (self) != NULL)
    {
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, year);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static const char *
lp_items_page_explain_error (LpEditorPage *page,
                             const GError *error)
{
  if (g_error_matches (error, LP_ERROR, LP_ERROR_CONFLICT) &&
      lp_error_get_fields (error) != NULL &&
      g_hash_table_contains (lp_error_get_fields (error), "stock_total"))
    return _("More units are out on loan than this. The units owned cannot go below the "
             "units out until they are returned.");
  if (g_error_matches (error, LP_ERROR, LP_ERROR_DUPLICATE))
    return _("Another item already has this code.");
  return NULL;
}

static char *
lp_items_page_saved_text (LpEditorPage *page,
                          gpointer      item)
{
  /* Translators: a notification; %s is an item's code. */
  return g_strdup_printf (_("Item %s saved"), lp_api_object_get_string (item, "code"));
}

/*
 * Deleting, or marking unavailable instead
 */

static void
on_unavailable_response (AdwMessageDialog *dialog,
                         const char       *response,
                         LpItemsPage      *self)
{
  g_autoptr(JsonNode) body = NULL;

  if (g_strcmp0 (response, "unavailable") != 0 || editing (self) == NULL ||
      lp_editor_page_get_busy (LP_EDITOR_PAGE (self)))
    return;
  body = lp_api_body_new ("status", lp_item_status_to_string (LP_ITEM_STATUS_UNAVAILABLE), NULL);
  lp_editor_page_send (LP_EDITOR_PAGE (self), body);
}

static void
lp_items_page_offer_instead (LpEditorPage *page)
{
  LpItemsPage *self = LP_ITEMS_PAGE (page);
  g_autofree char *body = NULL;

  /* Translators: %s is an item's name. */
  body = g_strdup_printf (_("%s has loans, complaints or a condition history, so it cannot be "
                            "deleted. Mark it unavailable instead: members can no longer "
                            "request it, and its history stays."),
                          lp_api_object_get_string (editing (self), "name"));
  gtk_window_present (GTK_WINDOW (lp_ask_new (GTK_WIDGET (self), _("Item Still in Use"), body,
                                              "cancel", _("_Cancel"),
                                              "unavailable", _("Mark _Unavailable"),
                                              ADW_RESPONSE_SUGGESTED,
                                              G_CALLBACK (on_unavailable_response), self)));
}

static char *
lp_items_page_delete_heading (LpEditorPage *page,
                              gpointer      item)
{
  /* Translators: %s is an item's name. */
  return g_strdup_printf (_("Delete %s?"), lp_api_object_get_string (item, "name"));
}

static void
lp_items_page_update_state (LpEditorPage *page)
{
  update_state (LP_ITEMS_PAGE (page));
}

/* A spreadsheet's items at once; the list follows by the server's resync event. */
static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LpItemsPage *self = LP_ITEMS_PAGE (widget);
  LpImportDialog *dialog;

  if (self->model == NULL)
    return;
  dialog = lp_import_dialog_new (lp_page_get_session (LP_PAGE (self)));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The selected items' labels: code, name, location. */
static void
on_labels_collected (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LpItemsPage) self = user_data;
  g_autoptr(LpLabelSheet) sheet = lp_label_sheet_new (LP_LABEL_SHEET_ITEM_LABELS);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = lp_paged_model_collect_finish (LP_PAGED_MODEL (source), result, &error);
  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lp_page_add_toast (LP_PAGE (self), error->message);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    lp_label_sheet_add (sheet, lp_api_object_get_string (items->pdata[i], "code"),
                        lp_api_object_get_string (items->pdata[i], "name"),
                        lp_api_object_get_string (items->pdata[i], "location"));
  if (lp_label_sheet_get_n_labels (sheet) > 0)
    gtk_window_present (GTK_WINDOW (lp_label_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), sheet)));
}

/* Labels of every selected item, also those not scrolled to yet (Ctrl+A). */
static void
print_labels_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LpItemsPage *self = LP_ITEMS_PAGE (widget);

  if (self->selection != NULL)
    lp_page_collect_selected_async (LP_PAGE (self), GTK_SELECTION_MODEL (self->selection),
                                    self->cancellable, on_labels_collected, g_object_ref (self));
}

/*
 * LpPage
 */

static void
lp_items_page_role_changed (LpPage *page)
{
  LpItemsPage *self = LP_ITEMS_PAGE (page);
  gboolean admin = lp_page_get_role (page) == LP_ROLE_ADMIN;

  if (admin == (self->model != NULL))
    return;
  lp_editor_page_hide (LP_EDITOR_PAGE (self));
  g_list_store_remove_all (self->categories);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  self->model = lp_page_set_list (page, admin ? &LP_API_ITEMS_LIST : NULL, &LP_API_ITEMS_GET,
                                  G_CALLBACK (update_state));
  if (admin)
    {
      self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_state),
                                self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      update_query (self);
    }
  update_state (self);
}

/* An item changed (a loan moved its stock, another admin edited it): its row follows. */
static void
lp_items_page_event (LpPage     *page,
                     const char *type,
                     const char *id)
{
  LpItemsPage *self = LP_ITEMS_PAGE (page);

  if (g_strcmp0 (type, "item.changed") == 0 && self->model != NULL)
    lp_paged_model_refresh (self->model, id);
}

static void
lp_items_page_dispose (GObject *object)
{
  LpItemsPage *self = (LpItemsPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_ITEMS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->categories);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_items_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpItemsPage, name)

static void
lp_items_page_class_init (LpItemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);
  LpEditorPageClass *editor_class = LP_EDITOR_PAGE_CLASS (klass);

  object_class->dispose = lp_items_page_dispose;
  page_class->role_changed = lp_items_page_role_changed;
  page_class->event = lp_items_page_event;
  editor_class->fill = lp_items_page_fill;
  editor_class->check = lp_items_page_check;
  editor_class->body = lp_items_page_body;
  editor_class->explain_error = lp_items_page_explain_error;
  editor_class->offer_instead = lp_items_page_offer_instead;
  editor_class->delete_heading = lp_items_page_delete_heading;
  editor_class->saved_text = lp_items_page_saved_text;
  editor_class->update_state = lp_items_page_update_state;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/admin/lp-items-page.ui");
  lp_editor_page_class_setup (editor_class, &editor_info);
  BIND (search_entry);
  BIND (content_stack);
  BIND (list_view);
  BIND (error_page);
  BIND (count_label);
  lp_form_class_bind (widget_class, field_ids, N_FIELDS);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "import_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "new_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "labels_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, item_line);

  gtk_widget_class_install_action (widget_class, "items.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "items.print-labels", NULL,
                                   print_labels_activated);
}

#undef BIND

/* The condition and status rows: the labels of their values, in the values' order. */
static void
fill_labels (LpItemsPage *self)
{
  g_autoptr(GtkStringList) conditions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  for (LpItemCondition c = LP_ITEM_CONDITION_GOOD; c <= LP_ITEM_CONDITION_LOST; c++)
    gtk_string_list_append (conditions, _(lp_item_condition_label (c)));
  for (LpItemStatus s = LP_ITEM_STATUS_AVAILABLE; s <= LP_ITEM_STATUS_UNAVAILABLE; s++)
    gtk_string_list_append (statuses, _(lp_item_status_label (s)));
  adw_combo_row_set_model (ADW_COMBO_ROW (row (self, F_CONDITION)), G_LIST_MODEL (conditions));
  adw_combo_row_set_model (ADW_COMBO_ROW (row (self, F_STATUS)), G_LIST_MODEL (statuses));
}

static void
lp_items_page_init (LpItemsPage *self)
{
  g_autoptr(GtkExpression) name = NULL;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_form_init (self->fields, GTK_WIDGET (self), LP_TYPE_ITEMS_PAGE, field_names, field_ids,
                N_FIELDS);
  lp_editor_page_set_fields (LP_EDITOR_PAGE (self), self->fields, N_FIELDS);
  fill_labels (self);
  self->categories = g_list_store_new (LP_TYPE_CATEGORY_OBJECT);
  name = gtk_property_expression_new (LP_TYPE_CATEGORY_OBJECT, NULL, "name");
  adw_combo_row_set_expression (ADW_COMBO_ROW (row (self, F_CATEGORY)), name);
  adw_combo_row_set_model (ADW_COMBO_ROW (row (self, F_CATEGORY)),
                           G_LIST_MODEL (self->categories));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (update_query),
                            self);
  lp_editor_page_update_state (LP_EDITOR_PAGE (self));
}
