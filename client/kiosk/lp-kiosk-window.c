/* lp-kiosk-window.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-kiosk-window"

#include "config.h"

#include "lp-kiosk-window.h"

#include "lp-catalog-page.h"
#include "lp-complaint-page.h"
#include "lp-error.h"
#include "lp-item-page.h"
#include "lp-loan-page.h"
#include "lp-my-complaints-page.h"
#include "lp-my-loans-page.h"
#include "lp-page.h"
#include "lp-session.h"

#include <glib/gi18n-lib.h>

#define COUNTDOWN_SECONDS       10
#define DEFAULT_IDLE_SECONDS    120   /* until the server's setting has been read */
#define OFFLINE_RETRY_SECONDS   3

struct _LpKioskWindow
{
  AdwApplicationWindow  parent_instance;

  LpSession            *session;
  LpApiClient          *client;
  GCancellable         *cancellable;   /* what the member signed in started */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkLabel             *school_label;
  GtkEntry             *username_entry;
  GtkPasswordEntry     *password_entry;
  GtkLabel             *start_error_label;
  GtkButton            *sign_in_button;
  GtkLabel             *member_label;
  AdwViewSwitcher      *switcher;
  GtkStack             *content_stack;
  GtkEntry             *staff_username_entry;
  GtkPasswordEntry     *staff_password_entry;
  GtkLabel             *leave_error_label;
  GtkRevealer          *countdown_revealer;
  GtkLabel             *countdown_label;

  AdwViewStack         *view_stack;    /* the member's pages; NULL when nobody is in */
  LpItemPage           *item_page;
  char                 *before_leave;  /* the page "Cancel" returns to */
  gint64                last_input;
  guint                 idle_seconds;
  guint                 tick_id;
  guint                 retry_id;
  gboolean              busy;
  gboolean              may_close;
};

G_DEFINE_FINAL_TYPE (LpKioskWindow, lp_kiosk_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_error (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
set_busy (LpKioskWindow *self,
          gboolean       busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.sign-in", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.leave-confirm", !busy);
}

/* The detail a refused kiosk login carries ("members_only", "unknown_kiosk"), or "". */
static gboolean
refused_because (const GError *error,
                 const char   *reason)
{
  GHashTable *details = error->domain == LP_ERROR ? lp_error_get_details (error) : NULL;
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", reason);

  return details != NULL && g_strcmp0 (g_hash_table_lookup (details, "reason"), quoted) == 0;
}

/* The server's messages are English and technical; these are what a student reads. */
static const char *
explain_sign_in_error (const GError *error)
{
  if (refused_because (error, "members_only"))
    return _("Only members can sign in at the kiosk. Staff, please use the library desk.");
  if (refused_because (error, "unknown_kiosk"))
    return _("This kiosk is no longer registered. Please tell the library staff.");
  if (error->domain != LP_ERROR)
    return _("The library server cannot be reached. Please try again in a moment.");
  switch (error->code)
    {
    case LP_ERROR_UNAUTHORIZED:
      return _("Wrong username or password.");
    case LP_ERROR_FORBIDDEN:
      return _("This account is not active yet. Ask the library staff to activate it.");
    case LP_ERROR_TOO_MANY_REQUESTS:
      return _("Too many failed attempts. Wait 15 minutes, then try again.");
    case LP_ERROR_VALIDATION_FAILED:
    case LP_ERROR_BAD_REQUEST:
      return _("Enter your username and password.");
    default:
      return error->message;
    }
}

/*
 * The member's pages: built at sign-in, destroyed at sign-out
 */

static GtkWidget *
add_list_page (LpKioskWindow *self,
               GtkWidget     *page,
               const char    *name,
               const char    *title,
               const char    *icon_name)
{
  AdwViewStackPage *stack_page;

  lp_page_set_session (LP_PAGE (page), self->session);
  stack_page = adw_view_stack_add_titled (self->view_stack, page, name, title);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
  return page;
}

static GtkWidget *
add_detail_page (LpKioskWindow *self,
                 GtkWidget     *page,
                 const char    *name)
{
  lp_page_set_session (LP_PAGE (page), self->session);
  gtk_stack_add_named (self->content_stack, page, name);
  return page;
}

static void
build_member_pages (LpKioskWindow *self)
{
  GtkWidget *catalog;

  self->view_stack = ADW_VIEW_STACK (adw_view_stack_new ());
  catalog = add_list_page (self, g_object_new (LP_TYPE_CATALOG_PAGE, NULL), "catalog",
                           _("Catalog"), "system-search-symbolic");
  add_list_page (self, g_object_new (LP_TYPE_MY_LOANS_PAGE, NULL), "my-loans", _("My Loans"),
                 "view-list-symbolic");
  add_list_page (self, g_object_new (LP_TYPE_MY_COMPLAINTS_PAGE, NULL), "my-complaints",
                 _("My Complaints"), "mail-send-symbolic");
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->view_stack), "browse");
  self->item_page = LP_ITEM_PAGE (add_detail_page (self, g_object_new (LP_TYPE_ITEM_PAGE, NULL),
                                                   "item"));
  add_detail_page (self, g_object_new (LP_TYPE_LOAN_PAGE, NULL), "loan");
  add_detail_page (self, g_object_new (LP_TYPE_COMPLAINT_PAGE, NULL), "complaint");
  adw_view_switcher_set_stack (self->switcher, self->view_stack);
  gtk_stack_set_visible_child_name (self->content_stack, "browse");
  lp_catalog_page_focus_search (LP_CATALOG_PAGE (catalog));
}

