/* lp-member-notifier.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-member-notifier"

#include "config.h"

#include "lp-member-notifier.h"

#include "lp-format.h"

#include <glib/gi18n-lib.h>

#define REMINDER_SECONDS (24 * 60 * 60)
#define REMINDER_LIMIT   "100"

struct _LpMemberNotifier
{
  GObject       parent_instance;

  LpSession    *session;
  GtkWindow    *window;         /* weak: it owns this */
  GCancellable *cancellable;    /* replaced at each change of member */
  GHashTable   *statuses;       /* loan id → last status seen + 1 */
  guint         reminder_id;
  gboolean      member;
};

G_DEFINE_FINAL_TYPE (LpMemberNotifier, lp_member_notifier, G_TYPE_OBJECT)

static const char *
item_name (LpLoanObject *loan)
{
  LpRefObject *item = lp_api_object_get_object (loan, "item");
  const char *name = item != NULL ? lp_api_object_get_string (item, "name") : NULL;

  return name != NULL ? name : lp_api_object_get_string (loan, "code");
}

/* Whether one of the app's windows (a dialog too) has the keyboard focus. */
static gboolean
app_is_active (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_is_active (window))
        return TRUE;
    }
  return FALSE;
}

/* A desktop notification, only while the member looks elsewhere: the toast is enough
 * when the app is in front. @loan_id: what its default action opens, or NULL. */
static void
send_notification (LpMemberNotifier *self,
                   const char       *id,
                   const char       *title,
                   const char       *body,
                   const char       *loan_id)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (self->window));
  g_autoptr(GNotification) notification = NULL;

  if (application == NULL || app_is_active ())
    return;
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  if (loan_id != NULL)
    g_notification_set_default_action_and_target (notification, "app.open-loan", "s", loan_id);
  else
    g_notification_set_default_action (notification, "app.activate");
  g_application_send_notification (application, id, notification);
}

/*
 * Decisions
 */

static void
tell_decision (LpMemberNotifier *self,
               LpLoanObject     *loan)
{
  LpLoanStatus status = lp_api_object_get_enum (loan, "status");
  const char *reason = lp_api_object_get_string (loan, "decision-reason");
  g_autofree char *title = NULL;
  g_autofree char *notification_id = NULL;

  if (status == LP_LOAN_STATUS_APPROVED)
    /* Translators: a notification; %s is an item. */
    title = g_strdup_printf (_("Your request for %s was approved"), item_name (loan));
  else
    /* Translators: a notification; %s is an item. */
    title = g_strdup_printf (_("Your request for %s was rejected"), item_name (loan));
  gtk_widget_activate_action_variant (GTK_WIDGET (self->window), "win.toast-button",
                                      g_variant_new ("(sssv)", title, _("View"), "win.open",
                                                     g_variant_new ("(ss)", "loan",
                                                                    lp_api_object_get_id (loan))));
  notification_id = g_strdup_printf ("loan-%s", lp_api_object_get_id (loan));
  send_notification (self, notification_id, title,
                     reason != NULL && *reason != '\0' ? reason
                     : status == LP_LOAN_STATUS_APPROVED
                       ? _("Collect it at the library desk with your receipt.")
                       : _("Ask the library staff if you want to know more."),
                     lp_api_object_get_id (loan));
}

static void
on_loan_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LpMemberNotifier) self = user_data;
  g_autoptr(LpLoanObject) loan = NULL;
  g_autoptr(GError) error = NULL;
  LpLoanStatus status;
  gpointer before;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &loan, NULL, &error);
  if (loan == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Loan: %s", error->message);
      return;
    }
  if (self->window == NULL)
    return;
  status = lp_api_object_get_enum (loan, "status");
  before = g_hash_table_lookup (self->statuses, lp_api_object_get_id (loan));
  g_hash_table_replace (self->statuses, g_strdup (lp_api_object_get_id (loan)),
                        GINT_TO_POINTER (status + 1));
  /* A decision is news once: a later change (the handover) is not told again. */
  if ((status == LP_LOAN_STATUS_APPROVED || status == LP_LOAN_STATUS_REJECTED) &&
      before != GINT_TO_POINTER (status + 1))
    tell_decision (self, loan);
}

