/* lp-users-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-users-page"

#include "config.h"

#include "lp-users-page.h"

#include "lp-ask.h"
#include "lp-error.h"
#include "lp-label-dialog.h"
#include "lp-paged-model.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>

enum { F_USERNAME, F_FULL_NAME, F_EMAIL, F_ROLE, F_ACTIVE, F_PASSWORD, N_FIELDS };

/* The API's members, which are also the template's ids of the rows ("<name>_row"). */
static const char * const field_names[N_FIELDS] = {
  "username", "full_name", "email", "role", "active", "password"
};

struct _LpUsersPage
{
  LpEditorPage        parent_instance;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *role_dropdown;
  GtkDropDown        *active_dropdown;
  GtkStack           *content_stack;
  GtkListView        *list_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkSwitch          *active_switch;

  LpFormField         fields[N_FIELDS];
  LpPagedModel       *model;          /* the page's list: NULL unless an admin is logged in */
  GtkMultiSelection  *selection;
  GCancellable       *cancellable;    /* the cards' requests */
};

G_DEFINE_FINAL_TYPE (LpUsersPage, lp_users_page, LP_TYPE_EDITOR_PAGE)

static const LpEditorInfo editor_info = {
  .actions = "users",
  .create = &LP_API_USERS_CREATE,
  .update = &LP_API_USERS_UPDATE,
  .remove = &LP_API_USERS_DELETE,
  .name_property = "full-name",
  .new_title = N_("New User"),
  .delete_body = N_("The account is removed for good. The activity log keeps its username."),
  .deleted = N_("Account deleted"),
};

static LpUserObject *
editing (LpUsersPage *self)
{
  return lp_editor_page_get_editing (LP_EDITOR_PAGE (self));
}

static GtkWidget *
row (LpUsersPage *self,
     guint        field)
{
  return self->fields[field].row;
}

/* The role combo's rows, in order. */
static const LpRole roles[] = { LP_ROLE_MEMBER, LP_ROLE_STAFF, LP_ROLE_ADMIN };

/* Template callback: "budi.santoso · Staff · budi@…", and whether the account is off. */
static char *
user_line (gpointer    item,
           const char *username,
           LpRole      role,
           gboolean    active,
           const char *email)
{
  g_autoptr(GString) line = g_string_new (username);

  if (username == NULL)
    return g_strdup ("");
  if (role != 0)
    g_string_append_printf (line, " · %s", _(lp_role_label (role)));
  if (email != NULL && *email != '\0')
    g_string_append_printf (line, " · %s", email);
  if (!active)
    g_string_append_printf (line, " · %s", _("Inactive"));
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static gboolean
any_selected (LpUsersPage *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  if (self->selection == NULL)
    return FALSE;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return !gtk_bitset_is_empty (selected);
}

static void
update_state (LpUsersPage *self)
{
  guint count = lp_page_show_list_state (LP_PAGE (self), self->content_stack, self->error_page,
                                         FALSE);
  g_autofree char *text = NULL;

  /* Translators: the number of accounts the filters show. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts", count),
                          count);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.print-cards", any_selected (self));
}

/* The filters as the list endpoint's query. */
static void
update_query (LpUsersPage *self)
{
  static const char * const role_names[] = { NULL, "member", "staff", "admin" };
  static const char * const active_values[] = { NULL, "true", "false" };
  guint role = gtk_drop_down_get_selected (self->role_dropdown);
  guint active = gtk_drop_down_get_selected (self->active_dropdown);
  const char *query[] = {
    "q", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
    "role", role < G_N_ELEMENTS (role_names) ? role_names[role] : NULL,
    "active", active < G_N_ELEMENTS (active_values) ? active_values[active] : NULL,
    NULL
  };

  if (self->model != NULL)
    lp_paged_model_set_query (self->model, query);
}

/*
 * The form
 */

static void
set_entry (GtkWidget  *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
lp_users_page_fill (LpEditorPage *page,
                    gpointer      user)
{
  LpUsersPage *self = LP_USERS_PAGE (page);
  LpRole role = user != NULL ? lp_api_object_get_enum (user, "role") : LP_ROLE_MEMBER;

  set_entry (row (self, F_USERNAME), user != NULL ? lp_api_object_get_string (user, "username") : "");
  gtk_editable_set_editable (GTK_EDITABLE (row (self, F_USERNAME)), user == NULL);
  gtk_widget_set_sensitive (row (self, F_USERNAME), user == NULL);
  set_entry (row (self, F_FULL_NAME), user != NULL ? lp_api_object_get_string (user, "full-name") : "");
  set_entry (row (self, F_EMAIL), user != NULL ? lp_api_object_get_string (user, "email") : "");
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i] == role)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row (self, F_ROLE)), i);
  gtk_switch_set_active (self->active_switch,
                         user == NULL || lp_api_object_get_boolean (user, "active"));
  set_entry (row (self, F_PASSWORD), "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row (self, F_PASSWORD)),
                                 user != NULL ? _("New Password (optional)") : _("Password"));
  gtk_widget_grab_focus (user != NULL ? row (self, F_FULL_NAME) : row (self, F_USERNAME));
}