static void
destroy_member_pages (LpKioskWindow *self)
{
  GtkWidget *child;

  adw_view_switcher_set_stack (self->switcher, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack))) != NULL)
    gtk_stack_remove (self->content_stack, child);
  self->view_stack = NULL;
  self->item_page = NULL;
}

/*
 * Idle: a countdown, then sign-out
 */

static void
stop_idle_watch (LpKioskWindow *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->countdown_revealer, FALSE);
}

static void sign_out (LpKioskWindow *self);

static gboolean
on_idle_tick (gpointer user_data)
{
  LpKioskWindow *self = user_data;
  gint64 idle = (g_get_monotonic_time () - self->last_input) / G_USEC_PER_SEC;
  gint64 left = (gint64) self->idle_seconds - idle;

  if (left <= 0)
    {
      self->tick_id = 0;
      sign_out (self);
      return G_SOURCE_REMOVE;
    }
  if (left <= COUNTDOWN_SECONDS)
    {
      g_autofree char *text = NULL;

      /* Translators: shown big on the kiosk when nobody has touched it for a while. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Signing out in %d second",
                                           "Signing out in %d seconds", (gulong) left),
                              (int) left);
      gtk_label_set_label (self->countdown_label, text);
      gtk_revealer_set_reveal_child (self->countdown_revealer, TRUE);
    }
  return G_SOURCE_CONTINUE;
}

/* Any key, click, touch or scroll anywhere in the window counts as someone being there. */
static gboolean
on_input (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          LpKioskWindow            *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_SCROLL:
      self->last_input = g_get_monotonic_time ();
      gtk_revealer_set_reveal_child (self->countdown_revealer, FALSE);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_settings_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LpKioskWindow) self = user_data;
  g_autoptr(LpSettingsObject) settings = NULL;
  g_autoptr(GError) error = NULL;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &settings, NULL,
                                  &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Kiosk settings: %s", error->message);
      return;
    }
  self->idle_seconds = (guint) lp_api_object_get_int (settings, "kiosk-idle-seconds");
}

