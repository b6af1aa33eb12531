/* lp-requests-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-requests-page"

#include "config.h"

#include "lp-requests-page.h"

#include "lp-ask.h"
#include "lp-loan-row.h"
#include "lp-error.h"
#include "lp-paged-model.h"

#include <glib/gi18n-lib.h>

struct _LpRequestsPage
{
  LpPage              parent_instance;

  GtkStack           *content_stack;
  GtkListView        *list_view;
  AdwStatusPage      *error_page;
  GtkLabel           *problem_label;
  GtkLabel           *count_label;

  LpPagedModel       *model;          /* the page's list: NULL unless the role may decide */
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (LpRequestsPage, lp_requests_page, LP_TYPE_PAGE)

enum {
  PROP_0,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
get_count (LpRequestsPage *self)
{
  return self->model != NULL && lp_paged_model_get_loaded (self->model)
         ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

static LpLoanObject *
selected_loan (LpRequestsPage *self)
{
  LpLoanObject *loan = self->selection != NULL
                       ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  return loan != NULL && lp_api_object_get_loaded (loan) ? loan : NULL;
}

static void
update_state (LpRequestsPage *self)
{
  guint count = lp_page_show_list_state (LP_PAGE (self), self->content_stack, self->error_page,
                                         FALSE);
  g_autofree char *text = NULL;

  /* Translators: the number of loan requests waiting for a decision. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u request waiting",
                                       "%u requests waiting", count), count);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.approve",
                                 !self->busy && selected_loan (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.reject",
                                 !self->busy && selected_loan (self) != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

static void
show_problem (LpRequestsPage *self,
              const char     *text)
{
  gtk_label_set_label (self->problem_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text != NULL);
}

/* Staff and admins decide; anyone else has no list at all (nothing of the last user's
 * stays behind a logout). */
static void
lp_requests_page_role_changed (LpPage *page)
{
  LpRequestsPage *self = LP_REQUESTS_PAGE (page);
  gboolean desk = (lp_page_get_role (page) & LP_ROLES_DESK) != 0;

  if (desk == (self->model != NULL))
    return;
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  self->model = lp_page_set_list (page, desk ? &LP_API_LOANS_LIST : NULL, &LP_API_LOANS_GET,
                                  G_CALLBACK (update_state));
  show_problem (self, NULL);
  if (desk)
    {
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      g_signal_connect_swapped (self->selection, "notify::selected-item",
                                G_CALLBACK (update_state), self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      lp_paged_model_set_query (self->model, (const char *[]) { "status", "pending",
                                                                "sort", "oldest", NULL });
    }
  update_state (self);
}

/*
 * Deciding
 */

/* What a desk officer should read when the server refused a decision. */
static const char *
explain_error (const GError *error)
{
  if (g_error_matches (error, LP_ERROR, LP_ERROR_INVALID_TRANSITION))
    return _("This request has already been decided at another desk. "
             "The list now shows what is still waiting.");
  if (g_error_matches (error, LP_ERROR, LP_ERROR_OVERBOOKED) ||
      g_error_matches (error, LP_ERROR, LP_ERROR_INSUFFICIENT_STOCK))
    return _("Not enough units are free on these dates: other loans already hold them. "
             "Reject the request, or ask the member for other dates.");
  return error->message;
}

static void
on_decided (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LpRequestsPage) self = user_data;
  g_autoptr(LpLoanObject) loan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &loan, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (loan != NULL)
    {
      show_problem (self, NULL);
      if (lp_api_object_get_enum (loan, "status") == LP_LOAN_STATUS_APPROVED)
        {
          /* Translators: a notification; %s is a loan code. */
          text = g_strdup_printf (_("Request %s approved"), lp_api_object_get_string (loan, "code"));
          /* The member waits at the desk for the receipt: offer it at once. */
          lp_page_add_toast_button (LP_PAGE (self), text, _("Print Receipt"), "win.print-receipt",
                                    g_variant_new_string (lp_api_object_get_id (loan)));
        }
      else
        {
          /* Translators: a notification; %s is a loan code. */
          text = g_strdup_printf (_("Request %s rejected"), lp_api_object_get_string (loan, "code"));
          lp_page_add_toast (LP_PAGE (self), text);
        }
    }
  else
    show_problem (self, explain_error (error));
  /* Whatever happened, the list shows the server's state now, never a stale one. */
  lp_page_reload (LP_PAGE (self));
  update_state (self);
}

static void
decide (LpRequestsPage      *self,
        const LpApiEndpoint *endpoint,
        const char          *reason)
{
  LpLoanObject *loan = selected_loan (self);
  g_autoptr(JsonNode) body = NULL;

  if (loan == NULL || self->busy)
    return;
  self->busy = TRUE;
  update_state (self);
  body = lp_api_body_new ("reason", reason != NULL && *reason != '\0' ? reason : NULL, NULL);
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), endpoint,
                            (const char *[]) { lp_api_object_get_id (loan), NULL }, NULL, body,
                            self->cancellable, on_decided, g_object_ref (self));
}

static void
approve_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  decide (LP_REQUESTS_PAGE (widget), &LP_API_LOANS_APPROVE, NULL);
}

static void
on_reject_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LpRequestsPage   *self)
{
  g_autofree char *reason = lp_ask_dup_entry_text (dialog);

  if (g_strcmp0 (response, "reject") == 0)
    decide (self, &LP_API_LOANS_REJECT, reason);
}

static void
reject_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LpRequestsPage *self = LP_REQUESTS_PAGE (widget);
  LpLoanObject *loan = selected_loan (self);
  AdwMessageDialog *dialog;

  if (loan == NULL || self->busy)
    return;
  dialog = lp_ask_new (widget, _("Reject This Request?"), lp_api_object_get_string (loan, "code"),
                       "cancel", _("_Cancel"), "reject", _("_Reject"), ADW_RESPONSE_DESTRUCTIVE,
                       G_CALLBACK (on_reject_response), self);
  lp_ask_add_entry (dialog, _("Reason (optional)"), _("Reason"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * LpPage
 */

static void
lp_requests_page_dispose (GObject *object)
{
  LpRequestsPage *self = (LpRequestsPage *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_REQUESTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_requests_page_parent_class)->dispose (object);
}

static void
lp_requests_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint (value, get_count (LP_REQUESTS_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_requests_page_class_init (LpRequestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_requests_page_dispose;
  object_class->get_property = lp_requests_page_get_property;
  page_class->role_changed = lp_requests_page_role_changed;
  /* A loan changed somewhere (requested, decided at another desk): the waiting list is
   * the server's again within a moment. */
  page_class->list_event = "loan.changed";

  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LP_TYPE_LOAN_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/desk/lp-requests-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LpRequestsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LpRequestsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LpRequestsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LpRequestsPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LpRequestsPage, count_label);
  gtk_widget_class_bind_template_child_full (widget_class, "approve_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "reject_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "requests.approve", NULL, approve_activated);
  gtk_widget_class_install_action (widget_class, "requests.reject", NULL, reject_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "requests.approve", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "requests.reject", NULL);
}

static void
lp_requests_page_init (LpRequestsPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update_state (self);
}
