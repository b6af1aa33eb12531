/* lp-import-dialog.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-import-dialog"

#include "config.h"

#include "lp-import-dialog.h"

#include "lp-csv.h"
#include "lp-error.h"
#include "lp-json.h"

#include <glib/gi18n-lib.h>

/* The rows of the file shown under its header. */
#define PREVIEW_ROWS       5
/* Characters of a cell shown in the preview before it is cut. */
#define PREVIEW_CELL_CHARS 32
/* What the server accepts (POST /items/import): a bigger file is not even sent. */
#define BODY_LIMIT         (10 * 1024 * 1024)
/* The server lists at most this many problems. */
#define MAX_PROBLEMS       1000
#define PULSE_MS           100

/* The server's words for the problems of an import that no rule of common/ says; listed
 * here so that they are translated like common/'s (each is shown through _()). */
static const char * const server_messages[] G_GNUC_UNUSED = {
  N_("This line is not UTF-8 text."),
  N_("This column appears twice."),
  N_("This column is missing."),
  N_("This row has more cells than the header has columns."),
  N_("The file has a header but no items."),
  N_("An item with this code already exists."),
  N_("There is no category of this name."),
  N_("Use one of: good, minor_damage, major_damage, lost."),
  N_("Use one of: available, needs_maintenance, maintenance, unavailable."),
};

struct _LpImportDialog
{
  AdwWindow       parent_instance;

  AdwActionRow   *file_row;
  GtkSwitch      *upsert_switch;
  GtkSwitch      *categories_switch;
  GtkProgressBar *progress_bar;
  GtkLabel       *result_label;
  GtkLabel       *problem_label;
  GtkWidget      *problems_group;
  GtkListBox     *problems_list;
  AdwPreferencesGroup *preview_group;
  GtkGrid        *preview_grid;

  LpSession      *session;
  GCancellable   *cancellable;
  GBytes         *csv;        /* the chosen file, NULL before one is read */
  guint           pulse_id;
  gboolean        busy;
  gboolean        imported;   /* this file went in: nothing more to send */
};

G_DEFINE_FINAL_TYPE (LpImportDialog, lp_import_dialog, ADW_TYPE_WINDOW)

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
update_actions (LpImportDialog *self)
{
  gboolean ready = !self->busy && self->csv != NULL && !self->imported;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.open-file", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.check", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", ready);
}

static gboolean
pulse (gpointer user_data)
{
  LpImportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* While the file goes up and the server reads it: a pulsing bar saying what happens. */
static void
set_busy (LpImportDialog *self,
          const char     *doing)
{
  self->busy = doing != NULL;
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->busy)
    {
      gtk_progress_bar_set_text (self->progress_bar, doing);
      self->pulse_id = g_timeout_add (PULSE_MS, pulse, self);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), self->busy);
  update_actions (self);
}

static void
clear_problems (LpImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  gtk_widget_set_visible (self->problems_group, FALSE);
}

static void
clear_outcome (LpImportDialog *self)
{
  show_label (self->result_label, NULL);
  show_label (self->problem_label, NULL);
  clear_problems (self);
}

/*
 * The preview
 */

static void
add_cell (LpImportDialog *self,
          const char     *text,
          int             column,
          int             row)
{
  g_autofree char *shown = NULL;
  GtkWidget *label;

  /* Cut here rather than ellipsized by the width: a wide file scrolls sideways. */
  if (g_utf8_strlen (text, -1) > PREVIEW_CELL_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, PREVIEW_CELL_CHARS - 1);

      shown = g_strconcat (cut, "…", NULL);
    }
  label = gtk_label_new (shown != NULL ? shown : text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (shown != NULL)
    gtk_widget_set_tooltip_text (label, text);
  if (row == 0)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->preview_grid, label, column, row, 1, 1);
}

static void
clear_preview (LpImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), FALSE);
}

static void
describe_preview (LpImportDialog *self,
                  guint           n_rows,
                  char            separator)
{
  g_autofree char *text = NULL;

  if (separator == ';')
    /* Translators: the rows of a CSV file under its header row. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row, separated by semicolons",
                                         "%u rows, separated by semicolons", n_rows), n_rows);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row, separated by commas",
                                         "%u rows, separated by commas", n_rows), n_rows);
  adw_preferences_group_set_description (self->preview_group, text);
}

/* The header and the first rows, split as the server will split them; every row is
 * counted. A row the reader cannot split stops it, and says where. */
static void
fill_preview (LpImportDialog *self)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (self->csv, &length);
  g_autoptr(LpCsvReader) reader = lp_csv_reader_new (data, length, 0);
  g_autoptr(GError) error = NULL;
  GStrv fields;
  guint n = 0;

  clear_preview (self);
  while ((fields = lp_csv_reader_next_row (reader, NULL, &error)) != NULL)
    {
      if (n <= PREVIEW_ROWS)
        for (guint c = 0; fields[c] != NULL; c++)
          add_cell (self, fields[c], (int) c, (int) n);
      n++;
      g_strfreev (fields);
    }
  describe_preview (self, n > 0 ? n - 1 : 0, lp_csv_reader_get_separator (reader));
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), n > 0);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Part of the file cannot be read as CSV: %s"),
                                               error->message);

      show_label (self->problem_label, text);
    }
  else if (n == 0)
    show_label (self->problem_label, _("The file is empty."));
}