/*
 * Signing in and out
 */

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LpKioskWindow) self = user_data;
  g_autoptr(LpUserObject) user = NULL;
  g_autoptr(GError) error = NULL;

  user = lp_api_client_login_finish (LP_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  if (user == NULL)
    {
      show_error (self->start_error_label, explain_sign_in_error (error));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->username_entry), "");
  show_error (self->start_error_label, NULL);
  gtk_label_set_label (self->member_label, lp_api_object_get_string (user, "full-name"));
  self->cancellable = g_cancellable_new ();
  build_member_pages (self);
  gtk_stack_set_visible_child_name (self->main_stack, "member");
  self->idle_seconds = DEFAULT_IDLE_SECONDS;
  self->last_input = g_get_monotonic_time ();
  self->tick_id = g_timeout_add_seconds (1, on_idle_tick, self);
  lp_api_client_call_async (self->client, &LP_API_SETTINGS_GET, NULL, NULL, NULL,
                            self->cancellable, on_settings_loaded, g_object_ref (self));
}

static void
sign_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LpKioskWindow *self = LP_KIOSK_WINDOW (widget);
  g_autofree char *username = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->username_entry))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  if (self->busy)
    return;
  if (*username == '\0')
    {
      show_error (self->start_error_label, _("Scan your member card or type your username."));
      gtk_widget_grab_focus (GTK_WIDGET (self->username_entry));
      return;
    }
  if (*password == '\0')
    {
      show_error (self->start_error_label, _("Enter your password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      return;
    }
  set_busy (self, TRUE);
  lp_api_client_login_async (self->client, username, password, NULL, on_signed_in,
                             g_object_ref (self));
}

static void
show_start (LpKioskWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->username_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  show_error (self->start_error_label, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "start");
  gtk_widget_grab_focus (GTK_WIDGET (self->username_entry));
}

/* Everything of the member goes: their pages, forms and searches are destroyed (nothing
 * for Back to reach), the token is revoked on the server and forgotten here. */
static void
sign_out (LpKioskWindow *self)
{
  stop_idle_watch (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  destroy_member_pages (self);
  if (lp_api_client_get_token (self->client) != NULL)
    lp_api_client_logout_async (self->client, NULL, NULL, NULL);
  gtk_label_set_label (self->member_label, "");
  show_start (self);
}

static void
sign_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sign_out (LP_KIOSK_WINDOW (widget));
}

/*
 * Leaving kiosk mode: a staff or admin password
 */

static void
leave_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LpKioskWindow *self = LP_KIOSK_WINDOW (widget);
  const char *shown = gtk_stack_get_visible_child_name (self->main_stack);

  if (g_strcmp0 (shown, "leave") == 0)
    return;
  g_free (self->before_leave);
  self->before_leave = g_strdup (shown);
  show_error (self->leave_error_label, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "leave");
  gtk_widget_grab_focus (GTK_WIDGET (self->staff_username_entry));
}

static void
clear_leave_form (LpKioskWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->staff_username_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->staff_password_entry), "");
}

static void
leave_cancel_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LpKioskWindow *self = LP_KIOSK_WINDOW (widget);

  clear_leave_form (self);
  gtk_stack_set_visible_child_name (self->main_stack,
                                    self->before_leave != NULL ? self->before_leave : "start");
}

static void
on_staff_checked (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LpKioskWindow) self = user_data;
  g_autoptr(LpApiClient) checker = LP_API_CLIENT (source);
  g_autoptr(LpUserObject) user = NULL;
  g_autoptr(GError) error = NULL;
  LpRole role;

  user = lp_api_client_login_finish (checker, result, &error);
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->staff_password_entry), "");
  if (user == NULL)
    {
      show_error (self->leave_error_label,
                  error->domain == LP_ERROR && error->code == LP_ERROR_UNAUTHORIZED
                  ? _("Wrong username or password.") : explain_sign_in_error (error));
      return;
    }
  role = lp_api_client_get_role (checker);
  /* The check's own session is not needed past this point. */
  lp_api_client_logout_async (checker, NULL, NULL, NULL);
  if ((role & LP_ROLES_DESK) == 0)
    {
      show_error (self->leave_error_label, _("Only staff or an admin can leave kiosk mode."));
      return;
    }
  if (gtk_stack_get_child_by_name (self->content_stack, "browse") != NULL)
    sign_out (self);
  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  g_application_quit (g_application_get_default ());
}