static LpRole
chosen_role (LpUsersPage *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (row (self, F_ROLE)));

  return i < G_N_ELEMENTS (roles) ? roles[i] : LP_ROLE_MEMBER;
}

static void
lp_users_page_check (LpEditorPage *page)
{
  LpUsersPage *self = LP_USERS_PAGE (page);
  g_autofree char *username = lp_form_row_text (row (self, F_USERNAME));
  g_autofree char *full_name = lp_form_row_text (row (self, F_FULL_NAME));
  g_autofree char *email = lp_form_row_text (row (self, F_EMAIL));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (row (self, F_PASSWORD)));

  if (editing (self) == NULL)
    lp_form_field_set_problem (&self->fields[F_USERNAME], lp_validate_username (username));
  lp_form_field_set_problem (&self->fields[F_FULL_NAME],
                             lp_validate_text (full_name, 1, 100, FALSE));
  if (*email != '\0')
    lp_form_field_set_problem (&self->fields[F_EMAIL], lp_validate_email (email));
  if (editing (self) == NULL || *password != '\0')
    lp_form_field_set_problem (&self->fields[F_PASSWORD],
                               lp_validate_password (password, editing (self) != NULL
                                                     ? lp_api_object_get_string (editing (self),
                                                                                 "username")
                                                     : username));
}

