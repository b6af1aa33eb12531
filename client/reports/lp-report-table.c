/* lp-report-table.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-report-table"

#include "config.h"

#include "lp-report-table.h"

#include <glib/gi18n-lib.h>

/* HACK: a GtkColumnView under-reports its natural height in a scrolled window (rows are
 * measured lazily), so a short table was cut in half: ask for room for its rows, up to
 * MAX_HEIGHT, then scroll. */
#define ROW_HEIGHT    24
#define HEADER_HEIGHT 40
#define MAX_HEIGHT    320

struct _LpReportTable
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  GtkScrolledWindow *scrolled;
  GtkColumnView  *view;
  GListStore     *rows;
  GPtrArray      *pending;   /* rows appended, not yet in :rows */
  guint           flush_id;
  char          **columns;
};

G_DEFINE_FINAL_TYPE (LpReportTable, lp_report_table, GTK_TYPE_WIDGET)

static void
update_state (LpReportTable *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0;

  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "rows");
  gtk_scrolled_window_set_min_content_height (self->scrolled,
                                              MIN (HEADER_HEIGHT + (int) n * ROW_HEIGHT,
                                                   MAX_HEIGHT));
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_list_item_set_child (item, label);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "lp-column"));
  GtkStringList *row = gtk_list_item_get_item (item);
  const char *text = gtk_string_list_get_string (row, column);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  /* A cut-off cell can still be read in full. */
  gtk_widget_set_tooltip_text (label, text != NULL && *text != '\0' ? text : NULL);
}

static void
remove_columns (LpReportTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->view, column);
    }
}

void
lp_report_table_set_columns (LpReportTable      *self,
                             const char * const *titles)
{
  g_return_if_fail (LP_IS_REPORT_TABLE (self));
  g_return_if_fail (titles != NULL);

  remove_columns (self);
  g_strfreev (self->columns);
  self->columns = g_strdupv ((char **) titles);
  for (guint i = 0; titles[i] != NULL; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "lp-column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind), NULL);
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->view, column);
    }
  lp_report_table_clear (self);
}

const char * const *
lp_report_table_get_columns (LpReportTable *self)
{
  g_return_val_if_fail (LP_IS_REPORT_TABLE (self), NULL);

  return (const char * const *) self->columns;
}

/* Rows go into the model in one splice: a report of thousands of rows, appended one by
 * one, made the column view (and its scrolled window) react thousands of times. */
static void
flush (LpReportTable *self)
{
  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (self->pending->len == 0)
    return;
  g_list_store_splice (self->rows, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), 0,
                       self->pending->pdata, self->pending->len);
  g_ptr_array_set_size (self->pending, 0);
  update_state (self);
}

static gboolean
on_flush (gpointer user_data)
{
  LpReportTable *self = user_data;

  self->flush_id = 0;
  flush (self);
  return G_SOURCE_REMOVE;
}

void
lp_report_table_clear (LpReportTable *self)
{
  g_return_if_fail (LP_IS_REPORT_TABLE (self));

  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_ptr_array_set_size (self->pending, 0);
  g_list_store_remove_all (self->rows);
  update_state (self);
}

void
lp_report_table_append (LpReportTable      *self,
                        const char * const *cells)
{
  g_autoptr(GtkStringList) row = NULL;
  guint n;

  g_return_if_fail (LP_IS_REPORT_TABLE (self));
  g_return_if_fail (self->columns != NULL);

  n = g_strv_length (self->columns);
  row = gtk_string_list_new (NULL);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (row, cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (self->pending, g_steal_pointer (&row));
  /* Before the next frame is drawn (GTK redraws at a lower priority). */
  if (self->flush_id == 0)
    self->flush_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_flush, self, NULL);
}

GListModel *
lp_report_table_get_rows (LpReportTable *self)
{
  g_return_val_if_fail (LP_IS_REPORT_TABLE (self), NULL);

  flush (self);
  return G_LIST_MODEL (self->rows);
}

static void
lp_report_table_dispose (GObject *object)
{
  LpReportTable *self = (LpReportTable *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->flush_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->columns, g_strfreev);

  G_OBJECT_CLASS (lp_report_table_parent_class)->dispose (object);
}

static void
lp_report_table_class_init (LpReportTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_report_table_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lp_report_table_init (LpReportTable *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = gtk_label_new (_("Nothing to show for this period."));
  g_autoptr(GtkNoSelection) selection = NULL;

  self->rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), MAX_HEIGHT);
  self->scrolled = GTK_SCROLLED_WINDOW (scrolled);
  gtk_widget_add_css_class (scrolled, "card");

  gtk_label_set_xalign (GTK_LABEL (empty), 0);
  gtk_widget_add_css_class (empty, "dim-label");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, scrolled, "rows");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  update_state (self);
}

LpReportTable *
lp_report_table_new (void)
{
  return g_object_new (LP_TYPE_REPORT_TABLE, NULL);
}
