/* lp-admin-form.h — the inline problems of the admin pages' forms.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * A form of an admin page (a user, a category, an item, the settings) is a list of rows,
 * each followed by a hidden AdwActionRow that says, in red, what is wrong with it. The
 * client's own checks (common/lp-validation.h) and the server's "fields" land in the
 * same place, so a librarian reads the problem right under the field it is about. What
 * belongs to no field goes to the form's general label.
 */

typedef struct
{
  const char *field;    /* the API's member name: "full_name", "stock_total" */
  GtkWidget  *row;      /* the row the value is typed or chosen in */
  GtkWidget  *problem;  /* the AdwActionRow under it */
} LpFormField;

/*
 * The fields as the template names them: field i is the API's member @members[i], its
 * row the template child "<ids[i]>_row" and its problem "<ids[i]>_problem" (@ids may be
 * @members). lp_form_class_bind() binds those children in class_init; lp_form_init()
 * fills @fields from them after gtk_widget_init_template().
 */
void        lp_form_class_bind        (GtkWidgetClass    *widget_class,
                                       const char *const *ids,
                                       guint              n_fields);
void        lp_form_init              (LpFormField       *fields,
                                       GtkWidget         *widget,
                                       GType              widget_type,
                                       const char *const *members,
                                       const char *const *ids,
                                       guint              n_fields);

/* Shows @message (English, translated here; NULL hides it) under @field's row. */
void        lp_form_field_set_problem (const LpFormField *field,
                                       const char        *message);
/* Hides every problem and the general label. */
void        lp_form_clear             (const LpFormField *fields,
                                       guint              n_fields,
                                       GtkLabel          *general);
/* Shows @message in the general label (NULL hides it). */
void        lp_form_set_general       (GtkLabel          *general,
                                       const char        *message);
/* Puts the server's field problems of @error under their rows; @explanation (the page's
 * words for a refusal it knows, or NULL) replaces them, under the first field named, or
 * in the general label when the error names no field of the form. */
void        lp_form_show_error        (const LpFormField *fields,
                                       guint              n_fields,
                                       GtkLabel          *general,
                                       const GError      *error,
                                       const char        *explanation);
/* Whether any problem is shown. */
gboolean    lp_form_has_problems      (const LpFormField *fields,
                                       guint              n_fields);
/* The text of an editable row, trimmed into a new string. */
char       *lp_form_row_text          (GtkWidget         *row);
/* The integer typed into an editable row: FALSE unless it is a whole number (spaces
 * and thousands separators '.' and ',' are allowed). */
gboolean    lp_form_row_int           (GtkWidget         *row,
                                       gint64            *value);

G_END_DECLS