static void
on_event (LpMemberNotifier *self,
          const char       *type,
          const char       *id)
{
  if (!self->member || g_strcmp0 (type, "loan.changed") != 0 || id == NULL)
    return;
  lp_api_client_call_async (lp_session_get_client (self->session), &LP_API_LOANS_GET,
                            (const char *[]) { id, NULL }, NULL, NULL, self->cancellable,
                            on_loan_loaded, g_object_ref (self));
}

/*
 * Reminders
 */

/* "“Mikroskop” is overdue: …" or "2 loans are overdue: …", and the same for tomorrow. */
static char *
reminder_text (GPtrArray *overdue,
               GPtrArray *tomorrow)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (overdue->len == 1)
    /* Translators: a reminder; %s is an item. */
    g_ptr_array_add (parts, g_strdup_printf (_("“%s” is overdue: please return it to the library."),
                                             item_name (g_ptr_array_index (overdue, 0))));
  else if (overdue->len > 1)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u loan is overdue: please return it to the library.",
                                                          "%u loans are overdue: please return them to the library.",
                                                          overdue->len), overdue->len));
  if (tomorrow->len == 1)
    /* Translators: a reminder; %s is an item. */
    g_ptr_array_add (parts, g_strdup_printf (_("“%s” is due back tomorrow."),
                                             item_name (g_ptr_array_index (tomorrow, 0))));
  else if (tomorrow->len > 1)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u loan is due back tomorrow.",
                                                          "%u loans are due back tomorrow.",
                                                          tomorrow->len), tomorrow->len));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (char **) parts->pdata);
}

/* What fits on a toast: names when there is only one loan of a kind, counts otherwise
 * (and always when there are both kinds); the notification carries the sentences. */
static char *
toast_text (GPtrArray *overdue,
            GPtrArray *tomorrow)
{
  gboolean names = overdue->len == 0 || tomorrow->len == 0;
  g_autofree char *late = NULL;
  g_autofree char *soon = NULL;

  if (names && overdue->len == 1)
    /* Translators: a short reminder; %s is an item. */
    late = g_strdup_printf (_("“%s” is overdue"), item_name (g_ptr_array_index (overdue, 0)));
  else if (overdue->len > 0)
    late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u loan is overdue",
                                         "%u loans are overdue", overdue->len), overdue->len);
  if (names && tomorrow->len == 1)
    /* Translators: a short reminder; %s is an item. */
    soon = g_strdup_printf (_("“%s” is due back tomorrow"),
                            item_name (g_ptr_array_index (tomorrow, 0)));
  else if (tomorrow->len > 0)
    soon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u loan is due back tomorrow",
                                         "%u loans are due back tomorrow", tomorrow->len),
                            tomorrow->len);
  if (late != NULL && soon != NULL)
    /* Translators: two short reminders on one line. */
    return g_strdup_printf (_("%s · %s"), late, soon);
  return g_strdup (late != NULL ? late : soon);
}