/* Checked with a client of its own, without the kiosk's key: a staff login at the kiosk
 * itself would be refused, and the member's session must not change. */
static void
leave_confirm_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LpKioskWindow *self = LP_KIOSK_WINDOW (widget);
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->staff_username_entry));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->staff_password_entry));
  LpApiClient *checker;

  if (self->busy)
    return;
  if (*username == '\0' || *password == '\0')
    {
      show_error (self->leave_error_label, _("Enter a staff username and password."));
      return;
    }
  set_busy (self, TRUE);
  checker = lp_api_client_new (lp_api_client_get_base_url (self->client));
  lp_api_client_login_async (checker, username, password, NULL, on_staff_checked,
                             g_object_ref (self));
}

/*
 * What the pages ask of their window (win.*)
 */

static void
open_page (LpKioskWindow *self,
           const char    *name,
           const char    *id)
{
  GtkWidget *child;

  if (self->view_stack == NULL)
    return;
  child = adw_view_stack_get_child_by_name (self->view_stack, name);
  if (child != NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "browse");
      adw_view_stack_set_visible_child (self->view_stack, child);
      if (*id != '\0')
        lp_page_open (LP_PAGE (child), id);
      return;
    }
  child = gtk_stack_get_child_by_name (self->content_stack, name);
  if (child == NULL || !LP_IS_PAGE (child))
    {
      g_debug ("The kiosk has no page \"%s\"", name);
      return;
    }
  lp_page_open (LP_PAGE (child), id);
  gtk_stack_set_visible_child (self->content_stack, child);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  const char *name, *id;

  g_variant_get (parameter, "(&s&s)", &name, &id);
  open_page (LP_KIOSK_WINDOW (widget), name, id);
}

static void
show_item_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LpKioskWindow *self = LP_KIOSK_WINDOW (widget);

  if (self->item_page == NULL)
    return;
  lp_item_page_load (self->item_page, g_variant_get_string (parameter, NULL));
  gtk_stack_set_visible_child (self->content_stack, GTK_WIDGET (self->item_page));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LpKioskWindow *self = LP_KIOSK_WINDOW (widget);

  if (self->view_stack != NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "browse");
}

static void
toast_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LpKioskWindow *self = LP_KIOSK_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LpKioskWindow *self = LP_KIOSK_WINDOW (widget);
  GtkWidget *catalog = self->view_stack != NULL
                       ? adw_view_stack_get_child_by_name (self->view_stack, "catalog") : NULL;

  if (catalog != NULL)
    lp_page_reload (LP_PAGE (catalog));
}

/*
 * A lost connection: a full-screen notice until the server answers again
 */

static void
on_health (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) health = NULL;

  /* Any answer of the server turns the client reachable again; nothing else to do. */
  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &health, NULL, &error);
}

static gboolean
on_offline_retry (gpointer user_data)
{
  LpKioskWindow *self = user_data;

  lp_api_client_call_async (self->client, &LP_API_HEALTH, NULL, NULL, NULL, NULL, on_health,
                            NULL);
  return G_SOURCE_CONTINUE;
}

static void
on_reachable_changed (LpKioskWindow *self)
{
  const char *shown = gtk_stack_get_visible_child_name (self->main_stack);

  if (!lp_api_client_get_reachable (self->client))
    {
      if (g_strcmp0 (shown, "offline") != 0)
        {
          g_free (self->before_leave);
          self->before_leave = g_strdup (shown);
        }
      gtk_stack_set_visible_child_name (self->main_stack, "offline");
      if (self->retry_id == 0)
        self->retry_id = g_timeout_add_seconds (OFFLINE_RETRY_SECONDS, on_offline_retry, self);
      return;
    }
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (g_strcmp0 (shown, "offline") == 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack,
                                        self->before_leave != NULL ? self->before_leave : "start");
      retry_activated (GTK_WIDGET (self), NULL, NULL);
    }
}

/* The token ran out on the server (its short kiosk lifetime): back to the start. */
static void
on_session_expired (LpKioskWindow *self)
{
  if (self->view_stack != NULL)
    sign_out (self);
}

