/* lp-window.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-window"

#include "config.h"

#include "lp-window.h"

#include "lp-catalog-page.h"
#include "lp-complaint-page.h"
#include "lp-complaints-page.h"
#include "lp-dashboard-page.h"
#include "lp-error.h"
#include "lp-item-page.h"
#include "lp-loan-page.h"
#include "lp-loans-page.h"
#include "lp-login-page.h"
#include "lp-member-notifier.h"
#include "lp-my-loans-page.h"
#include "lp-my-complaints-page.h"
#include "lp-password-dialog.h"
#include "lp-receipt-job.h"
#include "lp-register-page.h"
#include "lp-reports-page.h"
#include "lp-requests-page.h"
#include "lp-returns-page.h"
#include "lp-secret.h"
#include "lp-users-page.h"
#include "lp-kiosks-page.h"
#include "lp-settings-page.h"
#include "lp-activity-page.h"
#include "lp-items-page.h"
#include "lp-categories-page.h"

#include <glib/gi18n-lib.h>

#define OFFLINE_RETRY_SECONDS 15

struct _LpWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkWidget            *login_button;
  GtkWidget            *account_button;
  GtkPopoverMenu       *account_popover;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  LpCatalogPage        *catalog_page;
  LpItemPage           *item_page;
  LpLoginPage          *login_page;
  LpRegisterPage       *register_page;
  GtkLabel             *account_name_label;
  GtkLabel             *account_role_label;

  LpSession            *session;
  LpMemberNotifier     *notifier;      /* a member's toasts, notifications and reminders */
  LpApiClient          *client;        /* the session's */
  GSettings            *settings;      /* the session's */
  GCancellable         *cancellable;
  AdwToast             *toast;         /* the one shown, or NULL (weak) */
  gint64                toast_shown_at; /* when it began to slide in (monotonic, µs) */
  AdwToast             *replaced;      /* one still sliding in, dismissed at replace_id */
  guint                 replace_id;
  GPtrArray            *history;       /* names of the detail pages "Back" returns to */
  guint                 offline_retry_id;
  gboolean              restoring;     /* checking a remembered token */
  LpRole                role;          /* the role the pages were last chosen for */
};

G_DEFINE_FINAL_TYPE (LpWindow, lp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_page (LpWindow   *self,
           const char *name)
{
  /* Going to the view stack, logging in or registering starts over; only a detail page
   * opened from another one ("the loan of this complaint") is remembered for "Back". */
  g_ptr_array_set_size (self->history, 0);
  gtk_stack_set_visible_child_name (self->main_stack, name);
}

/* Shows page @name opened on @id: a page of the view stack (the list it names, @id its
 * filter or "") or a detail page of the outer stack (@id the object it shows). */
static void
open_page (LpWindow   *self,
           const char *name,
           const char *id)
{
  GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, name);
  const char *current = gtk_stack_get_visible_child_name (self->main_stack);

  if (child != NULL)
    {
      show_page (self, "browse");
      adw_view_stack_set_visible_child (self->view_stack, child);
      if (*id != '\0' && LP_IS_PAGE (child))
        lp_page_open (LP_PAGE (child), id);
      return;
    }
  child = gtk_stack_get_child_by_name (self->main_stack, name);
  /* A link to a page this build does not have (yet) is no reason to crash. */
  if (!LP_IS_PAGE (child))
    {
      g_debug ("No page \"%s\" to open", name);
      return;
    }
  if (g_strcmp0 (current, "browse") != 0 && g_strcmp0 (current, name) != 0)
    g_ptr_array_add (self->history, g_strdup (current));
  lp_page_open (LP_PAGE (child), id);
  gtk_stack_set_visible_child (self->main_stack, child);
}

/* libadwaita 1.2 frees its record of a toast when the toast's hide animation ends, but
 * lets the show animation (half a second when it replaces another toast) run on and use
 * that record when it ends: a toast dismissed while sliding in crashed the app a moment
 * later (fixed in libadwaita 1.3). A toast is dismissed only once it is fully in. */
#define TOAST_SLIDE_IN_MS 550

static gboolean
dismiss_replaced_toast (gpointer user_data)
{
  LpWindow *self = user_data;
  g_autoptr(AdwToast) replaced = g_steal_pointer (&self->replaced);

  self->replace_id = 0;
  adw_toast_dismiss (replaced);
  return G_SOURCE_REMOVE;
}

/* A newer toast replaces the one shown: "Logged out" after "Logged in as …" should not
 * wait in a queue behind it, beyond the moment the shown one needs to slide in. */
