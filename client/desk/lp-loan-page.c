/* lp-loan-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-loan-page"

#include "config.h"

#include "lp-loan-page.h"

#include "lp-ask.h"
#include "lp-error.h"
#include "lp-format.h"
#include "lp-loan-row.h"
#include "lp-property-row.h"
#include "lp-qr-code.h"

#include <glib/gi18n-lib.h>

struct _LpLoanPage
{
  LpPage               parent_instance;

  GtkStack            *page_stack;
  AdwStatusPage       *error_page;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *problem_label;
  GtkWidget           *receipt_group;
  GtkWidget           *save_button;
  GtkWidget           *print_button;
  AdwPreferencesGroup *timeline_group;
  GtkWidget           *hand_over_button;
  GtkWidget           *approve_button;
  GtkWidget           *reject_button;
  GtkWidget           *cancel_button;
  GtkWidget           *cancel_request_button;
  GtkWidget           *record_return_button;

  GPtrArray           *timeline_rows;  /* the rows added to timeline_group */
  GCancellable        *cancellable;    /* the current load; replaced by each load */
  LpLoanObject        *loan;           /* NULL while loading */
  char                *loan_id;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (LpLoanPage, lp_loan_page, LP_TYPE_PAGE)

enum {
  PROP_0,
  PROP_LOAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void fetch_loan (LpLoanPage *self);

/*
 * Template callbacks: the details of lp-loan-page.ui are bound to :loan through these.
 */

static char *
ref_name (LpLoanPage  *self,
          LpRefObject *ref)
{
  const char *full_name = ref != NULL ? lp_api_object_get_string (ref, "full-name") : NULL;

  return g_strdup (full_name != NULL ? full_name
                   : ref != NULL ? lp_api_object_get_string (ref, "name") : NULL);
}

static char *
item_text (LpLoanPage  *self,
           LpRefObject *item)
{
  if (item == NULL)
    return NULL;
  /* Translators: an item's code and name, e.g. "LAB-001 — Mikroskop". */
  return g_strdup_printf (_("%s — %s"), lp_api_object_get_string (item, "code"),
                          lp_api_object_get_string (item, "name"));
}

static char *
heading_text (LpLoanPage  *self,
              LpRefObject *item,
              int          quantity)
{
  const char *name = item != NULL ? lp_api_object_get_string (item, "name") : NULL;

  if (name == NULL)
    return NULL;
  /* Translators: an item and how many units of it a loan is for, e.g. "Mikroskop × 2". */
  return quantity > 1 ? g_strdup_printf (_("%s × %d"), name, quantity) : g_strdup (name);
}

static char *
int_text (LpLoanPage *self,
          int         value)
{
  return g_strdup_printf ("%d", value);
}

static char *
date_text (LpLoanPage *self,
           GDate      *date)
{
  return date != NULL ? lp_format_date_long (date) : NULL;
}

static char *
fine_text (LpLoanPage *self,
           gint64      fine)
{
  g_autofree char *amount = fine > 0 ? lp_format_count ((guint) MIN (fine, G_MAXUINT)) : NULL;

  /* Translators: an amount of money in whole rupiah, e.g. "Rp 3.000". */
  return amount != NULL ? g_strdup_printf (_("Rp %s"), amount) : NULL;
}

static char *
status_text (LpLoanPage   *self,
             LpLoanStatus  status,
             GDate        *due,
             gint64        fine)
{
  return self->loan != NULL ? lp_loan_status_text (status, due, fine) : NULL;
}

static GStrv
status_classes (LpLoanPage   *self,
                LpLoanStatus  status)
{
  const char * const classes[] = {
    "heading",
    status == LP_LOAN_STATUS_OVERDUE || status == LP_LOAN_STATUS_REJECTED ? "error"
    : status == LP_LOAN_STATUS_RETURNED ? "success"
    : status == LP_LOAN_STATUS_CANCELLED ? "dim-label" : "accent",
    NULL
  };

  return g_strdupv ((char **) classes);
}

/* The receipt is what the member shows at the desk while the loan holds the item. */
static gboolean
has_receipt (LpLoanPage   *self,
             LpLoanStatus  status)
{
  return self->loan != NULL && (status == LP_LOAN_STATUS_APPROVED ||
                                status == LP_LOAN_STATUS_BORROWED ||
                                status == LP_LOAN_STATUS_OVERDUE);
}

/*
 * The timeline
 */

static char *
time_text (GDateTime *time)
{
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  return local != NULL ? lp_format_time_long (local) : NULL;
}

static GtkWidget *
add_event (LpLoanPage *self,
           const char *icon_name,
           const char *title,
           GDateTime  *time,
           const char *detail)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = time_text (time);
  g_autofree char *subtitle = NULL;

