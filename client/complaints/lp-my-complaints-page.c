/* lp-my-complaints-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-my-complaints-page"

#include "config.h"

#include "lp-my-complaints-page.h"

#include "lp-complaint-dialog.h"
#include "lp-complaint-row.h"
#include "lp-paged-model.h"

#include <glib/gi18n-lib.h>

struct _LpMyComplaintsPage
{
  LpPage              parent_instance;

  GtkStack           *content_stack;
  GtkListView        *list_view;
  AdwStatusPage      *error_page;
  GtkWidget          *new_button;

  LpPagedModel       *model;          /* NULL unless a member is logged in */
  GtkNoSelection     *selection;
};

G_DEFINE_FINAL_TYPE (LpMyComplaintsPage, lp_my_complaints_page, LP_TYPE_PAGE)

static void
update_state (LpMyComplaintsPage *self)
{
  const GError *error = self->model != NULL ? lp_paged_model_get_error (self->model) : NULL;
  guint n = self->model != NULL && lp_paged_model_get_loaded (self->model)
            ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  const char *state;

  if (self->model == NULL || (!lp_paged_model_get_loaded (self->model) && error == NULL))
    state = "loading";
  else if (error != NULL && n == 0)
    state = "error";
  else
    state = n > 0 ? "list" : "empty";
  if (error != NULL)
    adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, state);
}

static void
on_activate (GtkListView        *list_view,
             guint               position,
             LpMyComplaintsPage *self)
{
  g_autoptr(LpComplaintObject) complaint = g_list_model_get_item (G_LIST_MODEL (self->model),
                                                                  position);

  if (complaint != NULL && lp_api_object_get_loaded (complaint))
    lp_page_navigate (GTK_WIDGET (self), "complaint", lp_api_object_get_id (complaint));
}

static void
on_filed (LpMyComplaintsPage *self,
          LpComplaintObject  *complaint)
{
  lp_page_add_toast (LP_PAGE (self), _("Complaint sent. The library will answer it here."));
  if (self->model != NULL)
    lp_paged_model_reload (self->model);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LpMyComplaintsPage *self = LP_MY_COMPLAINTS_PAGE (widget);
  LpComplaintDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (lp_page_get_client (LP_PAGE (self)) == NULL)
    return;
  dialog = lp_complaint_dialog_new (lp_page_get_client (LP_PAGE (self)));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "filed", G_CALLBACK (on_filed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A member sees their own complaints (the server lists no one else's); anyone else has
 * no list at all, so nothing of the last user's stays behind a logout. */
static void
update_role (LpMyComplaintsPage *self)
{
  LpSession *session = lp_page_get_session (LP_PAGE (self));
  gboolean member = session != NULL && lp_session_get_role (session) == LP_ROLE_MEMBER;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "my-complaints.new", member);
  if (member == (self->model != NULL))
    return;
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  if (member)
    {
      self->model = lp_paged_model_new (lp_page_get_client (LP_PAGE (self)),
                                        &LP_API_COMPLAINTS_LIST, &LP_API_COMPLAINTS_GET);
      g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update_state), self);
      g_signal_connect_swapped (self->model, "notify::error", G_CALLBACK (update_state), self);
      self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      lp_paged_model_set_query (self->model, (const char *[]) { NULL });
    }
  update_state (self);
}

/*
 * LpPage
 */

static void
lp_my_complaints_page_session_changed (LpPage *page)
{
  g_signal_connect_object (lp_page_get_session (page), "notify::role", G_CALLBACK (update_role),
                           page, G_CONNECT_SWAPPED);
  update_role (LP_MY_COMPLAINTS_PAGE (page));
}

/* The desk noted or moved on one of the member's complaints, or one was just filed:
 * the list is the server's again within a moment. */
static void
lp_my_complaints_page_event (LpPage     *page,
                             const char *type,
                             const char *id)
{
  LpMyComplaintsPage *self = LP_MY_COMPLAINTS_PAGE (page);

  if (g_strcmp0 (type, "complaint.changed") == 0 && self->model != NULL)
    lp_paged_model_reload (self->model);
}

static void
lp_my_complaints_page_reload (LpPage *page)
{
  LpMyComplaintsPage *self = LP_MY_COMPLAINTS_PAGE (page);

  if (self->model != NULL)
    lp_paged_model_reload (self->model);
}

static void
lp_my_complaints_page_dispose (GObject *object)
{
  LpMyComplaintsPage *self = (LpMyComplaintsPage *) object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_MY_COMPLAINTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (lp_my_complaints_page_parent_class)->dispose (object);
}

static void
lp_my_complaints_page_class_init (LpMyComplaintsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_my_complaints_page_dispose;
  page_class->session_changed = lp_my_complaints_page_session_changed;
  page_class->event = lp_my_complaints_page_event;
  page_class->reload = lp_my_complaints_page_reload;

  g_type_ensure (LP_TYPE_COMPLAINT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/complaints/lp-my-complaints-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LpMyComplaintsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LpMyComplaintsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LpMyComplaintsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LpMyComplaintsPage, new_button);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "my-complaints.new", NULL, new_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "my-complaints.new", NULL);
}

static void
lp_my_complaints_page_init (LpMyComplaintsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "my-complaints.new", FALSE);
  update_state (self);
}