static void
show_toast (LpWindow *self,
            AdwToast *toast)
{
  AdwToast *shown = self->toast;
  gint64 now = g_get_monotonic_time ();
  gint64 in_at = self->toast_shown_at + TOAST_SLIDE_IN_MS * 1000;

  /* Dismissing may finalize the toast at once (in a hidden window, with no animation to
   * hold it), which would clear the weak pointer under us: let go of it first. */
  if (shown != NULL)
    g_object_remove_weak_pointer (G_OBJECT (shown), (gpointer *) &self->toast);
  if (shown != NULL && self->replace_id == 0 && now < in_at)
    {
      /* Still sliding in: the new one waits in the overlay's queue until it is in. */
      self->replaced = g_object_ref (shown);
      self->replace_id = g_timeout_add ((guint) ((in_at - now) / 1000) + 1,
                                        dismiss_replaced_toast, self);
      self->toast_shown_at = in_at;
    }
  else
    {
      /* Fully in, or waiting in the queue behind one sliding in (no animation yet). */
      if (shown != NULL)
        adw_toast_dismiss (shown);
      if (self->replace_id == 0)
        self->toast_shown_at = now;
    }
  self->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
lp_window_add_toast (LpWindow   *self,
                     const char *title)
{
  g_return_if_fail (LP_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  show_toast (self, adw_toast_new (title));
}

static void
forget_token (LpWindow *self)
{
  /* Not with the window's cancellable: forgetting must finish even if it closes. */
  lp_secret_clear_async (lp_api_client_get_base_url (self->client), NULL, NULL, NULL);
}

/*
 * What the current role sees
 */

static void
update_session_ui (LpWindow *self)
{
  LpUserObject *user = lp_api_client_get_user (self->client);
  gboolean logged_in = user != NULL;

  gtk_widget_set_visible (self->login_button, !logged_in);
  gtk_widget_set_visible (self->account_button, logged_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.login", !logged_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.register", !logged_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.logout", logged_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-password", logged_in);

  if (logged_in)
    {
      g_autofree char *tooltip = NULL;

      const char *full_name = lp_api_object_get_string (user, "full-name");

      gtk_label_set_label (self->account_name_label, full_name);
      /* Translators: the user name and role in the account menu, e.g. "andi · Member". */
      tooltip = g_strdup_printf (_("%s · %s"), lp_api_object_get_string (user, "username"),
                                 _(lp_role_label (lp_api_client_get_role (self->client))));
      gtk_label_set_label (self->account_role_label, tooltip);
      gtk_widget_set_tooltip_text (self->account_button, full_name);
    }
  /* Every role sees the catalog; pages of other roles join the view stack as the server
   * gains their endpoints. */
}

/* HACK: libadwaita 1.2's switcher title does not notice a page turning visible (the
 * desk's pages for staff); switching it off and on makes it count the pages again. Runs
 * after the bindings of lp-window.ui have shown or hidden the pages for the new role. */
static void
on_role_changed (LpWindow *self)
{
  AdwViewStackPage *shown = adw_view_stack_get_page (self->view_stack,
                                                     adw_view_stack_get_visible_child (self->view_stack));
  LpRole role = lp_session_get_role (self->session);
  gboolean desk_now = (role & LP_ROLES_DESK) != 0 && (self->role & LP_ROLES_DESK) == 0;

  self->role = role;
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  /* Staff and admins start their day on the dashboard. */
  if (desk_now)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "dashboard");
      return;
    }
  /* A page the new role may not see is never left on screen: the catalog is for all. */
  if (shown == NULL || !adw_view_stack_page_get_visible (shown))
    adw_view_stack_set_visible_child_name (self->view_stack, "catalog");
}

static void
on_user_changed (LpWindow *self)
{
  update_session_ui (self);
}

static void
update_banner (LpWindow *self)
{
  g_autofree char *text = NULL;
  gboolean reachable = lp_api_client_get_reachable (self->client);

  /* Translators: %s is the address of the library's server. */
  text = g_strdup_printf (_("Server address: %s"), lp_api_client_get_base_url (self->client));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->banner_label), text);
  gtk_revealer_set_reveal_child (self->banner_revealer, !reachable);
}

static gboolean
on_offline_retry (gpointer user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "win.retry", NULL);
  return G_SOURCE_CONTINUE;
}

/* While the server cannot be reached, the window tries again on its own now and then,
 * so that a desk computer recovers from a network hiccup without anyone pressing Retry. */
static void
on_reachable_changed (LpWindow *self)
{
  update_banner (self);
  if (lp_api_client_get_reachable (self->client))
    g_clear_handle_id (&self->offline_retry_id, g_source_remove);
  else if (self->offline_retry_id == 0)
    self->offline_retry_id = g_timeout_add_seconds (OFFLINE_RETRY_SECONDS, on_offline_retry, self);
}