/* What changed (all of it for a new account), as the request body. */
static JsonNode *
lp_users_page_body (LpEditorPage *page)
{
  LpUsersPage *self = LP_USERS_PAGE (page);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *username = lp_form_row_text (row (self, F_USERNAME));
  g_autofree char *full_name = lp_form_row_text (row (self, F_FULL_NAME));
  g_autofree char *email = lp_form_row_text (row (self, F_EMAIL));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (row (self, F_PASSWORD)));
  LpUserObject *old = editing (self);
  LpRole role = chosen_role (self);
  gboolean active = gtk_switch_get_active (self->active_switch);

  json_builder_begin_object (builder);
  if (old == NULL)
    {
      json_builder_set_member_name (builder, "username");
      json_builder_add_string_value (builder, username);
    }
  if (old == NULL || g_strcmp0 (full_name, lp_api_object_get_string (old, "full-name")) != 0)
    {
      json_builder_set_member_name (builder, "full_name");
      json_builder_add_string_value (builder, full_name);
    }
  if ((old == NULL && *email != '\0') ||
      (old != NULL && g_strcmp0 (email, lp_api_object_get_string (old, "email") != NULL
                                        ? lp_api_object_get_string (old, "email") : "") != 0))
    {
      json_builder_set_member_name (builder, "email");
      json_builder_add_string_value (builder, email);
    }
  if (old == NULL || (LpRole) lp_api_object_get_enum (old, "role") != role)
    {
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, lp_role_to_string (role));
    }
  if (old == NULL || lp_api_object_get_boolean (old, "active") != active)
    {
      json_builder_set_member_name (builder, "active");
      json_builder_add_boolean_value (builder, active);
    }
  if (*password != '\0')
    {
      json_builder_set_member_name (builder, "password");
      json_builder_add_string_value (builder, password);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* What an admin should read when the server refused a change of an account. */
static const char *
lp_users_page_explain_error (LpEditorPage *page,
                             const GError *error)
{
  if (g_error_matches (error, LP_ERROR, LP_ERROR_CONFLICT))
    return _("This is the last active administrator. Make another account an active admin "
             "first; the library must always have one.");
  if (g_error_matches (error, LP_ERROR, LP_ERROR_DUPLICATE))
    return _("Another account already uses this username or email.");
  return NULL;
}

/* Saved; "deactivated" when that is what the save did (also "Deactivate Instead"). */
static char *
lp_users_page_saved_text (LpEditorPage *page,
                          gpointer      user)
{
  LpUserObject *old = editing (LP_USERS_PAGE (page));
  const char *name = lp_api_object_get_string (user, "full-name");

  if (old != NULL && lp_api_object_get_boolean (old, "active") &&
      !lp_api_object_get_boolean (user, "active"))
    /* Translators: a notification; %s is a person's name. */
    return g_strdup_printf (_("Account of %s deactivated"), name);
  /* Translators: a notification; %s is a person's name. */
  return g_strdup_printf (_("Account of %s saved"), name);
}

/*
 * Deleting, or deactivating instead
 */

static void
deactivate (LpUsersPage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  if (editing (self) == NULL || lp_editor_page_get_busy (LP_EDITOR_PAGE (self)))
    return;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  lp_editor_page_send (LP_EDITOR_PAGE (self), body);
}

static void
on_deactivate_response (AdwMessageDialog *dialog,
                        const char       *response,
                        LpUsersPage      *self)
{
  if (g_strcmp0 (response, "deactivate") == 0)
    deactivate (self);
}

/* The account is part of the library's history: offer what can be done. */
static void
lp_users_page_offer_instead (LpEditorPage *page)
{
  LpUsersPage *self = LP_USERS_PAGE (page);
  g_autofree char *body = NULL;

  /* Translators: %s is a person's name. */
  body = g_strdup_printf (_("%s has loans or complaints on record, so the account cannot be "
                            "deleted. Deactivate it instead: the history stays, and the "
                            "account can no longer log in."),
                          lp_api_object_get_string (editing (self), "full-name"));
  gtk_window_present (GTK_WINDOW (lp_ask_new (GTK_WIDGET (self), _("Account Still in Use"),
                                              body, "cancel", _("_Cancel"),
                                              "deactivate", _("_Deactivate"),
                                              ADW_RESPONSE_SUGGESTED,
                                              G_CALLBACK (on_deactivate_response), self)));
}

static char *
lp_users_page_delete_heading (LpEditorPage *page,
                              gpointer      user)
{
  /* Translators: %s is a person's name. */
  return g_strdup_printf (_("Delete the Account of %s?"),
                          lp_api_object_get_string (user, "full-name"));
}

static void
lp_users_page_update_state (LpEditorPage *page)
{
  update_state (LP_USERS_PAGE (page));
}

/* The school's name and address are on every card: read them, then let the admin choose the sheet. */
static void
on_cards_settings (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LpLabelSheet) sheet = user_data;
  g_autoptr(LpSettingsObject) settings = NULL;
  g_autoptr(GError) error = NULL;
  LpUsersPage *self;
  GtkWindow *root;
  const char *school;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &settings, NULL,
                                  &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self = g_object_get_data (G_OBJECT (sheet), "lp-users-page");
          lp_page_add_toast (LP_PAGE (self), error->message);
        }
      return;
    }
  self = g_object_get_data (G_OBJECT (sheet), "lp-users-page");
  school = lp_api_object_get_string (settings, "school-name");
  lp_label_sheet_set_header (sheet, school != NULL && *school != '\0' ? school
                                                                    : _("School Library"));
  lp_label_sheet_set_address (sheet, lp_api_object_get_string (settings, "school-address"));
  root = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (lp_label_dialog_new (root, sheet)));
}

