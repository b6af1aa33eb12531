/* lp-activity-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-activity-page"

#include "config.h"

#include "lp-activity-page.h"

#include "lp-format.h"
#include "lp-paged-model.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The most fields one entry lists before it says how many more changed. */
#define MAX_DIFF_LINES 16

struct _LpActivityPage
{
  LpPage              parent_instance;

  GtkDropDown        *user_dropdown;
  GtkDropDown        *action_dropdown;
  GtkDropDown        *table_dropdown;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkLabel           *problem_label;
  GtkStack           *content_stack;
  GtkListView        *list_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;

  LpPagedModel       *model;          /* the page's list: NULL unless an admin is logged in */
  GtkStringList      *user_names;     /* "Everyone", then each account */
  GPtrArray          *user_ids;       /* of char *, parallel to user_names; [0] is NULL */
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (LpActivityPage, lp_activity_page, LP_TYPE_PAGE)

typedef struct
{
  const char *code;    /* the API's value; NULL: any */
  const char *label;   /* N_() */
} Choice;

static const Choice actions[] = {
  { NULL, N_("Every Action") },
  { "user.create", N_("Account created") },
  { "user.update", N_("Account changed") },
  { "user.delete", N_("Account deleted") },
  { "user.register", N_("Member registered") },
  { "user.password_change", N_("Password changed") },
  { "category.create", N_("Category created") },
  { "category.update", N_("Category changed") },
  { "category.delete", N_("Category deleted") },
  { "item.create", N_("Item added") },
  { "item.update", N_("Item changed") },
  { "item.delete", N_("Item deleted") },
  { "item.repair", N_("Item repaired") },
  { "item.return", N_("Item returned") },
  { "loan.request", N_("Loan requested") },
  { "loan.approve", N_("Loan approved") },
  { "loan.reject", N_("Loan rejected") },
  { "loan.cancel", N_("Loan cancelled") },
  { "loan.handover", N_("Loan handed over") },
  { "loan.return", N_("Loan returned") },
  { "complaint.create", N_("Complaint filed") },
  { "complaint.status", N_("Complaint status changed") },
  { "complaint.note", N_("Complaint note added") },
  { "attachment.create", N_("Photo uploaded") },
  { "settings.update", N_("Settings changed") },
  { "auth.login", N_("Logged in") },
  { "auth.login_failed", N_("Login failed") },
  { "auth.logout", N_("Logged out") },
};

static const Choice tables[] = {
  { NULL, N_("Every Record") },
  { "users", N_("Accounts") },
  { "categories", N_("Categories") },
  { "items", N_("Items") },
  { "loans", N_("Loans") },
  { "complaints", N_("Complaints") },
  { "attachments", N_("Photos") },
  { "settings", N_("Settings") },
};

static const char *
action_label (const char *code)
{
  for (guint i = 1; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (actions[i].code, code) == 0)
      return _(actions[i].label);
  return code;
}

/* A record's data, or NULL when there is none (JSON null too). */
static JsonNode *
data_or_null (JsonNode *data)
{
  return data != NULL && JSON_NODE_HOLDS_OBJECT (data) ? data : NULL;
}

/* A record as people name it: its code, name, username or title, as its data has. */
static const char *
record_name (JsonNode *data)
{
  const char *members[] = { "name", "full_name", "title", "code", "username", NULL };
  JsonObject *object;

  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    return NULL;
  object = json_node_get_object (data);
  for (guint i = 0; members[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, members[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        return json_node_get_string (node);
    }
  return NULL;
}

/* Template callback: "Item changed: Laskar Pelangi". */
static char *
entry_title (gpointer    item,
             const char *username,
             const char *action,
             const char *table_name,
             JsonNode   *new_data,
             JsonNode   *old_data)
{
  const char *name = record_name (data_or_null (new_data) != NULL ? new_data : old_data);

  if (action == NULL)
    return g_strdup ("");
  if (name != NULL)
    /* Translators: an entry of the activity log: what was done, to which record. */
    return g_strdup_printf (_("%s: %s"), action_label (action), name);
  return g_strdup (action_label (action));
}

/* Template callback: "admin.sari · 3 December 2026, 14:51 · 127.0.0.1 · LenteraPustaka/1.0". */
static char *
entry_origin (gpointer    item,
              GDateTime  *created_at,
              const char *ip_address,
              const char *user_agent)
{
  LpActivityObject *entry = gtk_list_item_get_item (item);
  const char *username = entry != NULL ? lp_api_object_get_string (entry, "username") : NULL;
  g_autoptr(GString) line = g_string_new (username != NULL ? username : _("system"));

  if (created_at != NULL)
    {
      g_autofree char *when = lp_format_time_long (created_at);

      g_string_append_printf (line, " · %s", when);
    }
  if (ip_address != NULL)
    g_string_append_printf (line, " · %s", ip_address);
  if (user_agent != NULL)
    g_string_append_printf (line, " · %s", user_agent);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* A value of a record's data as text: a string as it is, a reference by its name. */
static char *
value_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (*json_node_get_string (node) != '\0' ? json_node_get_string (node) : "—");
  if (JSON_NODE_HOLDS_OBJECT (node) && record_name (node) != NULL)
    return g_strdup (record_name (node));
  return json_to_string (node, FALSE);
}

/* Bookkeeping, and an id whose reference is shown by name ("category_id" beside
 * "category"), are not what a reader wants to see. */
static gboolean
skipped_member (JsonObject *object,
                const char *name)
{
  g_autofree char *reference = NULL;

  if (g_str_equal (name, "id") || g_str_equal (name, "created_at") ||
      g_str_equal (name, "updated_at"))
    return TRUE;
  if (!g_str_has_suffix (name, "_id"))
    return FALSE;
  reference = g_strndup (name, strlen (name) - strlen ("_id"));
  return json_object_has_member (object, reference);
}

static void
add_member_names (GPtrArray *names,
                  JsonNode  *data)
{
  g_autoptr(GList) members = NULL;

  if (data == NULL)
    return;
  members = json_object_get_members (json_node_get_object (data));
  for (GList *l = members; l != NULL; l = l->next)
    if (!skipped_member (json_node_get_object (data), l->data) &&
        !g_ptr_array_find_with_equal_func (names, l->data, g_str_equal, NULL))
      g_ptr_array_add (names, l->data);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static JsonNode *
member (JsonNode   *data,
        const char *name)
{
  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    return NULL;
  return json_object_get_member (json_node_get_object (data), name);
}

/* Template callback: what changed, one field a line, "stock_total: 5 → 6". A new record
 * lists its fields, a deleted one what it held. */
static char *
entry_diff (gpointer  item,
            JsonNode *old_data,
            JsonNode *new_data)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  guint lines = 0, more = 0;

  old_data = data_or_null (old_data);
  new_data = data_or_null (new_data);
  add_member_names (names, new_data);
  add_member_names (names, old_data);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *before = old_data != NULL ? value_text (member (old_data, name)) : NULL;
      g_autofree char *after = new_data != NULL ? value_text (member (new_data, name)) : NULL;

      if (before != NULL && after != NULL && g_str_equal (before, after))
        continue;
      if (lines++ >= MAX_DIFF_LINES)
        {
          more++;
          continue;
        }
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (before != NULL && after != NULL)
        g_string_append_printf (text, "%s: %s → %s", name, before, after);
      else
        g_string_append_printf (text, "%s: %s", name, after != NULL ? after : before);
    }
  if (more > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: the fields of an activity entry not listed. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more field",
                                                 "… and %u more fields", more), more);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
has_diff (gpointer  item,
          JsonNode *old_data,
          JsonNode *new_data)
{
  g_autofree char *diff = entry_diff (item, old_data, new_data);

  return *diff != '\0';
}

static void
update_state (LpActivityPage *self)
{
  guint count = lp_page_show_list_state (LP_PAGE (self), self->content_stack, self->error_page,
                                         FALSE);
  g_autofree char *text = NULL;

  /* Translators: the number of activity log entries that match the filters. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", count), count);
  gtk_label_set_label (self->count_label, text);
}

/* A day typed in @entry: "" is no limit; anything else must be a date. */
static gboolean
read_day (GtkEntry    *entry,
          const char **day)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gboolean valid = *text == '\0' || lp_parse_date (text, NULL);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  *day = *text != '\0' ? text : NULL;
  return valid;
}

static const char *
chosen (GtkDropDown  *dropdown,
        const Choice *choices,
        guint         n_choices)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i < n_choices ? choices[i].code : NULL;
}

/* The filters as the query; a day still being typed waits, and says how it is written
 * once Enter is pressed (@complain). */
static void
apply_filters (LpActivityPage *self,
               gboolean        complain)
{
  guint user = gtk_drop_down_get_selected (self->user_dropdown);
  const char *from = NULL, *to = NULL;
  gboolean valid;

  valid = read_day (self->from_entry, &from);
  valid = read_day (self->to_entry, &to) && valid;
  gtk_label_set_label (self->problem_label,
                       _("Type the days as YYYY-MM-DD, for example 2026-01-31."));
  if (valid || complain)
    gtk_widget_set_visible (GTK_WIDGET (self->problem_label), !valid);
  if (!valid && complain)
    {
      if (from != NULL && !lp_parse_date (from, NULL))
        gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
      if (to != NULL && !lp_parse_date (to, NULL))
        gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
    }
  if (self->model == NULL || !valid)
    return;
  lp_paged_model_set_query (self->model, (const char *[]) {
    "user_id", user < self->user_ids->len ? g_ptr_array_index (self->user_ids, user) : NULL,
    "action", chosen (self->action_dropdown, actions, G_N_ELEMENTS (actions)),
    "table_name", chosen (self->table_dropdown, tables, G_N_ELEMENTS (tables)),
    "from", from,
    "to", to,
    NULL
  });
}

static void
update_query (LpActivityPage *self)
{
  apply_filters (self, FALSE);
}

static void
on_day_activate (LpActivityPage *self)
{
  apply_filters (self, TRUE);
}

/*
 * Who: the accounts, to choose one
 */

static void
on_users (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LpActivityPage) self = user_data;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &users, NULL,
                                  &error))
    return;
  for (guint i = 0; i < users->len; i++)
    {
      LpUserObject *user = g_ptr_array_index (users, i);
      /* Translators: a person in a list to choose from: full name (username). */
      g_autofree char *name = g_strdup_printf (_("%s (%s)"),
                                               lp_api_object_get_string (user, "full-name"),
                                               lp_api_object_get_string (user, "username"));

      g_ptr_array_add (self->user_ids, g_strdup (lp_api_object_get_id (user)));
      gtk_string_list_append (self->user_names, name);
    }
}