/*
 * The session
 */

/* The catalog goes on as a guest (what failed with the old token is asked again); the
 * user learns why, unless the session was only a remembered one being checked. */
static void
on_session_expired (LpWindow *self)
{
  forget_token (self);
  lp_page_reload (LP_PAGE (self->catalog_page));
  if (self->restoring)
    return;
  lp_window_show_login (self, _("Your session has ended. Please log in again."));
}

static void
on_me_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpUserObject) user = NULL;
  g_autofree char *text = NULL;
  gboolean restoring = self->restoring;

  user = lp_api_client_me_finish (LP_API_CLIENT (source), result, &error);
  self->restoring = FALSE;
  if (user == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Restoring the session: %s", error->message);
      return;
    }
  if (!restoring)
    return;
  /* Translators: %s is the user's full name. */
  text = g_strdup_printf (_("Welcome back, %s"), lp_api_object_get_string (user, "full-name"));
  lp_window_add_toast (self, text);
}

static void
on_token_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = lp_secret_lookup_finish (result, &error);

  if (token == NULL)
    {
      if (error != NULL)
        g_debug ("No remembered login: %s", error->message);
      return;
    }
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable) ||
      lp_api_client_get_token (self->client) != NULL)
    return;
  self->restoring = TRUE;
  lp_api_client_set_token (self->client, token);
  lp_api_client_me_async (self->client, self->cancellable, on_me_loaded, g_object_ref (self));
}

static void
restore_session (LpWindow *self)
{
  if (lp_api_client_get_token (self->client) != NULL)
    return;
  lp_secret_lookup_async (lp_api_client_get_base_url (self->client), self->cancellable,
                          on_token_found, g_object_ref (self));
}

static void
on_base_url_changed (LpWindow *self)
{
  update_banner (self);
  update_session_ui (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "browse") != 0)
    show_page (self, "browse");
  lp_page_reload (LP_PAGE (self->catalog_page));
  restore_session (self);
}

static void
on_logged_in (LpWindow     *self,
              LpUserObject *user)
{
  g_autofree char *text = NULL;

  show_page (self, "browse");
  /* Translators: a notification; %s are the user's full name and role. */
  text = g_strdup_printf (_("Logged in as %s (%s)"), lp_api_object_get_string (user, "full-name"),
                          _(lp_role_label (lp_api_object_get_enum (user, "role"))));
  lp_window_add_toast (self, text);
}

static void
on_registered (LpWindow     *self,
               LpUserObject *user)
{
  lp_login_page_set_username (self->login_page, lp_api_object_get_string (user, "username"));
  lp_window_show_login (self, _("Your account has been created. You can log in once the "
                                "library staff have activated it."));
}

static void
on_logged_out (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The session ended locally anyway; a server that cannot be told lets the token
   * expire on its own. */
  if (!lp_api_client_logout_finish (LP_API_CLIENT (source), result, &error))
    g_debug ("Logging out: %s", error->message);
}

/*
 * Actions
 */

static void
login_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  lp_window_show_login (LP_WINDOW (widget), NULL);
}

static void
register_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);

  show_page (self, "register");
  lp_register_page_reset (self->register_page);
}

static void
logout_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);

  forget_token (self);
  lp_api_client_logout_async (self->client, NULL, on_logged_out, NULL);
  show_page (self, "browse");
  lp_window_add_toast (self, _("Logged out"));
}

static void
on_password_changed (LpWindow *self)
{
  lp_window_add_toast (self, _("Password changed"));
}

static void
change_password_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);
  LpPasswordDialog *dialog = lp_password_dialog_new (self->client);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "password-changed", G_CALLBACK (on_password_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);

  lp_page_reload (LP_PAGE (self->catalog_page));
  if (lp_api_client_get_token (self->client) != NULL &&
      lp_api_client_get_user (self->client) == NULL)
    lp_api_client_me_async (self->client, self->cancellable, on_me_loaded, g_object_ref (self));
  /* An item that could not be loaded at all is loaded again from the start. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "item") == 0 &&
      lp_item_page_get_item_id (self->item_page) != NULL)
    lp_item_page_load (self->item_page, lp_item_page_get_item_id (self->item_page));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lp_window_go_back (LP_WINDOW (widget));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);

  show_page (self, "browse");
  adw_view_stack_set_visible_child_name (self->view_stack, "catalog");
  lp_catalog_page_focus_search (self->catalog_page);
}

static void
toast_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  lp_window_add_toast (LP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  const char *name, *id;

  g_variant_get (parameter, "(&s&s)", &name, &id);
  open_page (LP_WINDOW (widget), name, id);
}

/* (title, button label, action name, action target): a toast that offers what to do
 * next, e.g. "Request approved" with "Print Receipt". */
