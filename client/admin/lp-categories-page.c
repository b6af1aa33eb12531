/* lp-categories-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-categories-page"

#include "config.h"

#include "lp-categories-page.h"

#include "lp-admin-form.h"
#include "lp-ask.h"
#include "lp-error.h"
#include "lp-paged-model.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>

enum { F_NAME, F_DESCRIPTION, N_FIELDS };

/* The API's members, which are also the template's ids of the rows ("<name>_row"). */
static const char * const field_names[N_FIELDS] = { "name", "description" };

struct _LpCategoriesPage
{
  LpPage              parent_instance;

  GtkSearchEntry     *search_entry;
  GtkStack           *content_stack;
  GtkListView        *list_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkWidget          *form_separator;
  GtkWidget          *form_pane;
  GtkLabel           *form_title;
  GtkLabel           *form_error;
  GtkWidget          *delete_button;

  LpFormField         fields[N_FIELDS];
  LpPagedModel       *model;          /* the page's list: NULL unless an admin is logged in */
  GtkSingleSelection *selection;
  LpCategoryObject   *editing;        /* NULL while creating */
  GCancellable       *cancellable;
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (LpCategoriesPage, lp_categories_page, LP_TYPE_PAGE)

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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "categories.save", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "categories.delete",
                                 !self->busy && self->editing != NULL);
}

static void
update_query (LpCategoriesPage *self)
{
  const char *query[] = { "q", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), NULL };

  if (self->model != NULL)
    lp_paged_model_set_query (self->model, query);
}

/*
 * The form
 */

static void
show_form (LpCategoriesPage *self,
           LpCategoryObject *category)
{
  const char *name = category != NULL ? lp_api_object_get_string (category, "name") : NULL;
  const char *description = category != NULL
                            ? lp_api_object_get_string (category, "description") : NULL;

  g_set_object (&self->editing, category);
  lp_form_clear (self->fields, N_FIELDS, self->form_error);
  gtk_label_set_label (self->form_title, name != NULL ? name : _("New Category"));
  gtk_editable_set_text (GTK_EDITABLE (self->fields[F_NAME].row), name != NULL ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->fields[F_DESCRIPTION].row),
                         description != NULL ? description : "");
  gtk_widget_set_visible (self->delete_button, category != NULL);
  gtk_widget_set_visible (self->form_pane, TRUE);
  gtk_widget_set_visible (self->form_separator, TRUE);
  gtk_widget_grab_focus (self->fields[F_NAME].row);
  update_state (self);
}

static void
hide_form (LpCategoriesPage *self)
{
  g_clear_object (&self->editing);
  gtk_widget_set_visible (self->form_pane, FALSE);
  gtk_widget_set_visible (self->form_separator, FALSE);
  update_state (self);
}

static gboolean
check_form (LpCategoriesPage *self)
{
  g_autofree char *name = lp_form_row_text (self->fields[F_NAME].row);
  g_autofree char *description = lp_form_row_text (self->fields[F_DESCRIPTION].row);

  lp_form_clear (self->fields, N_FIELDS, self->form_error);
  lp_form_field_set_problem (&self->fields[F_NAME], lp_validate_text (name, 1, 100, FALSE));
  lp_form_field_set_problem (&self->fields[F_DESCRIPTION],
                             lp_validate_text (description, 0, 2000, TRUE));
  return !lp_form_has_problems (self->fields, N_FIELDS);
}

static JsonNode *
form_body (LpCategoriesPage *self)
{
  g_autofree char *name = lp_form_row_text (self->fields[F_NAME].row);
  g_autofree char *description = lp_form_row_text (self->fields[F_DESCRIPTION].row);

  return lp_api_body_new ("name", name, "description", description, NULL);
}

