/* lp-complaint-dialog.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-complaint-dialog"

#include "config.h"

#include "lp-complaint-dialog.h"

#include "lp-error.h"
#include "lp-photo-strip.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>

/* As docs/openapi.json's ComplaintCreate says. */
#define TITLE_MAX_CHARS       200
#define DESCRIPTION_MAX_CHARS 4000
#define LOCATION_MAX_CHARS    100
#define ITEM_RESULTS          6

struct _LpComplaintDialog
{
  AdwWindow       parent_instance;

  GtkLabel       *error_label;
  AdwEntryRow    *title_row;
  GtkTextView    *description_view;
  GtkLabel       *description_title;
  AdwEntryRow    *location_row;
  AdwComboRow    *category_row;
  GtkStringList  *category_names;
  AdwActionRow   *item_row;
  GtkWidget      *item_clear_button;
  GtkSearchEntry *item_search;
  GtkListBox     *item_results;
  AdwPreferencesGroup *photos_group;
  AdwBin         *photos_bin;
  GtkWidget      *send_button;
  GtkSpinner     *spinner;

  LpApiClient    *client;
  LpPhotoStrip   *photos;
  GPtrArray      *category_ids;   /* of category_names' rows; NULL for "none" */
  LpItemObject   *item;           /* the item chosen, or NULL */
  GCancellable   *cancellable;
  GCancellable   *search;         /* the item search in flight */
  gboolean        busy;
  gboolean        checked;        /* Send was pressed: problems are said as they are fixed */
};

G_DEFINE_FINAL_TYPE (LpComplaintDialog, lp_complaint_dialog, ADW_TYPE_WINDOW)