static void
reset_users (LpActivityPage *self)
{
  g_ptr_array_set_size (self->user_ids, 0);
  g_ptr_array_add (self->user_ids, NULL);
  gtk_string_list_splice (self->user_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->user_names)),
                          (const char *[]) { _("Everyone"), NULL });
  gtk_drop_down_set_selected (self->user_dropdown, 0);
}

/*
 * LpPage
 */

static void
lp_activity_page_role_changed (LpPage *page)
{
  LpActivityPage *self = LP_ACTIVITY_PAGE (page);
  gboolean admin = lp_page_get_role (page) == LP_ROLE_ADMIN;

  if (admin == (self->model != NULL))
    return;
  gtk_list_view_set_model (self->list_view, NULL);
  self->model = lp_page_set_list (page, admin ? &LP_API_ACTIVITY_LIST : NULL, NULL,
                                  G_CALLBACK (update_state));
  reset_users (self);
  if (admin)
    {
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (
        gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)))));
      lp_api_client_call_async (lp_page_get_client (page), &LP_API_USERS_LIST, NULL,
                                (const char *[]) { "limit", "500", NULL }, NULL,
                                self->cancellable, on_users, g_object_ref (self));
      update_query (self);
    }
  update_state (self);
}

/* Whatever was done is logged: coming back to the page shows the newest first. */
static void
on_map (LpActivityPage *self)
{
  lp_page_reload (LP_PAGE (self));
}

