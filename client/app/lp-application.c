/* lp-application.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-application"

#include "config.h"

#include "lp-application.h"

#include "lp-client-resources.h"
#include "lp-kiosk-key.h"
#include "lp-kiosk-window.h"
#include "lp-preferences-window.h"
#include "lp-window.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

struct _LpApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  LpApiClient    *client;
  LpSession      *session;
  char           *server_override;
  gboolean        kiosk;
};

G_DEFINE_FINAL_TYPE (LpApplication, lp_application, ADW_TYPE_APPLICATION)

static void
update_base_url (LpApplication *self)
{
  g_autofree char *url = NULL;

  if (self->client == NULL)
    return;
  if (self->server_override != NULL)
    url = g_strdup (self->server_override);
  else
    url = g_settings_get_string (self->settings, "server-url");
  lp_api_client_set_base_url (self->client, url);
}

static void
on_server_url_changed (GSettings     *settings,
                       const char    *key,
                       LpApplication *self)
{
  update_base_url (self);
}

static gboolean kiosk_key_found (void);

/* lentera --kiosk --setup: stores the device key an admin was shown when registering
 * the kiosk, read from the standard input (typed, or piped from a file). */
static int
set_up_kiosk (void)
{
  char line[512];
  g_autofree char *path = lp_kiosk_key_path ();
  g_autoptr(GError) error = NULL;

  g_print ("%s", _("Kiosk device key (shown to the admin who registered this kiosk): "));
  if (fgets (line, sizeof line, stdin) == NULL)
    {
      g_printerr ("%s\n", _("No key was given."));
      return 1;
    }
  g_strstrip (line);
  if (!lp_kiosk_key_save (line, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  memset (line, 0, sizeof line);
  /* Translators: %s is the file the key was written to. */
  g_print (_("This computer is now a kiosk; the key is kept in %s. Start it with: lentera --kiosk\n"),
           path);
  return 0;
}

static int
lp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  LpApplication *self = LP_APPLICATION (application);
  const char *server = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("lentera %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "server", "&s", &server))
    {
      if (!lp_api_client_check_base_url (server, &error))
        {
          g_printerr ("%s: %s\n", server, error->message);
          return 1;
        }
      lp_application_set_server_override (self, server);
    }
  self->kiosk = g_variant_dict_contains (options, "kiosk");
  if (g_variant_dict_contains (options, "setup"))
    return set_up_kiosk ();
  if (self->kiosk && !kiosk_key_found ())
    return 1;
  return -1;
}

static const char * const kiosk_disabled_actions[] = { "quit", "preferences", "about" };

/* Returns: (transfer full): the kiosk's device key, or NULL after saying what to do. */
static char *
load_kiosk_key (void)
{
  g_autoptr(GError) error = NULL;
  char *key = lp_kiosk_key_load (&error);

  if (key == NULL)
    g_printerr ("%s\n%s\n", error->message,
                _("Ask an admin to register this kiosk, then run: lentera --kiosk --setup"));
  return key;
}

static gboolean
kiosk_key_found (void)
{
  g_autofree char *key = load_kiosk_key ();

  if (key == NULL)
    return FALSE;
  memset (key, 0, strlen (key));
  return TRUE;
}

/* A kiosk starts only with its device key: without it every member would be refused. */
static GtkWindow *
new_kiosk_window (LpApplication *self)
{
  g_autofree char *key = load_kiosk_key ();

  if (key == NULL)
    {
      g_application_quit (G_APPLICATION (self));
      return NULL;
    }
  lp_api_client_set_kiosk_key (self->client, key);
  memset (key, 0, strlen (key));
  /* Ctrl+Q and the preferences are not for students: leaving needs a staff password. */
  for (guint i = 0; i < G_N_ELEMENTS (kiosk_disabled_actions); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                              kiosk_disabled_actions[i])),
                                 FALSE);
  return GTK_WINDOW (lp_kiosk_window_new (self));
}