/*
 * Choosing and reading the file
 */

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LpImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, NULL);
      text = g_strdup_printf (_("Cannot read the file: %s"), error->message);
      show_label (self->problem_label, text);
      return;
    }
  set_busy (self, NULL);
  if (length > BODY_LIMIT)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *text = g_strdup_printf (_("This file is too big (%s): the server takes "
                                                 "files up to 10 MB. Split it into smaller "
                                                 "files and import them one after the other."),
                                               size);

      show_label (self->problem_label, text);
      return;
    }
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      show_label (self->problem_label,
                  _("The file is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8” "
                    "and choose it again."));
      return;
    }
  self->csv = g_bytes_new_take (g_steal_pointer (&contents), length);
  fill_preview (self);
  update_actions (self);
}

static void
open_file_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LpImportDialog *self = LP_IMPORT_DIALOG (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autofree char *name = g_file_get_basename (file);

  g_clear_pointer (&self->csv, g_bytes_unref);
  self->imported = FALSE;
  clear_outcome (self);
  clear_preview (self);
  adw_action_row_set_subtitle (self->file_row, name);
  set_busy (self, _("Reading the file…"));
  g_file_load_contents_async (file, self->cancellable, on_loaded, g_object_ref (self));
}

static void
on_chosen (GtkNativeDialog *chooser,
           int              response,
           gpointer         user_data)
{
  g_autoptr(LpImportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL)
    return;
  uri = g_file_get_uri (file);
  gtk_widget_activate_action (GTK_WIDGET (self), "import.open-file", "s", uri);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chosen), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/*
 * Sending it
 */

static void
add_problem_row (LpImportDialog *self,
                 JsonObject     *problem)
{
  gint64 line = json_object_get_int_member_with_default (problem, "line", 0);
  const char *field = json_object_get_string_member_with_default (problem, "field", NULL);
  const char *message = json_object_get_string_member_with_default (problem, "message", "");
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  if (field != NULL)
    /* Translators: a line of the CSV file and the column its problem is in. */
    title = g_strdup_printf (_("Line %d · %s"), (int) line, field);
  else
    title = g_strdup_printf (_("Line %d"), (int) line);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(message));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->problems_list, row);
}

/* The server's "rows": every problem by line. Returns the number of lines named. */
static guint
show_problems (LpImportDialog *self,
               const char     *rows_json)
{
  g_autoptr(JsonNode) node = rows_json != NULL ? json_from_string (rows_json, NULL) : NULL;
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  JsonArray *rows;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return 0;
  rows = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *element = json_array_get_element (rows, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      add_problem_row (self, json_node_get_object (element));
      g_hash_table_add (lines, GINT_TO_POINTER (json_object_get_int_member_with_default (
                                                  json_node_get_object (element), "line", 0)));
    }
  gtk_widget_set_visible (self->problems_group, json_array_get_length (rows) > 0);
  if (json_array_get_length (rows) >= MAX_PROBLEMS)
    return G_MAXUINT;
  return g_hash_table_size (lines);
}

/* What went wrong, in a librarian's words where the server's are technical. */
static void
show_error (LpImportDialog *self,
            const GError   *error)
{
  GHashTable *details = error->domain == LP_ERROR ? lp_error_get_details (error) : NULL;
  const char *rows = details != NULL ? g_hash_table_lookup (details, "rows") : NULL;
  g_autofree char *text = NULL;
  guint n_lines;

  if (rows != NULL && (n_lines = show_problems (self, rows)) > 0)
    {
      if (n_lines == G_MAXUINT)
        text = g_strdup_printf (_("Nothing was imported: the file has too many problems to "
                                  "list; the first %d are shown."), MAX_PROBLEMS);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Nothing was imported: %u line has problems.",
                                             "Nothing was imported: %u lines have problems.",
                                             n_lines), n_lines);
    }
  else if (g_error_matches (error, LP_ERROR, LP_ERROR_TOO_LARGE))
    text = g_strdup (_("The file is too big: the server takes files up to 10 MB. Split it "
                       "into smaller files and import them one after the other."));
  else if (g_error_matches (error, LP_ERROR, LP_ERROR_UNSUPPORTED_MEDIA_TYPE))
    text = g_strdup (_("The server does not take this file as CSV text. Save it from the "
                       "spreadsheet as “CSV UTF-8” and choose it again."));
  else if (g_error_matches (error, LP_ERROR, LP_ERROR_UNAVAILABLE))
    text = g_strdup_printf (_("%s Whether the items went in is not known: look at the Items "
                              "page before importing the file again."), error->message);
  else
    text = g_strdup (_(error->message));
  show_label (self->problem_label, text);
}