static void
on_cards_collected (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LpUsersPage) self = user_data;
  g_autoptr(LpLabelSheet) sheet = lp_label_sheet_new (LP_LABEL_SHEET_MEMBER_CARDS);
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  users = lp_paged_model_collect_finish (LP_PAGED_MODEL (source), result, &error);
  if (users == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lp_page_add_toast (LP_PAGE (self), error->message);
      return;
    }
  for (guint i = 0; i < users->len; i++)
    {
      LpRole role = lp_api_object_get_enum (users->pdata[i], "role");

      lp_label_sheet_add (sheet, lp_api_object_get_string (users->pdata[i], "username"),
                          lp_api_object_get_string (users->pdata[i], "full-name"),
                          _(lp_role_label (role)));
    }
  if (lp_label_sheet_get_n_labels (sheet) == 0)
    return;
  /* The page outlives the call: the cancellable is cancelled when it goes. */
  g_object_set_data (G_OBJECT (sheet), "lp-users-page", self);
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_SETTINGS_GET, NULL,
                            NULL, NULL, self->cancellable, on_cards_settings,
                            g_steal_pointer (&sheet));
}

/* Cards of the selected accounts, also those not scrolled to yet (Ctrl+A): full name,
 * username (as text, and as the QR the kiosk reads), role. */
static void
print_cards_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LpUsersPage *self = LP_USERS_PAGE (widget);

  if (self->selection != NULL)
    lp_page_collect_selected_async (LP_PAGE (self), GTK_SELECTION_MODEL (self->selection),
                                    self->cancellable, on_cards_collected, g_object_ref (self));
}

/*
 * LpPage
 */

/* Only admins have a list at all (nothing of the last user's stays behind a logout). */
static void
lp_users_page_role_changed (LpPage *page)
{
  LpUsersPage *self = LP_USERS_PAGE (page);
  gboolean admin = lp_page_get_role (page) == LP_ROLE_ADMIN;

  if (admin == (self->model != NULL))
    return;
  lp_editor_page_hide (LP_EDITOR_PAGE (self));
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  self->model = lp_page_set_list (page, admin ? &LP_API_USERS_LIST : NULL, &LP_API_USERS_GET,
                                  G_CALLBACK (update_state));
  if (admin)
    {
      self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_state),
                                self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      update_query (self);
    }
  update_state (self);
}

static void
lp_users_page_dispose (GObject *object)
{
  LpUsersPage *self = (LpUsersPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_USERS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_users_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpUsersPage, name)

static void
lp_users_page_class_init (LpUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);
  LpEditorPageClass *editor_class = LP_EDITOR_PAGE_CLASS (klass);

  object_class->dispose = lp_users_page_dispose;
  page_class->role_changed = lp_users_page_role_changed;
  editor_class->fill = lp_users_page_fill;
  editor_class->check = lp_users_page_check;
  editor_class->body = lp_users_page_body;
  editor_class->explain_error = lp_users_page_explain_error;
  editor_class->offer_instead = lp_users_page_offer_instead;
  editor_class->delete_heading = lp_users_page_delete_heading;
  editor_class->saved_text = lp_users_page_saved_text;
  editor_class->update_state = lp_users_page_update_state;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/admin/lp-users-page.ui");
  lp_editor_page_class_setup (editor_class, &editor_info);
  BIND (search_entry);
  BIND (role_dropdown);
  BIND (active_dropdown);
  BIND (content_stack);
  BIND (list_view);
  BIND (error_page);
  BIND (count_label);
  BIND (active_switch);
  lp_form_class_bind (widget_class, field_names, N_FIELDS);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "new_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cards_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, user_line);

  gtk_widget_class_install_action (widget_class, "users.print-cards", NULL,
                                   print_cards_activated);
}

#undef BIND

static void
lp_users_page_init (LpUsersPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_form_init (self->fields, GTK_WIDGET (self), LP_TYPE_USERS_PAGE, field_names, field_names,
                N_FIELDS);
  lp_editor_page_set_fields (LP_EDITOR_PAGE (self), self->fields, N_FIELDS);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (update_query),
                            self);
  g_signal_connect_swapped (self->role_dropdown, "notify::selected", G_CALLBACK (update_query),
                            self);
  g_signal_connect_swapped (self->active_dropdown, "notify::selected",
                            G_CALLBACK (update_query), self);
  lp_editor_page_update_state (LP_EDITOR_PAGE (self));
}