static void
lp_application_activate (GApplication *application)
{
  LpApplication *self = LP_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL && lp_application_get_kiosk (self))
    window = new_kiosk_window (self);
  else if (window == NULL)
    window = GTK_WINDOW (lp_window_new (self));
  if (window != NULL)
    gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (application);

  /* Closing each window saves its size; quitting directly would not. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
  g_application_quit (G_APPLICATION (application));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LpApplication *self = LP_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  LpPreferencesWindow *preferences = lp_preferences_window_new (self);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  static const char *developers[] = { "LenteraPustaka developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "application-name", _("LenteraPustaka"),
                        "application-icon", APP_ID,
                        "developer-name", "LenteraPustaka developers",
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Loans and facilities for a school library"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The default action of a loan's desktop notification: the window, on that loan. */
static void
open_loan_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GApplication *application = G_APPLICATION (user_data);
  GtkWindow *window;

  g_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open", "(ss)", "loan",
                                g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "open-loan", open_loan_activated, "s", NULL, NULL, { 0 } },
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
};

static void
set_accels (GtkApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.retry", { "F5", "<Control>r", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.back", { "<Alt>Left", NULL } },
    { "win.login", { "<Control>l", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

static void
lp_application_startup (GApplication *application)
{
  LpApplication *self = LP_APPLICATION (application);

  G_APPLICATION_CLASS (lp_application_parent_class)->startup (application);

  /* Here, not in init: --help and --version work without the schema installed. */
  self->settings = g_settings_new (APP_ID);
  self->client = lp_api_client_new (NULL);
  update_base_url (self);
  self->session = lp_session_new (self->client, self->settings);
  g_signal_connect (self->settings, "changed::server-url",
                    G_CALLBACK (on_server_url_changed), self);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  set_accels (GTK_APPLICATION (application));
  gtk_window_set_default_icon_name (APP_ID);
}

static void
lp_application_dispose (GObject *object)
{
  LpApplication *self = (LpApplication *) object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lp_application_parent_class)->dispose (object);
}

static void
lp_application_finalize (GObject *object)
{
  LpApplication *self = (LpApplication *) object;

  g_free (self->server_override);

  G_OBJECT_CLASS (lp_application_parent_class)->finalize (object);
}

static void
lp_application_class_init (LpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lp_application_dispose;
  object_class->finalize = lp_application_finalize;
  app_class->handle_local_options = lp_application_handle_local_options;
  app_class->startup = lp_application_startup;
  app_class->activate = lp_application_activate;

  lp_client_register_resource ();
}

static void
lp_application_init (LpApplication *self)
{
  static const GOptionEntry options[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, NULL,
      N_("Use the server at this address for this run"), N_("URL") },
    { "kiosk", 'k', 0, G_OPTION_ARG_NONE, NULL,
      N_("Run as a self-service kiosk for members"), NULL },
    { "setup", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --kiosk: store this kiosk's device key, read from the standard input"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

LpApplication *
lp_application_new (GApplicationFlags flags)
{
  return g_object_new (LP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/id/lenterapustaka/Lentera",
                       NULL);
}

/* Returns: (nullable): the API client, once the application has started up */
LpApiClient *
lp_application_get_client (LpApplication *self)
{
  g_return_val_if_fail (LP_IS_APPLICATION (self), NULL);

  return self->client;
}

/* Returns: (nullable): the session windows share, once the application has started up */
LpSession *
lp_application_get_session (LpApplication *self)
{
  g_return_val_if_fail (LP_IS_APPLICATION (self), NULL);

  return self->session;
}

/* Returns: (nullable): the settings, once the application has started up */
GSettings *
lp_application_get_settings (LpApplication *self)
{
  g_return_val_if_fail (LP_IS_APPLICATION (self), NULL);

  return self->settings;
}

void
lp_application_set_server_override (LpApplication *self,
                                    const char    *server_url)
{
  g_return_if_fail (LP_IS_APPLICATION (self));

  if (g_strcmp0 (server_url, self->server_override) == 0)
    return;
  g_free (self->server_override);
  self->server_override = g_strdup (server_url);
  update_base_url (self);
}

const char *
lp_application_get_server_override (LpApplication *self)
{
  g_return_val_if_fail (LP_IS_APPLICATION (self), NULL);

  return self->server_override;
}

/* --kiosk, or the kiosk-mode setting. */
gboolean
lp_application_get_kiosk (LpApplication *self)
{
  g_return_val_if_fail (LP_IS_APPLICATION (self), FALSE);

  return self->kiosk ||
         (self->settings != NULL && g_settings_get_boolean (self->settings, "kiosk-mode"));
}
