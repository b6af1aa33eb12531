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

  LpPagedModel       *model;          /* the page's list: NULL unless a member is logged in */
  GtkNoSelection     *selection;
};

G_DEFINE_FINAL_TYPE (LpMyComplaintsPage, lp_my_complaints_page, LP_TYPE_PAGE)

static void
update_state (LpMyComplaintsPage *self)
{
  lp_page_show_list_state (LP_PAGE (self), self->content_stack, self->error_page, FALSE);
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
  lp_page_reload (LP_PAGE (self));
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

/*
 * LpPage
 */

/* A member sees their own complaints (the server lists no one else's); anyone else has
 * no list at all, so nothing of the last user's stays behind a logout. */
static void
lp_my_complaints_page_role_changed (LpPage *page)
{
  LpMyComplaintsPage *self = LP_MY_COMPLAINTS_PAGE (page);
  gboolean member = lp_page_get_role (page) == LP_ROLE_MEMBER;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "my-complaints.new", member);
  if (member == (self->model != NULL))
    return;
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  self->model = lp_page_set_list (page, member ? &LP_API_COMPLAINTS_LIST : NULL,
                                  &LP_API_COMPLAINTS_GET, G_CALLBACK (update_state));
  if (member)
    {
      self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      lp_paged_model_set_query (self->model, (const char *[]) { NULL });
    }
  update_state (self);
}

static void
lp_my_complaints_page_dispose (GObject *object)
{
  LpMyComplaintsPage *self = (LpMyComplaintsPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_MY_COMPLAINTS_PAGE);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (lp_my_complaints_page_parent_class)->dispose (object);
}

static void
lp_my_complaints_page_class_init (LpMyComplaintsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_my_complaints_page_dispose;
  page_class->role_changed = lp_my_complaints_page_role_changed;
  /* The desk noted or moved on one of the member's complaints, or one was just filed. */
  page_class->list_event = "complaint.changed";

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