static const char *
explain_error (const GError *error)
{
  if (g_error_matches (error, LP_ERROR, LP_ERROR_IN_USE))
    return _("Items or complaints still belong to this category, so it cannot be deleted. "
             "Move those items to another category first.");
  if (g_error_matches (error, LP_ERROR, LP_ERROR_DUPLICATE))
    return _("Another category already has this name.");
  return NULL;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LpCategoriesPage) self = user_data;
  g_autoptr(LpCategoryObject) category = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &category, NULL,
                             &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (category == NULL)
    {
      lp_form_show_error (self->fields, N_FIELDS, self->form_error, error,
                          explain_error (error));
      update_state (self);
      return;
    }
  /* Translators: a notification; %s is a category's name. */
  text = g_strdup_printf (_("Category %s saved"), lp_api_object_get_string (category, "name"));
  lp_page_add_toast (LP_PAGE (self), text);
  hide_form (self);
  lp_page_reload (LP_PAGE (self));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LpCategoriesPage *self = LP_CATEGORIES_PAGE (widget);
  g_autoptr(JsonNode) body = NULL;

  if (self->busy || !gtk_widget_get_visible (self->form_pane) || !check_form (self))
    return;
  body = form_body (self);
  self->busy = TRUE;
  update_state (self);
  if (self->editing == NULL)
    lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_CATEGORIES_CREATE,
                              NULL, NULL, body, self->cancellable, on_saved, g_object_ref (self));
  else
    lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_CATEGORIES_UPDATE,
                              (const char *[]) { lp_api_object_get_id (self->editing), NULL },
                              NULL, body, self->cancellable, on_saved, g_object_ref (self));
}

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LpCategoriesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, NULL, NULL, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (error != NULL)
    lp_form_show_error (self->fields, N_FIELDS, self->form_error, error, explain_error (error));
  else
    {
      lp_page_add_toast (LP_PAGE (self), _("Category deleted"));
      hide_form (self);
      lp_page_reload (LP_PAGE (self));
    }
  update_state (self);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LpCategoriesPage *self)
{
  if (g_strcmp0 (response, "delete") != 0 || self->editing == NULL || self->busy)
    return;
  self->busy = TRUE;
  update_state (self);
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_CATEGORIES_DELETE,
                            (const char *[]) { lp_api_object_get_id (self->editing), NULL },
                            NULL, NULL, self->cancellable, on_deleted, g_object_ref (self));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LpCategoriesPage *self = LP_CATEGORIES_PAGE (widget);
  g_autofree char *heading = NULL;

  if (self->editing == NULL || self->busy)
    return;
  /* Translators: %s is a category's name. */
  heading = g_strdup_printf (_("Delete the Category %s?"),
                             lp_api_object_get_string (self->editing, "name"));
  gtk_window_present (GTK_WINDOW (lp_ask_new (widget, heading,
                                              _("Only a category no item uses can be deleted."),
                                              "cancel", _("_Cancel"), "delete", _("_Delete"),
                                              ADW_RESPONSE_DESTRUCTIVE,
                                              G_CALLBACK (on_delete_response), self)));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LpCategoriesPage *self = LP_CATEGORIES_PAGE (widget);

  if (self->model != NULL)
    show_form (self, NULL);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  hide_form (LP_CATEGORIES_PAGE (widget));
}

/* Template callback: a click or Enter on a row opens it in the form. */
static void
on_activate (LpCategoriesPage *self,
             guint             position)
{
  g_autoptr(LpCategoryObject) category = NULL;

  if (self->model == NULL)
    return;
  category = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (category != NULL && lp_api_object_get_loaded (category))
    show_form (self, category);
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
  hide_form (self);
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

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_CATEGORIES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->editing);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_categories_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpCategoriesPage, name)

static void
lp_categories_page_class_init (LpCategoriesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_categories_page_dispose;
  page_class->role_changed = lp_categories_page_role_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/admin/lp-categories-page.ui");
  BIND (search_entry);
  BIND (content_stack);
  BIND (list_view);
  BIND (error_page);
  BIND (count_label);
  BIND (form_separator);
  BIND (form_pane);
  BIND (form_title);
  BIND (form_error);
  BIND (delete_button);
  lp_form_class_bind (widget_class, field_names, N_FIELDS);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "new_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "categories.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "categories.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "categories.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "categories.delete", NULL, delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "categories.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "categories.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "categories.cancel",
                                       NULL);
}

#undef BIND

static void
lp_categories_page_init (LpCategoriesPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_form_init (self->fields, GTK_WIDGET (self), LP_TYPE_CATEGORIES_PAGE, field_names,
                field_names, N_FIELDS);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (update_query),
                            self);
  update_state (self);
}