  if (when != NULL && detail != NULL && *detail != '\0')
    subtitle = g_strdup_printf ("%s\n%s", when, detail);
  else
    subtitle = g_strdup (when != NULL ? when : detail);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  adw_preferences_group_add (self->timeline_group, row);
  g_ptr_array_add (self->timeline_rows, row);
  return row;
}

static void
add_decision (LpLoanPage *self)
{
  LpLoanStatus status = lp_api_object_get_enum (self->loan, "status");
  GDateTime *decided_at = lp_api_object_get_boxed (self->loan, "decided-at");
  g_autofree char *decider = ref_name (self, lp_api_object_get_object (self->loan, "decider"));
  const char *reason = lp_api_object_get_string (self->loan, "decision-reason");
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;

  if (decided_at == NULL)
    return;
  if (reason != NULL && *reason != '\0')
    /* Translators: the reason given for a decision on a loan. */
    detail = g_strdup_printf (_("Reason: %s"), reason);
  if (status == LP_LOAN_STATUS_REJECTED)
    /* Translators: %s is the full name of a staff member. */
    title = g_strdup_printf (_("Rejected by %s"), decider != NULL ? decider : "—");
  else
    /* Translators: %s is the full name of a staff member. */
    title = g_strdup_printf (_("Approved by %s"), decider != NULL ? decider : "—");
  add_event (self, status == LP_LOAN_STATUS_REJECTED ? "action-unavailable-symbolic"
                                                     : "emblem-ok-symbolic",
             title, decided_at, detail);
}

static void
add_return (LpLoanPage *self)
{
  LpReturnObject *ret = lp_api_object_get_object (self->loan, "return");
  GDateTime *returned_at = lp_api_object_get_boxed (self->loan, "returned-at");
  g_autofree char *title = NULL;
  const char *damage;

  if (ret == NULL && returned_at == NULL)
    return;
  if (ret == NULL)
    {
      add_event (self, "edit-undo-symbolic", _("Returned"), returned_at, NULL);
      return;
    }
  /* Translators: %s is a condition such as "Minor damage". */
  title = g_strdup_printf (_("Returned · condition: %s"),
                           _(lp_item_condition_label (lp_api_object_get_enum (ret, "condition"))));
  damage = lp_api_object_get_string (ret, "damage-description");
  add_event (self, "edit-undo-symbolic", title, lp_api_object_get_boxed (ret, "returned-at"),
             damage);
}

static void
add_complaint (LpLoanPage *self)
{
  const char *complaint_id = lp_api_object_get_string (self->loan, "complaint-id");
  GtkWidget *row;

  if (complaint_id == NULL)
    return;
  row = add_event (self, "dialog-warning-symbolic", _("A complaint was opened for the loss"),
                   NULL, _("Open the complaint to follow it up."));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", "complaint", complaint_id);
}

static void
show_timeline (LpLoanPage *self)
{
  LpLoanStatus status = lp_api_object_get_enum (self->loan, "status");
  g_autofree char *member = ref_name (self, lp_api_object_get_object (self->loan, "user"));
  g_autofree char *by = NULL;

  for (guint i = 0; i < self->timeline_rows->len; i++)
    adw_preferences_group_remove (self->timeline_group, g_ptr_array_index (self->timeline_rows, i));
  g_ptr_array_set_size (self->timeline_rows, 0);

  /* Translators: %s is the full name of the member who asked for a loan. */
  by = member != NULL ? g_strdup_printf (_("Requested by %s"), member) : g_strdup (_("Requested"));
  add_event (self, "document-new-symbolic", by, lp_api_object_get_boxed (self->loan, "created-at"),
             lp_api_object_get_string (self->loan, "purpose"));
  add_decision (self);
  if (lp_api_object_get_boxed (self->loan, "handed-over-at") != NULL)
    add_event (self, "send-to-symbolic", _("Handed over to the member"),
               lp_api_object_get_boxed (self->loan, "handed-over-at"), NULL);
  if (status == LP_LOAN_STATUS_OVERDUE)
    add_event (self, "alarm-symbolic", _(lp_loan_status_label (status)), NULL,
               _("The due date has passed and the item is not back yet."));
  add_return (self);
  add_complaint (self);
  if (status == LP_LOAN_STATUS_CANCELLED)
    add_event (self, "process-stop-symbolic", _("Cancelled"),
               lp_api_object_get_boxed (self->loan, "updated-at"), NULL);
}

