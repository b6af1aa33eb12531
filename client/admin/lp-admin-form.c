/* lp-admin-form.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-admin-form"

#include "config.h"

#include "lp-admin-form.h"

#include "lp-error.h"

#include <glib/gi18n-lib.h>

void
lp_form_class_bind (GtkWidgetClass    *widget_class,
                    const char *const *ids,
                    guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *row_id = g_strdup_printf ("%s_row", ids[i]);
      g_autofree char *problem_id = g_strdup_printf ("%s_problem", ids[i]);

      /* The class keeps the names it is given. */
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (row_id), FALSE, 0);
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (problem_id),
                                                 FALSE, 0);
    }
}

void
lp_form_init (LpFormField       *fields,
              GtkWidget         *widget,
              GType              widget_type,
              const char *const *members,
              const char *const *ids,
              guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *row_id = g_strdup_printf ("%s_row", ids[i]);
      g_autofree char *problem_id = g_strdup_printf ("%s_problem", ids[i]);

      fields[i].field = members[i];
      fields[i].row = GTK_WIDGET (gtk_widget_get_template_child (widget, widget_type, row_id));
      fields[i].problem = GTK_WIDGET (gtk_widget_get_template_child (widget, widget_type,
                                                                     problem_id));
      g_assert (fields[i].row != NULL && fields[i].problem != NULL);
    }
}

void
lp_form_field_set_problem (const LpFormField *field,
                           const char        *message)
{
  g_return_if_fail (field != NULL);

  if (message != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->problem), _(message));
      gtk_widget_add_css_class (field->row, "error");
    }
  else
    gtk_widget_remove_css_class (field->row, "error");
  gtk_widget_set_visible (field->problem, message != NULL);
}

void
lp_form_set_general (GtkLabel   *general,
                     const char *message)
{
  gtk_label_set_label (general, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (general), message != NULL);
}

void
lp_form_clear (const LpFormField *fields,
               guint              n_fields,
               GtkLabel          *general)
{
  for (guint i = 0; i < n_fields; i++)
    lp_form_field_set_problem (&fields[i], NULL);
  lp_form_set_general (general, NULL);
}

gboolean
lp_form_has_problems (const LpFormField *fields,
                      guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (gtk_widget_get_visible (fields[i].problem))
      return TRUE;
  return FALSE;
}

static const LpFormField *
find_field (const LpFormField *fields,
            guint              n_fields,
            const char        *name)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].field, name) == 0)
      return &fields[i];
  return NULL;
}

void
lp_form_show_error (const LpFormField *fields,
                    guint              n_fields,
                    GtkLabel          *general,
                    const GError      *error,
                    const char        *explanation)
{
  GHashTable *problems = lp_error_get_fields (error);
  gboolean placed = FALSE;
  GHashTableIter iter;
  gpointer name, message;

  g_return_if_fail (error != NULL);

  if (problems != NULL)
    {
      g_hash_table_iter_init (&iter, problems);
      while (g_hash_table_iter_next (&iter, &name, &message))
        {
          const LpFormField *field = find_field (fields, n_fields, name);

          /* A known refusal is explained once, under the first field it is about. */
          if (field == NULL || (placed && explanation != NULL))
            continue;
          lp_form_field_set_problem (field, explanation != NULL ? explanation : message);
          placed = TRUE;
        }
    }
  if (!placed)
    lp_form_set_general (general, explanation != NULL ? explanation : error->message);
  else if (explanation == NULL && !g_error_matches (error, LP_ERROR, LP_ERROR_VALIDATION_FAILED))
    lp_form_set_general (general, error->message);
  else
    lp_form_set_general (general, _("Some fields need attention; see the messages under them."));
}

char *
lp_form_row_text (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (row), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

gboolean
lp_form_row_int (GtkWidget *row,
                 gint64    *value)
{
  g_autofree char *text = lp_form_row_text (row);
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != '.' && *p != ',' && *p != ' ')
        return FALSE;
    }
  if (digits->len == 0 || digits->len > 12)
    return FALSE;
  *value = g_ascii_strtoll (digits->str, NULL, 10);
  return TRUE;
}