enum {
  FILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void recheck (LpComplaintDialog *self);

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
description_text (LpComplaintDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_send (LpComplaintDialog *self)
{
  gboolean uploading = self->photos != NULL && lp_photo_strip_get_busy (self->photos);

  gtk_widget_set_sensitive (self->send_button, !self->busy && !uploading);
  gtk_widget_set_tooltip_text (self->send_button,
                               uploading ? _("Wait until the photos are uploaded") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

/*
 * Problems, beside their fields
 */

/* The widget that shows @field of the API ("title", "category_id", …), and its name. */
static GtkWidget *
widget_for_field (LpComplaintDialog  *self,
                  const char         *field,
                  const char        **name)
{
  if (g_strcmp0 (field, "title") == 0)
    return *name = _("Title"), GTK_WIDGET (self->title_row);
  if (g_strcmp0 (field, "description") == 0)
    return *name = _("Description"), GTK_WIDGET (self->description_view);
  if (g_strcmp0 (field, "location") == 0)
    return *name = _("Location"), GTK_WIDGET (self->location_row);
  if (g_strcmp0 (field, "category_id") == 0)
    return *name = _("Category"), GTK_WIDGET (self->category_row);
  if (g_strcmp0 (field, "item_id") == 0)
    return *name = _("Item"), GTK_WIDGET (self->item_row);
  if (g_strcmp0 (field, "attachment_ids") == 0)
    return *name = _("Photos"), GTK_WIDGET (self->photos_group);
  *name = NULL;
  return NULL;
}

/* Marks the widget of @field and adds "Field: problem" to @errors. */
static void
add_problem (LpComplaintDialog *self,
             GString           *errors,
             const char        *field,
             const char        *problem)
{
  const char *name = NULL;
  GtkWidget *widget = widget_for_field (self, field, &name);

  if (errors->len > 0)
    g_string_append_c (errors, '\n');
  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      /* Translators: a form field's title and what is wrong with it. */
      g_string_append_printf (errors, _("%s: %s"), name, _(problem));
    }
  else
    g_string_append (errors, _(problem));
}

static void
show_errors (LpComplaintDialog *self,
             GString           *errors)
{
  gtk_label_set_label (self->error_label, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), errors->len > 0);
}

static void
clear_errors (LpComplaintDialog *self)
{
  const char *fields[] = { "title", "description", "location", "category_id", "item_id",
                           "attachment_ids" };
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (widget_for_field (self, fields[i], &name), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static const char *
chosen_category (LpComplaintDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);

  return selected < self->category_ids->len ? g_ptr_array_index (self->category_ids, selected)
                                            : NULL;
}

/* The rules the server runs (common/lp-validation.h), before anything is sent. */
static gboolean
check_locally (LpComplaintDialog *self,
               GString           *errors)
{
  g_autofree char *description = description_text (self);
  const char *problem;

  if ((problem = lp_validate_text (row_text (self->title_row), 1, TITLE_MAX_CHARS, FALSE)) != NULL)
    add_problem (self, errors, "title", problem);
  if ((problem = lp_validate_text (description, 1, DESCRIPTION_MAX_CHARS, TRUE)) != NULL)
    add_problem (self, errors, "description", problem);
  if ((problem = lp_validate_text (row_text (self->location_row), 1, LOCATION_MAX_CHARS,
                                   FALSE)) != NULL)
    add_problem (self, errors, "location", problem);
  if (chosen_category (self) == NULL && self->item == NULL)
    add_problem (self, errors, "category_id",
                 N_("Choose a category, or the item the complaint is about."));
  return errors->len == 0;
}

/*
 * Sending
 */

static void
on_filed (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LpComplaintDialog) self = user_data;
  g_autoptr(LpComplaintObject) complaint = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) errors = g_string_new (NULL);
  GHashTable *fields;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &complaint, NULL,
                             &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  update_send (self);
  if (complaint != NULL)
    {
      g_signal_emit (self, signals[FILED], 0, complaint);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  fields = lp_error_get_fields (error);
  if (fields != NULL && g_hash_table_size (fields) > 0)
    {
      GHashTableIter iter;
      gpointer field, message;

      g_hash_table_iter_init (&iter, fields);
      while (g_hash_table_iter_next (&iter, &field, &message))
        {
          /* The only refusals of these the form does not prevent: removed meanwhile. */
          if (g_strcmp0 (field, "category_id") == 0 || g_strcmp0 (field, "item_id") == 0)
            message = N_("It was removed from the catalog meanwhile. Choose another.");
          add_problem (self, errors, field, message);
        }
    }
  else if (g_error_matches (error, LP_ERROR, LP_ERROR_UNAVAILABLE))
    add_problem (self, errors, "", N_("The server cannot be reached. Nothing was sent: "
                                      "try again in a moment."));
  else
    add_problem (self, errors, "", error->message);
  show_errors (self, errors);
}

static JsonNode *
build_body (LpComplaintDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *description = description_text (self);
  g_auto(GStrv) ids = lp_photo_strip_dup_ids (self->photos);
  const char *category = chosen_category (self);
  g_autofree char *title = g_strstrip (g_strdup (row_text (self->title_row)));
  g_autofree char *location = g_strstrip (g_strdup (row_text (self->location_row)));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, description);
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, location);
  if (category != NULL)
    {
      json_builder_set_member_name (builder, "category_id");
      json_builder_add_string_value (builder, category);
    }
  if (self->item != NULL)
    {
      json_builder_set_member_name (builder, "item_id");
      json_builder_add_string_value (builder, lp_api_object_get_id (self->item));
    }
  if (ids != NULL)
    {
      json_builder_set_member_name (builder, "attachment_ids");
      json_builder_begin_array (builder);
      for (guint i = 0; ids[i] != NULL; i++)
        json_builder_add_string_value (builder, ids[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
lp_complaint_dialog_submit (LpComplaintDialog *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (LP_IS_COMPLAINT_DIALOG (self));

  if (self->busy || lp_photo_strip_get_busy (self->photos))
    return;
  self->checked = TRUE;
  clear_errors (self);
  if (!check_locally (self, errors))
    {
      show_errors (self, errors);
      return;
    }
  body = build_body (self);
  self->busy = TRUE;
  update_send (self);
  lp_api_client_call_async (self->client, &LP_API_COMPLAINTS_CREATE, NULL, NULL, body,
                            self->cancellable, on_filed, g_object_ref (self));
}

/*
 * Categories and items
 */

static void
on_categories_loaded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LpComplaintDialog) self = user_data;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &categories,
                                  NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row), error->message);
      return;
    }
  for (guint i = 0; i < categories->len; i++)
    {
      LpCategoryObject *category = g_ptr_array_index (categories, i);

      g_ptr_array_add (self->category_ids, g_strdup (lp_api_object_get_id (category)));
      gtk_string_list_append (self->category_names, lp_api_object_get_string (category, "name"));
    }
}

static void
select_category (LpComplaintDialog *self,
                 const char        *category_id)
{
  for (guint i = 1; i < self->category_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->category_ids, i), category_id) == 0)
      adw_combo_row_set_selected (self->category_row, i);
}

static void
show_item (LpComplaintDialog *self)
{
  g_autofree char *text = NULL;

  if (self->item != NULL)
    /* Translators: an item's name and its code, e.g. "Mikroskop Binokuler (LAB-001)". */
    text = g_strdup_printf (_("%s (%s)"), lp_api_object_get_string (self->item, "name"),
                            lp_api_object_get_string (self->item, "code"));
  adw_action_row_set_subtitle (self->item_row, text != NULL ? text : _("None chosen"));
  gtk_widget_set_visible (self->item_clear_button, self->item != NULL);
}

static void
clear_results (LpComplaintDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->item_results))) != NULL)
    gtk_list_box_remove (self->item_results, child);
  gtk_widget_set_visible (GTK_WIDGET (self->item_results), FALSE);
}

/* An item chosen brings its category, and its place when none is typed yet. */
static void
on_result_activated (GtkListBox        *list,
                     GtkListBoxRow     *row,
                     LpComplaintDialog *self)
{
  LpItemObject *item = g_object_get_data (G_OBJECT (row), "lp-item");

  g_set_object (&self->item, item);
  show_item (self);
  select_category (self, lp_api_object_get_string (item, "category-id"));
  if (*row_text (self->location_row) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->location_row),
                           lp_api_object_get_string (item, "location"));
  gtk_editable_set_text (GTK_EDITABLE (self->item_search), "");
  clear_results (self);
  recheck (self);
}