/*
 * Actions
 */

/* A button of the actions, with the flow box child that holds it. */
static void
show_button (GtkWidget *button,
             gboolean   visible)
{
  gtk_widget_set_visible (button, visible);
  gtk_widget_set_visible (gtk_widget_get_parent (button), visible);
}

static void
update_actions (LpLoanPage *self)
{
  LpSession *session = lp_page_get_session (LP_PAGE (self));
  LpRole role = session != NULL ? lp_session_get_role (session) : 0;
  gboolean desk = (role & LP_ROLES_DESK) != 0;
  LpLoanStatus status = self->loan != NULL ? lp_api_object_get_enum (self->loan, "status") : -1;

  show_button (self->approve_button, desk && status == LP_LOAN_STATUS_PENDING);
  show_button (self->reject_button, desk && status == LP_LOAN_STATUS_PENDING);
  show_button (self->hand_over_button, desk && status == LP_LOAN_STATUS_APPROVED);
  show_button (self->cancel_button, desk && status == LP_LOAN_STATUS_APPROVED);
  show_button (self->record_return_button,
               desk && (status == LP_LOAN_STATUS_APPROVED || status == LP_LOAN_STATUS_BORROWED ||
                        status == LP_LOAN_STATUS_OVERDUE));
  show_button (self->cancel_request_button,
               role == LP_ROLE_MEMBER && status == LP_LOAN_STATUS_PENDING);
  gtk_widget_set_sensitive (self->approve_button, !self->busy);
  gtk_widget_set_sensitive (self->reject_button, !self->busy);
  gtk_widget_set_sensitive (self->hand_over_button, !self->busy);
  gtk_widget_set_sensitive (self->cancel_button, !self->busy);
  gtk_widget_set_sensitive (self->cancel_request_button, !self->busy);
  gtk_widget_set_sensitive (self->record_return_button, !self->busy);
}

static void
show_problem (LpLoanPage *self,
              const char *text)
{
  gtk_label_set_label (self->problem_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text != NULL);
}

static void
show_loan (LpLoanPage   *self,
           LpLoanObject *loan)
{
  const char *id = lp_api_object_get_id (loan);

  if (self->loan != NULL)
    lp_api_object_update (self->loan, loan);   /* a refresh: the bindings follow */
  else
    {
      self->loan = g_object_ref (loan);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAN]);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
    }
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->save_button), "(ss)", id, "");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->print_button), "s", id);
  show_timeline (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->page_stack, "content");
}

static const char *
explain_error (const GError *error)
{
  if (g_error_matches (error, LP_ERROR, LP_ERROR_INVALID_TRANSITION))
    return _("This loan has changed in the meantime. The page now shows where it stands.");
  if (g_error_matches (error, LP_ERROR, LP_ERROR_OVERBOOKED) ||
      g_error_matches (error, LP_ERROR, LP_ERROR_INSUFFICIENT_STOCK))
    return _("Not enough units are free on these dates: other loans already hold them. "
             "Reject the request, or ask the member for other dates.");
  return error->message;
}

static void
on_acted (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LpLoanPage) self = user_data;
  g_autoptr(LpLoanObject) loan = NULL;
  g_autoptr(GError) error = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &loan, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (loan != NULL && g_strcmp0 (lp_api_object_get_id (loan), self->loan_id) == 0)
    {
      show_problem (self, NULL);
      show_loan (self, loan);
      return;
    }
  if (error != NULL)
    show_problem (self, explain_error (error));
  /* Never a stale page: what the server has now. */
  fetch_loan (self);
}

