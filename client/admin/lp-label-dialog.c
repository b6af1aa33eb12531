/* lp-label-dialog.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-label-dialog"

#include "config.h"

#include "lp-label-dialog.h"

#include "lp-print-job.h"

#include <glib/gi18n-lib.h>

struct _LpLabelDialog
{
  AdwWindow       parent_instance;

  GtkLabel       *summary_label;
  AdwComboRow    *preset_row;
  GtkSpinButton  *rows_spin;
  GtkSpinButton  *columns_spin;
  GtkSpinButton  *margin_top_spin;
  GtkSpinButton  *margin_side_spin;
  GtkSpinButton  *gap_x_spin;
  GtkSpinButton  *gap_y_spin;
  GtkLabel       *error_label;

  LpLabelSheet   *sheet;
  guint           n_presets;
  gboolean        filling;   /* the spins follow a preset: not an edit */
};

G_DEFINE_FINAL_TYPE (LpLabelDialog, lp_label_dialog, ADW_TYPE_WINDOW)

/* Who hears how a job ended: the window the dialog was opened from. */
typedef struct
{
  GtkWindow        *window;   /* weak */
  LpLabelSheetKind  kind;
} Outcome;

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_clear_weak_pointer (&outcome->window);
  g_free (outcome);
}

static void
on_job_done (const char   *pdf_path,
             const GError *error,
             gpointer      user_data)
{
  Outcome *outcome = user_data;
  g_autofree char *text = NULL;

  if (outcome->window == NULL ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    /* Translators: %s says why, e.g. "No space left on device". */
    text = g_strdup_printf (_("The sheet could not be made: %s"), error->message);
  else if (pdf_path != NULL && outcome->kind == LP_LABEL_SHEET_MEMBER_CARDS)
    /* Translators: %s is a file name, e.g. "member-cards.pdf". */
    text = g_strdup_printf (_("Member cards saved as %s"), pdf_path);
  else if (pdf_path != NULL)
    /* Translators: %s is a file name, e.g. "labels.pdf". */
    text = g_strdup_printf (_("Labels saved as %s"), pdf_path);
  if (text != NULL)
    gtk_widget_activate_action (GTK_WIDGET (outcome->window), "win.toast", "s", text);
}

static void
read_grid (LpLabelDialog *self,
           LpLabelGrid   *grid)
{
  grid->rows = gtk_spin_button_get_value_as_int (self->rows_spin);
  grid->columns = gtk_spin_button_get_value_as_int (self->columns_spin);
  grid->margin_top = grid->margin_bottom = gtk_spin_button_get_value (self->margin_top_spin);
  grid->margin_left = grid->margin_right = gtk_spin_button_get_value (self->margin_side_spin);
  grid->gap_x = gtk_spin_button_get_value (self->gap_x_spin);
  grid->gap_y = gtk_spin_button_get_value (self->gap_y_spin);
}

static void
update_summary (LpLabelDialog *self,
                gboolean       fits)
{
  guint labels = lp_label_sheet_get_n_labels (self->sheet);
  guint pages = lp_label_sheet_get_n_pages (self->sheet);
  g_autofree char *count = NULL;
  g_autofree char *sheets = NULL;
  g_autofree char *text = NULL;

  if (lp_label_sheet_get_kind (self->sheet) == LP_LABEL_SHEET_MEMBER_CARDS)
    /* Translators: the number of cards to print. */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member card", "%u member cards",
                                          labels), labels);
  else
    /* Translators: the number of labels to print. */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u label", "%u labels", labels),
                             labels);
  /* Translators: how many sheets of paper the labels take. */
  sheets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sheet of A4", "%u sheets of A4",
                                         pages), pages);
  text = g_strdup_printf ("%s · %s", count, sheets);
  gtk_label_set_label (self->summary_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !fits);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "label.print", fits);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "label.save-pdf", fits);
}

/* Template callback: a spin button moved. */
static void
on_grid_changed (LpLabelDialog *self)
{
  LpLabelGrid grid;

  if (self->filling)
    return;
  read_grid (self, &grid);
  update_summary (self, lp_label_sheet_set_grid (self->sheet, &grid));
}