static GtkWidget *
result_row (LpItemObject *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  /* Translators: an item's code and where it is kept, e.g. "LAB-001 · Lab IPA". */
  subtitle = g_strdup_printf (_("%s · %s"), lp_api_object_get_string (item, "code"),
                              lp_api_object_get_string (item, "location"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lp_api_object_get_string (item, "name"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "lp-item", g_object_ref (item), g_object_unref);
  return row;
}

static void
on_items_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LpComplaintDialog) self = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &items, NULL,
                                  &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Searching the items: %s", error->message);
      return;
    }
  clear_results (self);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->item_results, result_row (g_ptr_array_index (items, i)));
  if (items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No item matches"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->item_results, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->item_results), TRUE);
}

static void
on_search_changed (LpComplaintDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->item_search));
  g_autofree char *limit = g_strdup_printf ("%d", ITEM_RESULTS);

  g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  if (*text == '\0')
    {
      clear_results (self);
      return;
    }
  self->search = g_cancellable_new ();
  lp_api_client_call_async (self->client, &LP_API_ITEMS_LIST, NULL,
                            (const char *[]) { "q", text, "limit", limit, NULL }, NULL,
                            self->search, on_items_found, g_object_ref (self));
}

static void
on_item_cleared (LpComplaintDialog *self)
{
  g_clear_object (&self->item);
  show_item (self);
  recheck (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->item_search));
}

/* Once Send has been pressed, the list of problems follows the typing: a problem fixed
 * leaves it at once, and what the server said goes with the next change. */
static void
recheck (LpComplaintDialog *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);

  if (!self->checked || self->busy)
    return;
  clear_errors (self);
  check_locally (self, errors);
  show_errors (self, errors);
}

static void
on_description_changed (LpComplaintDialog *self)
{
  recheck (self);
}

/* Photos dropped anywhere on the dialog go to the strip. */
static gboolean
on_drop (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         LpComplaintDialog *self)
{
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    lp_photo_strip_add_file (self->photos, g_value_get_object (value));
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l; l = l->next)
      lp_photo_strip_add_file (self->photos, l->data);
  else
    return FALSE;
  return TRUE;
}

static void
on_photo_failed (LpComplaintDialog *self,
                 const char        *message)
{
  g_autoptr(GString) errors = g_string_new (NULL);

  add_problem (self, errors, "attachment_ids", message);
  show_errors (self, errors);
}

/*
 * GObject
 */

static void
lp_complaint_dialog_dispose (GObject *object)
{
  LpComplaintDialog *self = (LpComplaintDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->search);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_COMPLAINT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->search);
  g_clear_object (&self->client);
  g_clear_object (&self->item);
  g_clear_pointer (&self->category_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (lp_complaint_dialog_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpComplaintDialog, name)

static void
lp_complaint_dialog_class_init (LpComplaintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_complaint_dialog_dispose;

  /**
   * LpComplaintDialog::filed:
   * @complaint: the complaint as the server stored it
   */
  signals[FILED] =
    g_signal_new ("filed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LP_TYPE_COMPLAINT_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/complaints/lp-complaint-dialog.ui");
  BIND (error_label);
  BIND (title_row);
  BIND (description_view);
  BIND (description_title);
  BIND (location_row);
  BIND (category_row);
  BIND (category_names);
  BIND (item_row);
  BIND (item_clear_button);
  BIND (item_search);
  BIND (item_results);
  BIND (photos_group);
  BIND (photos_bin);
  BIND (send_button);
  BIND (spinner);
  gtk_widget_class_bind_template_callback (widget_class, lp_complaint_dialog_submit);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_item_cleared);
  gtk_widget_class_bind_template_callback (widget_class, recheck);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                (GtkShortcutFunc) lp_complaint_dialog_submit, NULL);
}

#undef BIND

static void
lp_complaint_dialog_init (LpComplaintDialog *self)
{
  GtkDropTarget *drop;

  self->cancellable = g_cancellable_new ();
  self->category_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->category_ids, NULL);   /* "None" */
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (on_description_changed), self);
  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  show_item (self);
}

LpComplaintDialog *
lp_complaint_dialog_new (LpApiClient *client)
{
  LpComplaintDialog *self;

  g_return_val_if_fail (LP_IS_API_CLIENT (client), NULL);

  self = g_object_new (LP_TYPE_COMPLAINT_DIALOG, NULL);
  self->client = g_object_ref (client);
  self->photos = LP_PHOTO_STRIP (lp_photo_strip_new (client, TRUE));
  adw_bin_set_child (self->photos_bin, GTK_WIDGET (self->photos));
  g_signal_connect_object (self->photos, "notify::busy", G_CALLBACK (update_send), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->photos, "failed", G_CALLBACK (on_photo_failed), self,
                           G_CONNECT_SWAPPED);
  update_send (self);
  lp_api_client_call_async (client, &LP_API_CATEGORIES_LIST, NULL,
                            (const char *[]) { "limit", "100", NULL }, NULL, self->cancellable,
                            on_categories_loaded, g_object_ref (self));
  return self;
}