static void
act (LpLoanPage          *self,
     const LpApiEndpoint *endpoint,
     const char          *reason)
{
  g_autoptr(JsonNode) body = NULL;

  if (self->loan == NULL || self->busy)
    return;
  self->busy = TRUE;
  update_actions (self);
  if (reason != NULL && *reason != '\0')
    body = lp_api_body_new ("reason", reason, NULL);
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), endpoint,
                            (const char *[]) { self->loan_id, NULL }, NULL, body,
                            self->cancellable, on_acted, g_object_ref (self));
}

static void
approve_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  act (LP_LOAN_PAGE (widget), &LP_API_LOANS_APPROVE, NULL);
}

static void
hand_over_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  act (LP_LOAN_PAGE (widget), &LP_API_LOANS_HANDOVER, NULL);
}

/* The return is inspected at the Returns desk, which opens its form on this loan. */
static void
record_return_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LpLoanPage *self = LP_LOAN_PAGE (widget);

  if (self->loan == NULL || self->busy)
    return;
  lp_page_navigate (widget, "returns", lp_api_object_get_string (self->loan, "code"));
}

static void
on_dialog_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LpLoanPage       *self)
{
  g_autofree char *reason = lp_ask_dup_entry_text (dialog);

  if (g_strcmp0 (response, "reject") == 0)
    act (self, &LP_API_LOANS_REJECT, reason);
  else if (g_strcmp0 (response, "cancel-loan") == 0)
    act (self, &LP_API_LOANS_CANCEL, NULL);
}

static void
reject_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LpLoanPage *self = LP_LOAN_PAGE (widget);
  AdwMessageDialog *dialog;

  if (self->loan == NULL || self->busy)
    return;
  dialog = lp_ask_new (widget, _("Reject This Request?"),
                       lp_api_object_get_string (self->loan, "code"), "keep", _("_Cancel"),
                       "reject", _("_Reject"), ADW_RESPONSE_DESTRUCTIVE,
                       G_CALLBACK (on_dialog_response), self);
  lp_ask_add_entry (dialog, _("Reason (optional)"), _("Reason"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LpLoanPage *self = LP_LOAN_PAGE (widget);
  gboolean approved;
  g_autofree char *body = NULL;

  if (self->loan == NULL || self->busy)
    return;
  approved = lp_api_object_get_enum (self->loan, "status") == LP_LOAN_STATUS_APPROVED;
  /* Translators: %s is a loan code. */
  body = g_strdup_printf (approved ? _("Loan %s was never collected. Its units go back on the shelf.")
                                   /* Translators: %s is a loan code. */
                                   : _("Your request %s will be withdrawn. You can send a new one later."),
                          lp_api_object_get_string (self->loan, "code"));
  gtk_window_present (GTK_WINDOW (lp_ask_new (widget, approved ? _("Cancel This Loan?")
                                                              : _("Cancel This Request?"),
                                              body, "keep",
                                              approved ? _("_Keep Loan") : _("_Keep Request"),
                                              "cancel-loan",
                                              approved ? _("_Cancel Loan") : _("_Cancel Request"),
                                              ADW_RESPONSE_DESTRUCTIVE,
                                              G_CALLBACK (on_dialog_response), self)));
}

/*
 * Loading
 */

static void
on_loan_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LpLoanPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpLoanObject) loan = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &loan, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loan != NULL)
    {
      show_loan (self, loan);
      return;
    }
  if (self->loan != NULL)
    {
      /* A refresh that failed leaves what was shown, and says why. */
      show_problem (self, error->message);
      return;
    }
  adw_status_page_set_description (self->error_page,
                                   g_error_matches (error, LP_ERROR, LP_ERROR_NOT_FOUND)
                                   ? _("This loan does not exist, or it is not yours to see.")
                                   : error->message);
  gtk_stack_set_visible_child_name (self->page_stack, "error");
}

static void
fetch_loan (LpLoanPage *self)
{
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_LOANS_GET,
                            (const char *[]) { self->loan_id, NULL }, NULL, NULL,
                            self->cancellable, on_loan_loaded, g_object_ref (self));
}