/*
 * The window
 */

static void
on_username_activate (LpKioskWindow *self)
{
  /* A card scan ends with Enter: only the password is left to type. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->username_entry)) != '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

static void
on_password_activate (LpKioskWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.sign-in", NULL);
}

static void
on_staff_password_activate (LpKioskWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.leave-confirm", NULL);
}

static gboolean
lp_kiosk_window_close_request (GtkWindow *window)
{
  LpKioskWindow *self = LP_KIOSK_WINDOW (window);

  /* Alt+F4 does not end kiosk mode; a staff password does. */
  if (!self->may_close)
    return TRUE;
  return GTK_WINDOW_CLASS (lp_kiosk_window_parent_class)->close_request (window);
}

static void
lp_kiosk_window_dispose (GObject *object)
{
  LpKioskWindow *self = LP_KIOSK_WINDOW (object);

  stop_idle_watch (self);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_KIOSK_WINDOW);

  G_OBJECT_CLASS (lp_kiosk_window_parent_class)->dispose (object);
}

static void
lp_kiosk_window_finalize (GObject *object)
{
  LpKioskWindow *self = LP_KIOSK_WINDOW (object);

  g_free (self->before_leave);

  G_OBJECT_CLASS (lp_kiosk_window_parent_class)->finalize (object);
}

static void
lp_kiosk_window_class_init (LpKioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lp_kiosk_window_dispose;
  object_class->finalize = lp_kiosk_window_finalize;
  window_class->close_request = lp_kiosk_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/kiosk/lp-kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, school_label);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, username_entry);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, password_entry);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, start_error_label);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, member_label);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, switcher);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, staff_username_entry);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, staff_password_entry);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, leave_error_label);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, countdown_revealer);
  gtk_widget_class_bind_template_child (widget_class, LpKioskWindow, countdown_label);
  gtk_widget_class_bind_template_child_full (widget_class, "sign_out_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "kiosk.sign-in", NULL, sign_in_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.sign-out", NULL, sign_out_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.leave", NULL, leave_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.leave-cancel", NULL,
                                   leave_cancel_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.leave-confirm", NULL,
                                   leave_confirm_activated);
  gtk_widget_class_install_action (widget_class, "win.open", "(ss)", open_activated);
  gtk_widget_class_install_action (widget_class, "win.show-item", "s", show_item_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_activated);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_q,
                                       GDK_CONTROL_MASK | GDK_ALT_MASK, "kiosk.leave", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "kiosk.leave-cancel",
                                       NULL);
}

static void
lp_kiosk_window_init (LpKioskWindow *self)
{
  GtkEventController *input = gtk_event_controller_legacy_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
  g_signal_connect (input, "event", G_CALLBACK (on_input), self);
  gtk_widget_add_controller (GTK_WIDGET (self), input);
  g_signal_connect_swapped (self->username_entry, "activate",
                            G_CALLBACK (on_username_activate), self);
  g_signal_connect_swapped (self->password_entry, "activate",
                            G_CALLBACK (on_password_activate), self);
  g_signal_connect_swapped (self->staff_password_entry, "activate",
                            G_CALLBACK (on_staff_password_activate), self);
}

LpKioskWindow *
lp_kiosk_window_new (LpApplication *application)
{
  LpKioskWindow *self;

  g_return_val_if_fail (LP_IS_APPLICATION (application), NULL);

  self = g_object_new (LP_TYPE_KIOSK_WINDOW, "application", application, NULL);
  self->session = g_object_ref (lp_application_get_session (application));
  self->client = g_object_ref (lp_session_get_client (self->session));
  g_signal_connect_swapped (self->client, "notify::reachable",
                            G_CALLBACK (on_reachable_changed), self);
  g_signal_connect_swapped (self->client, "session-expired",
                            G_CALLBACK (on_session_expired), self);
  gtk_window_fullscreen (GTK_WINDOW (self));
  show_start (self);
  return self;
}