static void
show_result (LpImportDialog *self,
             JsonObject     *reply,
             gboolean        dry_run)
{
  gint64 imported = 0, updated = 0;
  g_autofree char *text = NULL;

  lp_json_get_int (reply, "imported", FALSE, 0, G_MAXINT32, &imported, NULL);
  lp_json_get_int (reply, "updated", FALSE, 0, G_MAXINT32, &updated, NULL);
  if (dry_run)
    /* Translators: the result of "Check"; the second number counts items updated. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The file is ready: %d item would be imported, %d "
                                         "updated. Nothing has been written yet.",
                                         "The file is ready: %d items would be imported, %d "
                                         "updated. Nothing has been written yet.",
                                         (gulong) imported),
                            (int) imported, (int) updated);
  else
    /* Translators: the result of an import; the second number counts items updated. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d item imported, %d updated",
                                         "%d items imported, %d updated", (gulong) imported),
                            (int) imported, (int) updated);
  show_label (self->result_label, text);
}

typedef struct
{
  LpImportDialog *self;
  gboolean        dry_run;
} Sending;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autofree Sending *sending = user_data;
  g_autoptr(LpImportDialog) self = sending->self;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(GError) error = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &reply, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->imported = reply != NULL && !sending->dry_run;
  set_busy (self, NULL);
  if (reply == NULL)
    show_error (self, error);
  else
    show_result (self, reply, sending->dry_run);
}

static void
send (LpImportDialog *self,
      gboolean        dry_run)
{
  gboolean upsert = gtk_switch_get_active (self->upsert_switch);
  gboolean create = gtk_switch_get_active (self->categories_switch);
  const char *query[] = {
    "dry_run", dry_run ? "true" : NULL,
    "mode", upsert ? "upsert" : NULL,
    "create_categories", create ? "true" : NULL,
    NULL
  };
  Sending *sending;

  if (self->busy || self->csv == NULL || self->imported)
    return;
  clear_outcome (self);
  set_busy (self, dry_run ? _("Checking every row…") : _("Importing…"));
  sending = g_new0 (Sending, 1);
  sending->self = g_object_ref (self);
  sending->dry_run = dry_run;
  lp_api_client_call_bytes_async (lp_session_get_client (self->session), &LP_API_ITEMS_IMPORT,
                                  NULL, query, "text/csv; charset=utf-8", self->csv,
                                  self->cancellable, on_sent, sending);
}

static void
check_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  send (LP_IMPORT_DIALOG (widget), TRUE);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  send (LP_IMPORT_DIALOG (widget), FALSE);
}

static void
lp_import_dialog_dispose (GObject *object)
{
  LpImportDialog *self = (LpImportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->csv, g_bytes_unref);

  G_OBJECT_CLASS (lp_import_dialog_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpImportDialog, name)

static void
lp_import_dialog_class_init (LpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/admin/lp-import-dialog.ui");
  BIND (file_row);
  BIND (upsert_switch);
  BIND (categories_switch);
  BIND (progress_bar);
  BIND (result_label);
  BIND (problem_label);
  BIND (problems_group);
  BIND (problems_list);
  BIND (preview_group);
  BIND (preview_grid);
  gtk_widget_class_bind_template_child_full (widget_class, "check_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "import_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "choose_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_activated);
  gtk_widget_class_install_action (widget_class, "import.open-file", "s", open_file_activated);
  gtk_widget_class_install_action (widget_class, "import.check", NULL, check_activated);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "import.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

#undef BIND

static void
lp_import_dialog_init (LpImportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

LpImportDialog *
lp_import_dialog_new (LpSession *session)
{
  LpImportDialog *self;

  g_return_val_if_fail (LP_IS_SESSION (session), NULL);

  self = g_object_new (LP_TYPE_IMPORT_DIALOG, NULL);
  self->session = g_object_ref (session);
  return self;
}