static void
load (LpLoanPage *self,
      const char *loan_id)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = FALSE;
  if (self->loan_id != loan_id)
    {
      g_free (self->loan_id);
      self->loan_id = g_strdup (loan_id);
    }
  if (self->loan != NULL)
    {
      g_clear_object (&self->loan);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAN]);
    }
  show_problem (self, NULL);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->page_stack, "loading");
  fetch_loan (self);
}

/*
 * LpPage
 */

static void
lp_loan_page_open (LpPage     *page,
                   const char *id)
{
  load (LP_LOAN_PAGE (page), id);
}

static void
lp_loan_page_event (LpPage     *page,
                    const char *type,
                    const char *id)
{
  LpLoanPage *self = LP_LOAN_PAGE (page);

  if (g_strcmp0 (type, "loan.changed") == 0 && g_strcmp0 (id, self->loan_id) == 0 &&
      self->loan != NULL)
    fetch_loan (self);
}

static void
lp_loan_page_reload (LpPage *page)
{
  LpLoanPage *self = LP_LOAN_PAGE (page);

  if (self->loan_id != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    fetch_loan (self);
}

static void
lp_loan_page_role_changed (LpPage *page)
{
  update_actions (LP_LOAN_PAGE (page));
}

static void
lp_loan_page_dispose (GObject *object)
{
  LpLoanPage *self = (LpLoanPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_LOAN_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->loan);
  g_clear_pointer (&self->timeline_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lp_loan_page_parent_class)->dispose (object);
}

static void
lp_loan_page_finalize (GObject *object)
{
  g_free (LP_LOAN_PAGE (object)->loan_id);

  G_OBJECT_CLASS (lp_loan_page_parent_class)->finalize (object);
}

static void
lp_loan_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOAN:
      g_value_set_object (value, LP_LOAN_PAGE (object)->loan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpLoanPage, name)

static void
lp_loan_page_class_init (LpLoanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_loan_page_dispose;
  object_class->finalize = lp_loan_page_finalize;
  object_class->get_property = lp_loan_page_get_property;
  page_class->open = lp_loan_page_open;
  page_class->event = lp_loan_page_event;
  page_class->reload = lp_loan_page_reload;
  page_class->role_changed = lp_loan_page_role_changed;

  properties[PROP_LOAN] =
    g_param_spec_object ("loan", NULL, NULL, LP_TYPE_LOAN_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LP_TYPE_PROPERTY_ROW);
  g_type_ensure (LP_TYPE_QR_CODE);
  g_type_ensure (LP_TYPE_REF_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/desk/lp-loan-page.ui");
  BIND (page_stack);
  BIND (error_page);
  BIND (scrolled_window);
  BIND (problem_label);
  BIND (receipt_group);
  BIND (save_button);
  BIND (print_button);
  BIND (timeline_group);
  BIND (hand_over_button);
  BIND (approve_button);
  BIND (reject_button);
  BIND (cancel_button);
  BIND (cancel_request_button);
  BIND (record_return_button);
  gtk_widget_class_bind_template_child_full (widget_class, "qr_code", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "code_label", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, ref_name);
  gtk_widget_class_bind_template_callback (widget_class, item_text);
  gtk_widget_class_bind_template_callback (widget_class, heading_text);
  gtk_widget_class_bind_template_callback (widget_class, int_text);
  gtk_widget_class_bind_template_callback (widget_class, date_text);
  gtk_widget_class_bind_template_callback (widget_class, fine_text);
  gtk_widget_class_bind_template_callback (widget_class, status_text);
  gtk_widget_class_bind_template_callback (widget_class, status_classes);
  gtk_widget_class_bind_template_callback (widget_class, has_receipt);

  gtk_widget_class_install_action (widget_class, "loan.approve", NULL, approve_activated);
  gtk_widget_class_install_action (widget_class, "loan.reject", NULL, reject_activated);
  gtk_widget_class_install_action (widget_class, "loan.hand-over", NULL, hand_over_activated);
  gtk_widget_class_install_action (widget_class, "loan.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "loan.record-return", NULL,
                                   record_return_activated);
}

#undef BIND

static void
lp_loan_page_init (LpLoanPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->timeline_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The flow box wraps the buttons on a narrow screen; Tab goes to the buttons alone. */
  gtk_widget_set_focusable (gtk_widget_get_parent (self->save_button), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (self->print_button), FALSE);
}