static void
lp_activity_page_dispose (GObject *object)
{
  LpActivityPage *self = (LpActivityPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_ACTIVITY_PAGE);
  g_clear_object (&self->user_names);
  g_clear_pointer (&self->user_ids, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_activity_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpActivityPage, name)

static void
lp_activity_page_class_init (LpActivityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_activity_page_dispose;
  page_class->role_changed = lp_activity_page_role_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/admin/lp-activity-page.ui");
  BIND (user_dropdown);
  BIND (action_dropdown);
  BIND (table_dropdown);
  BIND (from_entry);
  BIND (to_entry);
  BIND (problem_label);
  BIND (content_stack);
  BIND (list_view);
  BIND (error_page);
  BIND (count_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_title);
  gtk_widget_class_bind_template_callback (widget_class, entry_origin);
  gtk_widget_class_bind_template_callback (widget_class, entry_diff);
  gtk_widget_class_bind_template_callback (widget_class, has_diff);
}

#undef BIND

static GtkStringList *
choice_labels (const Choice *choices,
               guint         n_choices)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_choices; i++)
    gtk_string_list_append (labels, _(choices[i].label));
  return labels;
}

static void
lp_activity_page_init (LpActivityPage *self)
{
  g_autoptr(GtkStringList) action_labels = choice_labels (actions, G_N_ELEMENTS (actions));
  g_autoptr(GtkStringList) table_labels = choice_labels (tables, G_N_ELEMENTS (tables));
  g_autoptr(GtkExpression) string = NULL;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->user_ids = g_ptr_array_new_with_free_func (g_free);
  self->user_names = gtk_string_list_new (NULL);
  string = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->user_dropdown, string);
  gtk_drop_down_set_model (self->user_dropdown, G_LIST_MODEL (self->user_names));
  reset_users (self);
  gtk_drop_down_set_model (self->action_dropdown, G_LIST_MODEL (action_labels));
  gtk_drop_down_set_model (self->table_dropdown, G_LIST_MODEL (table_labels));
  g_signal_connect_swapped (self->user_dropdown, "notify::selected", G_CALLBACK (update_query),
                            self);
  g_signal_connect_swapped (self->action_dropdown, "notify::selected",
                            G_CALLBACK (update_query), self);
  g_signal_connect_swapped (self->table_dropdown, "notify::selected", G_CALLBACK (update_query),
                            self);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (update_query), self);
  g_signal_connect_swapped (self->to_entry, "changed", G_CALLBACK (update_query), self);
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (on_day_activate), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (on_day_activate), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  update_state (self);
}
