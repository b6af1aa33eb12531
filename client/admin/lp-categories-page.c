/* lp-categories-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-categories-page"

#include "config.h"

#include "lp-categories-page.h"

#include "lp-error.h"
#include "lp-paged-model.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>

enum { F_NAME, F_DESCRIPTION, N_FIELDS };

/* The API's members, which are also the template's ids of the rows ("<name>_row"). */
static const char * const field_names[N_FIELDS] = { "name", "description" };

struct _LpCategoriesPage
{
  LpEditorPage        parent_instance;

  GtkSearchEntry     *search_entry;
  GtkStack           *content_stack;
  GtkListView        *list_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;

  LpFormField         fields[N_FIELDS];
  LpPagedModel       *model;          /* the page's list: NULL unless an admin is logged in */
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (LpCategoriesPage, lp_categories_page, LP_TYPE_EDITOR_PAGE)

static const LpEditorInfo editor_info = {
  .actions = "categories",
  .create = &LP_API_CATEGORIES_CREATE,
  .update = &LP_API_CATEGORIES_UPDATE,
  .remove = &LP_API_CATEGORIES_DELETE,
  .name_property = "name",
  .new_title = N_("New Category"),
  .delete_body = N_("Only a category no item uses can be deleted."),
  .deleted = N_("Category deleted"),
};

static void
update_state (LpCategoriesPage *self)
{
  guint count = lp_page_show_list_state (LP_PAGE (self), self->content_stack, self->error_page,
                                         FALSE);
  g_autofree char *text = NULL;

  /* Translators: the number of categories shown. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u category", "%u categories", count),
                          count);
  gtk_label_set_label (self->count_label, text);
}

static void
update_query (LpCategoriesPage *self)
{
  const char *query[] = { "q", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), NULL };

  if (self->model != NULL)
    lp_paged_model_set_query (self->model, query);
}

/*
 * LpEditorPage
 */

static void
lp_categories_page_fill (LpEditorPage *page,
                         gpointer      category)
{
  LpCategoriesPage *self = LP_CATEGORIES_PAGE (page);
  const char *name = category != NULL ? lp_api_object_get_string (category, "name") : NULL;
  const char *description = category != NULL
                            ? lp_api_object_get_string (category, "description") : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->fields[F_NAME].row), name != NULL ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->fields[F_DESCRIPTION].row),
                         description != NULL ? description : "");
  gtk_widget_grab_focus (self->fields[F_NAME].row);
}

static void
lp_categories_page_check (LpEditorPage *page)
{
  LpCategoriesPage *self = LP_CATEGORIES_PAGE (page);
  g_autofree char *name = lp_form_row_text (self->fields[F_NAME].row);
  g_autofree char *description = lp_form_row_text (self->fields[F_DESCRIPTION].row);

  lp_form_field_set_problem (&self->fields[F_NAME], lp_validate_text (name, 1, 100, FALSE));
  lp_form_field_set_problem (&self->fields[F_DESCRIPTION],
                             lp_validate_text (description, 0, 2000, TRUE));
}

static JsonNode *
lp_categories_page_body (LpEditorPage *page)
{
  LpCategoriesPage *self = LP_CATEGORIES_PAGE (page);
  g_autofree char *name = lp_form_row_text (self->fields[F_NAME].row);
  g_autofree char *description = lp_form_row_text (self->fields[F_DESCRIPTION].row);

  return lp_api_body_new ("name", name, "description", description, NULL);
}

static const char *
lp_categories_page_explain_error (LpEditorPage *page,
                                  const GError *error)
{
  if (g_error_matches (error, LP_ERROR, LP_ERROR_IN_USE))
    return _("Items or complaints still belong to this category, so it cannot be deleted. "
             "Move those items to another category first.");
  if (g_error_matches (error, LP_ERROR, LP_ERROR_DUPLICATE))
    return _("Another category already has this name.");
  return NULL;
}

static char *
lp_categories_page_saved_text (LpEditorPage *page,
                               gpointer      category)
{
  /* Translators: a notification; %s is a category's name. */
  return g_strdup_printf (_("Category %s saved"), lp_api_object_get_string (category, "name"));
}

static char *
lp_categories_page_delete_heading (LpEditorPage *page,
                                   gpointer      category)
{
  /* Translators: %s is a category's name. */
  return g_strdup_printf (_("Delete the Category %s?"),
                          lp_api_object_get_string (category, "name"));
}

static void
lp_categories_page_update_state (LpEditorPage *page)
{
  update_state (LP_CATEGORIES_PAGE (page));
}

/*
 * LpPage
 */

static void
lp_categories_page_role_changed (LpPage *page)
{
  LpCategoriesPage *self = LP_CATEGORIES_PAGE (page);
  gboolean admin = lp_page_get_role (page) == LP_ROLE_ADMIN;

  if (admin == (self->model != NULL))
    return;
  lp_editor_page_hide (LP_EDITOR_PAGE (self));
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  self->model = lp_page_set_list (page, admin ? &LP_API_CATEGORIES_LIST : NULL,
                                  &LP_API_CATEGORIES_GET, G_CALLBACK (update_state));
  if (admin)
    {
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      update_query (self);
    }
  update_state (self);
}

static void
lp_categories_page_dispose (GObject *object)
{
  LpCategoriesPage *self = (LpCategoriesPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_CATEGORIES_PAGE);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (lp_categories_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpCategoriesPage, name)

static void
lp_categories_page_class_init (LpCategoriesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);
  LpEditorPageClass *editor_class = LP_EDITOR_PAGE_CLASS (klass);

  object_class->dispose = lp_categories_page_dispose;
  page_class->role_changed = lp_categories_page_role_changed;
  editor_class->fill = lp_categories_page_fill;
  editor_class->check = lp_categories_page_check;
  editor_class->body = lp_categories_page_body;
  editor_class->explain_error = lp_categories_page_explain_error;
  editor_class->delete_heading = lp_categories_page_delete_heading;
  editor_class->saved_text = lp_categories_page_saved_text;
  editor_class->update_state = lp_categories_page_update_state;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/admin/lp-categories-page.ui");
  lp_editor_page_class_setup (editor_class, &editor_info);
  BIND (search_entry);
  BIND (content_stack);
  BIND (list_view);
  BIND (error_page);
  BIND (count_label);
  lp_form_class_bind (widget_class, field_names, N_FIELDS);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "new_button", FALSE, 0);
}

#undef BIND

static void
lp_categories_page_init (LpCategoriesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_form_init (self->fields, GTK_WIDGET (self), LP_TYPE_CATEGORIES_PAGE, field_names,
                field_names, N_FIELDS);
  lp_editor_page_set_fields (LP_EDITOR_PAGE (self), self->fields, N_FIELDS);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (update_query),
                            self);
  lp_editor_page_update_state (LP_EDITOR_PAGE (self));
}