static void
fill_spins (LpLabelDialog     *self,
            const LpLabelGrid *grid)
{
  self->filling = TRUE;
  gtk_spin_button_set_value (self->rows_spin, grid->rows);
  gtk_spin_button_set_value (self->columns_spin, grid->columns);
  gtk_spin_button_set_value (self->margin_top_spin, grid->margin_top);
  gtk_spin_button_set_value (self->margin_side_spin, grid->margin_left);
  gtk_spin_button_set_value (self->gap_x_spin, grid->gap_x);
  gtk_spin_button_set_value (self->gap_y_spin, grid->gap_y);
  self->filling = FALSE;
  on_grid_changed (self);
}

static const LpLabelPreset *
presets_of (LpLabelDialog *self)
{
  return lp_label_sheet_presets (lp_label_sheet_get_kind (self->sheet));
}

/* Template callback: a sticker sheet chosen fills the numbers; "Custom" lets them be
 * typed. */
static void
on_preset_changed (LpLabelDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->preset_row);
  gboolean custom = selected >= self->n_presets;
  GtkSpinButton *spins[] = { self->rows_spin, self->columns_spin, self->margin_top_spin,
                             self->margin_side_spin, self->gap_x_spin, self->gap_y_spin };

  if (self->sheet == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (spins[i]), custom);
  if (!custom)
    fill_spins (self, &presets_of (self)[selected].grid);
}

static void
run (LpLabelDialog  *self,
     LpPrintJobKind  kind,
     const char     *pdf_path)
{
  g_autoptr(GtkPrintOperation) operation = lp_label_sheet_new_operation (self->sheet);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean cards = lp_label_sheet_get_kind (self->sheet) == LP_LABEL_SHEET_MEMBER_CARDS;
  Outcome *outcome = g_new0 (Outcome, 1);

  g_set_weak_pointer (&outcome->window, parent);
  outcome->kind = lp_label_sheet_get_kind (self->sheet);
  /* The job goes on from the window behind: this dialog's work is done. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  lp_print_job_run (parent, operation, kind, pdf_path,
                    cards ? _("Save Member Cards as PDF") : _("Save Labels as PDF"),
                    /* Translators: file names the sheets are saved as. */
                    cards ? _("member-cards.pdf") : _("labels.pdf"),
                    on_job_done, outcome, outcome_free);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  run (LP_LABEL_DIALOG (widget), LP_PRINT_JOB_PRINT, NULL);
}

static void
save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  run (LP_LABEL_DIALOG (widget), LP_PRINT_JOB_SAVE_PDF, g_variant_get_string (parameter, NULL));
}

static void
lp_label_dialog_dispose (GObject *object)
{
  LpLabelDialog *self = LP_LABEL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_LABEL_DIALOG);
  g_clear_object (&self->sheet);

  G_OBJECT_CLASS (lp_label_dialog_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpLabelDialog, name)

static void
lp_label_dialog_class_init (LpLabelDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_label_dialog_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/id/lenterapustaka/Lentera/admin/lp-label-dialog.ui");
  BIND (summary_label);
  BIND (preset_row);
  BIND (rows_spin);
  BIND (columns_spin);
  BIND (margin_top_spin);
  BIND (margin_side_spin);
  BIND (gap_x_spin);
  BIND (gap_y_spin);
  BIND (error_label);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "print_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_preset_changed);

  gtk_widget_class_install_action (widget_class, "label.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "label.save-pdf", "s", save_pdf_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "label.print",
                                       NULL);
}

#undef BIND

static void
lp_label_dialog_init (LpLabelDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_label (self->error_label,
                       _("These margins and gaps leave no room for the labels: make them "
                         "smaller, or use fewer rows or columns."));
}

GtkWidget *
lp_label_dialog_new (GtkWindow    *parent,
                     LpLabelSheet *sheet)
{
  LpLabelDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const LpLabelPreset *presets;

  g_return_val_if_fail (LP_IS_LABEL_SHEET (sheet), NULL);

  self = g_object_new (LP_TYPE_LABEL_DIALOG, "transient-for", parent, NULL);
  self->sheet = g_object_ref (sheet);
  presets = lp_label_sheet_presets (lp_label_sheet_get_kind (sheet));
  for (self->n_presets = 0; presets[self->n_presets].name != NULL; self->n_presets++)
    gtk_string_list_append (names, _(presets[self->n_presets].name));
  gtk_string_list_append (names, _("Custom"));
  if (lp_label_sheet_get_kind (sheet) == LP_LABEL_SHEET_MEMBER_CARDS)
    gtk_window_set_title (GTK_WINDOW (self), _("Print Member Cards"));
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Print Labels"));
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->preset_row, 0);
  on_preset_changed (self);
  return GTK_WIDGET (self);
}