static void
on_loans_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LpMemberNotifier) self = user_data;
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();
  g_autoptr(GPtrArray) tomorrow = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *toast = NULL;
  GPtrArray *only;
  GDate next_day;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &loans, NULL, &error);
  if (loans == NULL || self->window == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Reminders: %s", error->message);
      return;
    }
  lp_format_today (&next_day);
  g_date_add_days (&next_day, 1);
  for (guint i = 0; i < loans->len; i++)
    {
      LpLoanObject *loan = g_ptr_array_index (loans, i);
      LpLoanStatus status = lp_api_object_get_enum (loan, "status");
      GDate *due = lp_api_object_get_boxed (loan, "due-date");

      g_hash_table_replace (self->statuses, g_strdup (lp_api_object_get_id (loan)),
                            GINT_TO_POINTER (status + 1));
      if (status == LP_LOAN_STATUS_OVERDUE)
        g_ptr_array_add (overdue, loan);
      else if ((status == LP_LOAN_STATUS_APPROVED || status == LP_LOAN_STATUS_BORROWED) &&
               due != NULL && g_date_compare (due, &next_day) == 0)
        g_ptr_array_add (tomorrow, loan);
    }
  if (overdue->len == 0 && tomorrow->len == 0)
    return;
  text = reminder_text (overdue, tomorrow);
  toast = toast_text (overdue, tomorrow);
  gtk_widget_activate_action_variant (GTK_WIDGET (self->window), "win.toast-button",
                                      g_variant_new ("(sssv)", toast, _("My Loans"), "win.open",
                                                     g_variant_new ("(ss)", "my-loans", "")));
  only = overdue->len + tomorrow->len == 1 ? (overdue->len == 1 ? overdue : tomorrow) : NULL;
  send_notification (self, "reminders", _("Loan Reminder"), text,
                     only != NULL ? lp_api_object_get_id (g_ptr_array_index (only, 0)) : NULL);
}

/* Every loan of the member: the statuses to compare events with, and the reminders. */
static void
check_loans (LpMemberNotifier *self)
{
  lp_api_client_call_async (lp_session_get_client (self->session), &LP_API_LOANS_LIST, NULL,
                            (const char *[]) { "limit", REMINDER_LIMIT, NULL }, NULL,
                            self->cancellable, on_loans_loaded, g_object_ref (self));
}

static gboolean
on_reminder_timeout (gpointer user_data)
{
  check_loans (user_data);
  return G_SOURCE_CONTINUE;
}

/* A member logged in (or another one): start over for them. */
static void
on_user_changed (LpMemberNotifier *self)
{
  LpApiClient *client = lp_session_get_client (self->session);
  LpUserObject *user = lp_api_client_get_user (client);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->reminder_id, g_source_remove);
  g_hash_table_remove_all (self->statuses);
  self->member = user != NULL && lp_api_client_get_role (client) == LP_ROLE_MEMBER;
  if (!self->member)
    return;
  check_loans (self);
  self->reminder_id = g_timeout_add_seconds (REMINDER_SECONDS, on_reminder_timeout, self);
}

static void
lp_member_notifier_dispose (GObject *object)
{
  LpMemberNotifier *self = (LpMemberNotifier *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reminder_id, g_source_remove);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (lp_session_get_events (self->session), self);
      g_signal_handlers_disconnect_by_data (lp_session_get_client (self->session), self);
    }
  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_member_notifier_parent_class)->dispose (object);
}

static void
lp_member_notifier_finalize (GObject *object)
{
  LpMemberNotifier *self = (LpMemberNotifier *) object;

  g_hash_table_unref (self->statuses);

  G_OBJECT_CLASS (lp_member_notifier_parent_class)->finalize (object);
}

static void
lp_member_notifier_class_init (LpMemberNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lp_member_notifier_dispose;
  object_class->finalize = lp_member_notifier_finalize;
}

static void
lp_member_notifier_init (LpMemberNotifier *self)
{
  self->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

LpMemberNotifier *
lp_member_notifier_new (LpSession *session,
                        GtkWindow *window)
{
  LpMemberNotifier *self;

  g_return_val_if_fail (LP_IS_SESSION (session), NULL);
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  self = g_object_new (LP_TYPE_MEMBER_NOTIFIER, NULL);
  self->session = g_object_ref (session);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  g_signal_connect_swapped (lp_session_get_events (session), "changed", G_CALLBACK (on_event), self);
  g_signal_connect_swapped (lp_session_get_client (session), "notify::user",
                            G_CALLBACK (on_user_changed), self);
  on_user_changed (self);
  return self;
}
