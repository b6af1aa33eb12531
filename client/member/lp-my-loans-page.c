/* lp-my-loans-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-my-loans-page"

#include "config.h"

#include "lp-my-loans-page.h"

#include "lp-ask.h"
#include "lp-error.h"
#include "lp-my-loan-row.h"
#include "lp-paged-model.h"

#include <glib/gi18n-lib.h>

struct _LpMyLoansPage
{
  LpPage         parent_instance;

  GtkLabel      *count_label;
  GtkDropDown   *status_dropdown;
  GtkStringList *status_names;
  GtkLabel      *problem_label;
  GtkStack      *content_stack;
  GtkListView   *list_view;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;

  LpPagedModel  *model;          /* the page's list: NULL unless a member is logged in */
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (LpMyLoansPage, lp_my_loans_page, LP_TYPE_PAGE)

/* The filters of the status drop-down, in order; NULL is every loan. */
static const struct {
  const char *status;
  const char *label;
} filters[] = {
  { NULL, NC_("loan filter", "All") },
  { "pending", NC_("loan filter", "Pending") },
  { "approved", NC_("loan filter", "Approved") },
  { "borrowed", NC_("loan filter", "Borrowed") },
  { "overdue", NC_("loan filter", "Overdue") },
  { "returned", NC_("loan filter", "Returned") },
  { "rejected", NC_("loan filter", "Rejected") },
  { "cancelled", NC_("loan filter", "Cancelled") },
};

static const char *
filter_status (LpMyLoansPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  return selected < G_N_ELEMENTS (filters) ? filters[selected].status : NULL;
}

static void
show_problem (LpMyLoansPage *self,
              const char    *text)
{
  gtk_label_set_label (self->problem_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text != NULL);
}

static void
update_state (LpMyLoansPage *self)
{
  guint count = lp_page_show_list_state (LP_PAGE (self), self->content_stack, self->error_page,
                                         FALSE);
  g_autofree char *text = NULL;

  if (filter_status (self) != NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Loans With This Status"));
      adw_status_page_set_description (self->empty_page, _("Choose “All” to see every loan."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Loans Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Find what you need in the Catalog and choose "
                                         "Request Loan."));
    }
  /* Translators: the number of loans in My Loans. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u loan", "%u loans", count), count);
  gtk_label_set_label (self->count_label, self->model != NULL && lp_paged_model_get_loaded (self->model)
                                          ? text : "");
}

static void
apply_query (LpMyLoansPage *self)
{
  if (self->model == NULL)
    return;
  lp_paged_model_set_query (self->model, (const char *[]) { "status", filter_status (self), NULL });
  update_state (self);
}

static void
on_filter_changed (LpMyLoansPage *self)
{
  apply_query (self);
}

/* Members only: nothing of one member's loans stays behind a logout. */
static void
lp_my_loans_page_role_changed (LpPage *page)
{
  LpMyLoansPage *self = LP_MY_LOANS_PAGE (page);
  gboolean member = lp_page_get_role (page) == LP_ROLE_MEMBER;
  g_autoptr(GtkNoSelection) selection = NULL;

  if (member == (self->model != NULL))
    return;
  gtk_list_view_set_model (self->list_view, NULL);
  self->model = lp_page_set_list (page, member ? &LP_API_LOANS_LIST : NULL, &LP_API_LOANS_GET,
                                  G_CALLBACK (update_state));
  show_problem (self, NULL);
  if (member)
    {
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
      apply_query (self);
    }
  update_state (self);
}

static void
on_row_activated (LpMyLoansPage *self,
                  guint          position)
{
  g_autoptr(LpLoanObject) loan = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (loan != NULL && lp_api_object_get_loaded (loan))
    lp_page_navigate (GTK_WIDGET (self), "loan", lp_api_object_get_id (loan));
}

static void
on_catalog_clicked (LpMyLoansPage *self)
{
  lp_page_navigate (GTK_WIDGET (self), "catalog", NULL);
}

/*
 * Cancelling a request
 */

static void
on_cancelled (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LpMyLoansPage) self = user_data;
  g_autoptr(LpLoanObject) loan = NULL;
  g_autoptr(GError) error = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &loan, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loan != NULL)
    {
      show_problem (self, NULL);
      lp_page_add_toast (LP_PAGE (self), _("Request cancelled"));
    }
  else if (g_error_matches (error, LP_ERROR, LP_ERROR_INVALID_TRANSITION))
    show_problem (self, _("This request has already been decided by the library, so it can no "
                          "longer be cancelled."));
  else
    show_problem (self, error->message);
  lp_page_reload (LP_PAGE (self));
}

static void
on_cancel_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LpMyLoansPage    *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "loan-id");

  if (g_strcmp0 (response, "cancel-request") != 0 || lp_page_get_client (LP_PAGE (self)) == NULL)
    return;
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_LOANS_CANCEL,
                            (const char *[]) { id, NULL }, NULL, NULL, self->cancellable,
                            on_cancelled, g_object_ref (self));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AdwMessageDialog *dialog;

  dialog = lp_ask_new (widget, _("Cancel This Request?"),
                       _("The library will not lend you the item for these dates. "
                         "You can send a new request later."),
                       "keep", _("_Keep Request"), "cancel-request", _("_Cancel Request"),
                       ADW_RESPONSE_DESTRUCTIVE, G_CALLBACK (on_cancel_response), widget);
  g_object_set_data_full (G_OBJECT (dialog), "loan-id",
                          g_variant_dup_string (parameter, NULL), g_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * LpPage
 */

/* open ("pending"): the list filtered on that status. */
static void
lp_my_loans_page_open (LpPage     *page,
                       const char *id)
{
  LpMyLoansPage *self = LP_MY_LOANS_PAGE (page);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_strcmp0 (filters[i].status, id) == 0)
      gtk_drop_down_set_selected (self->status_dropdown, i);
}

static void
lp_my_loans_page_dispose (GObject *object)
{
  LpMyLoansPage *self = (LpMyLoansPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_MY_LOANS_PAGE);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_my_loans_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpMyLoansPage, name)

static void
lp_my_loans_page_class_init (LpMyLoansPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_my_loans_page_dispose;
  page_class->role_changed = lp_my_loans_page_role_changed;
  /* The member's loans are the only ones whose events reach a member: any of them may
   * have been requested, decided or returned. */
  page_class->list_event = "loan.changed";
  page_class->open = lp_my_loans_page_open;

  g_type_ensure (LP_TYPE_MY_LOAN_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/member/lp-my-loans-page.ui");
  BIND (count_label);
  BIND (status_dropdown);
  BIND (status_names);
  BIND (problem_label);
  BIND (content_stack);
  BIND (list_view);
  BIND (empty_page);
  BIND (error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_catalog_clicked);

  gtk_widget_class_install_action (widget_class, "my-loans.cancel", "s", cancel_activated);
}

#undef BIND

static void
lp_my_loans_page_init (LpMyLoansPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    gtk_string_list_append (self->status_names,
                            g_dpgettext2 (GETTEXT_PACKAGE, "loan filter", filters[i].label));
  update_state (self);
}