static void
toast_button_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  const char *title, *button, *action;
  g_autoptr(GVariant) target = NULL;
  AdwToast *toast;

  g_variant_get (parameter, "(&s&s&sv)", &title, &button, &action, &target);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, button);
  adw_toast_set_action_name (toast, action);
  adw_toast_set_action_target_value (toast, target);
  /* Time to reach for the printer. */
  adw_toast_set_timeout (toast, 10);
  show_toast (LP_WINDOW (widget), toast);
}

static void
print_receipt_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);

  lp_receipt_job_run (GTK_WINDOW (self), self->session, g_variant_get_string (parameter, NULL),
                      LP_RECEIPT_JOB_PRINT, NULL);
}

/* (loan id, path): "" asks where with a save dialog. */
static void
save_receipt_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LpWindow *self = LP_WINDOW (widget);
  const char *loan_id, *path;

  g_variant_get (parameter, "(&s&s)", &loan_id, &path);
  lp_receipt_job_run (GTK_WINDOW (self), self->session, loan_id, LP_RECEIPT_JOB_SAVE_PDF, path);
}

static void
show_item_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  lp_window_show_item (LP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/*
 * Window
 */

/* Template callback: the desk's pages are for staff and admins. */
static gboolean
is_desk (LpWindow *self,
         LpRole    role)
{
  return (role & LP_ROLES_DESK) != 0;
}

/* Template callback: the title of the page shown, for the header of a narrow window. */
static char *
page_title (LpWindow  *self,
            GtkWidget *child)
{
  /* Also called while the template is built, before view_stack is set. */
  AdwViewStackPage *page = child != NULL && self->view_stack != NULL
                           ? adw_view_stack_get_page (self->view_stack, child) : NULL;

  return g_strdup (page != NULL ? adw_view_stack_page_get_title (page) : _("Catalog"));
}

/* Template callback: pages of member self-service. */
static gboolean
is_member (LpWindow *self,
           LpRole    role)
{
  return role == LP_ROLE_MEMBER;
}

/* Template callback: pages only admins may use. */
static gboolean
is_admin (LpWindow *self,
          LpRole    role)
{
  return role == LP_ROLE_ADMIN;
}

static gboolean
lp_window_close_request (GtkWindow *window)
{
  LpWindow *self = LP_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (lp_window_parent_class)->close_request (window);
}

static void
lp_window_dispose (GObject *object)
{
  LpWindow *self = (LpWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->notifier);
  g_clear_handle_id (&self->offline_retry_id, g_source_remove);
  g_clear_handle_id (&self->replace_id, g_source_remove);
  g_clear_object (&self->replaced);
  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  self->toast = NULL;
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (lp_window_parent_class)->dispose (object);
}

static void
lp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, LP_WINDOW (object)->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_window_class_init (LpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lp_window_dispose;
  object_class->get_property = lp_window_get_property;
  window_class->close_request = lp_window_close_request;

  /* The pages' :session is bound to this in lp-window.ui. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, LP_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LP_TYPE_CATALOG_PAGE);
  g_type_ensure (LP_TYPE_DASHBOARD_PAGE);
  g_type_ensure (LP_TYPE_REPORTS_PAGE);
  g_type_ensure (LP_TYPE_ITEM_PAGE);
  g_type_ensure (LP_TYPE_LOAN_PAGE);
  g_type_ensure (LP_TYPE_LOANS_PAGE);
  g_type_ensure (LP_TYPE_COMPLAINT_PAGE);
  g_type_ensure (LP_TYPE_COMPLAINTS_PAGE);
  g_type_ensure (LP_TYPE_MY_COMPLAINTS_PAGE);
  g_type_ensure (LP_TYPE_LOGIN_PAGE);
  g_type_ensure (LP_TYPE_MY_LOANS_PAGE);
  g_type_ensure (LP_TYPE_REGISTER_PAGE);
  g_type_ensure (LP_TYPE_REQUESTS_PAGE);
  g_type_ensure (LP_TYPE_RETURNS_PAGE);
  g_type_ensure (LP_TYPE_USERS_PAGE);
  g_type_ensure (LP_TYPE_SETTINGS_PAGE);
  g_type_ensure (LP_TYPE_KIOSKS_PAGE);
  g_type_ensure (LP_TYPE_ACTIVITY_PAGE);
  g_type_ensure (LP_TYPE_ITEMS_PAGE);
  g_type_ensure (LP_TYPE_CATEGORIES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/app/lp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, login_button);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, account_popover);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, catalog_page);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, item_page);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, login_page);
  gtk_widget_class_bind_template_child (widget_class, LpWindow, register_page);

  gtk_widget_class_bind_template_child_full (widget_class, "requests_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "returns_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "loans_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "loan_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "my_loans_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "complaint_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "complaints_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "my_complaints_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "users_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "settings_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "kiosks_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "activity_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "items_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "categories_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "dashboard_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "reports_page", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, is_desk);
  gtk_widget_class_bind_template_callback (widget_class, is_member);
  gtk_widget_class_bind_template_callback (widget_class, page_title);
  gtk_widget_class_bind_template_callback (widget_class, is_admin);

  gtk_widget_class_install_action (widget_class, "win.login", NULL, login_activated);
  gtk_widget_class_install_action (widget_class, "win.register", NULL, register_activated);
  gtk_widget_class_install_action (widget_class, "win.logout", NULL, logout_activated);
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL,
                                   change_password_activated);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-item", "s", show_item_activated);
  gtk_widget_class_install_action (widget_class, "win.open", "(ss)", open_activated);
  gtk_widget_class_install_action (widget_class, "win.print-receipt", "s",
                                   print_receipt_activated);
  gtk_widget_class_install_action (widget_class, "win.save-receipt", "(ss)",
                                   save_receipt_activated);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_activated);
  gtk_widget_class_install_action (widget_class, "win.toast-button", "(sssv)",
                                   toast_button_activated);
}

static GtkWidget *
account_header_new (LpWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->account_name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->account_name_label, 0);
  gtk_label_set_ellipsize (self->account_name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->account_name_label), "heading");
  self->account_role_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->account_role_label, 0);
  gtk_label_set_ellipsize (self->account_role_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->account_role_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->account_role_label), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->account_name_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->account_role_label));
  gtk_widget_add_css_class (box, "account-header");
  return box;
}

static void
lp_window_init (LpWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->history = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_popover_menu_add_child (self->account_popover, account_header_new (self), "account-header");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->account_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Account"), -1);
}

static void
restore_size (LpWindow *self)
{
  int width = 0, height = 0;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  if (width >= 360 && height >= 480)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

LpWindow *
lp_window_new (LpApplication *application)
{
  LpWindow *self;

  g_return_val_if_fail (LP_IS_APPLICATION (application), NULL);

  self = g_object_new (LP_TYPE_WINDOW, "application", application, NULL);
  self->session = g_object_ref (lp_application_get_session (application));
  self->client = g_object_ref (lp_session_get_client (self->session));
  self->settings = g_object_ref (lp_session_get_settings (self->session));
  restore_size (self);
  self->notifier = lp_member_notifier_new (self->session, GTK_WINDOW (self));

  g_signal_connect_swapped (self->client, "notify::user", G_CALLBACK (on_user_changed), self);
  g_signal_connect_swapped (self->client, "notify::reachable",
                            G_CALLBACK (on_reachable_changed), self);
  g_signal_connect_swapped (self->client, "notify::base-url",
                            G_CALLBACK (on_base_url_changed), self);
  g_signal_connect_swapped (self->client, "session-expired",
                            G_CALLBACK (on_session_expired), self);
  g_signal_connect_swapped (self->login_page, "logged-in", G_CALLBACK (on_logged_in), self);
  g_signal_connect_swapped (self->register_page, "registered", G_CALLBACK (on_registered), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  g_signal_connect_object (self->session, "notify::role", G_CALLBACK (on_role_changed), self,
                           G_CONNECT_SWAPPED);
  on_role_changed (self);
  update_session_ui (self);
  on_reachable_changed (self);
  restore_session (self);
  return self;
}

void
lp_window_show_login (LpWindow   *self,
                      const char *message)
{
  g_return_if_fail (LP_IS_WINDOW (self));

  show_page (self, "login");
  lp_login_page_reset (self->login_page, message);
}

void
lp_window_show_item (LpWindow   *self,
                     const char *item_id)
{
  g_return_if_fail (LP_IS_WINDOW (self));
  g_return_if_fail (item_id != NULL);

  open_page (self, "item", item_id);
}

void
lp_window_go_back (LpWindow *self)
{
  g_autofree char *previous = NULL;

  g_return_if_fail (LP_IS_WINDOW (self));

  if (self->history->len == 0)
    {
      show_page (self, "browse");
      return;
    }
  previous = g_ptr_array_steal_index (self->history, self->history->len - 1);
  gtk_stack_set_visible_child_name (self->main_stack, previous);
}
