/* lp-editor-page.h — an admin page of records: a list, and the form of one beside it.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-admin-form.h"
#include "lp-page.h"

G_BEGIN_DECLS

/*
 * The items, the users and the categories are edited the same way: a click on a row
 * opens it in the form beside the list, "New" opens an empty form, Ctrl+S saves (a new
 * record, or what changed), Escape closes the form, and Delete asks first. The base does
 * those round trips: the "<actions>.new", ".save", ".cancel" and ".delete" actions and
 * their keys, the busy state, the server's refusals under the fields they are about,
 * the toast, and reloading the list. A page says what its records look like.
 *
 * Its template's child is an AdwLeaflet of "list_pane", "form_separator" (not
 * navigatable) and "form_pane"; "form_title", "form_error" and "delete_button"; for each field a row "<id>_row" and a problem "<id>_problem", and
 * its list view's ::activate calls "on_activate" (swapped).
 */

#define LP_TYPE_EDITOR_PAGE (lp_editor_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (LpEditorPage, lp_editor_page, LP, EDITOR_PAGE, LpPage)

typedef struct
{
  const char          *actions;         /* the actions' group: "items" */
  const LpApiEndpoint *create;
  const LpApiEndpoint *update;          /* {id} */
  const LpApiEndpoint *remove;          /* {id} */
  const char          *name_property;   /* the record's name, for titles: "name" */
  const char          *new_title;       /* N_("New Item") */
  const char          *delete_body;     /* N_() */
  const char          *deleted;         /* N_("Item deleted"), the toast */
} LpEditorInfo;

struct _LpEditorPageClass
{
  LpPageClass parent_class;

  /* Puts @record (NULL: a new one) into the rows, which were cleared of problems. */
  void        (*fill)          (LpEditorPage *self,
                                gpointer      record);
  /* The client's own checks: each problem under its field (lp_form_field_set_problem). */
  void        (*check)         (LpEditorPage *self);
  /* The request body of a save: what changed (an empty object: nothing did). */
  JsonNode   *(*body)          (LpEditorPage *self);
  /* The page's words for a refusal it knows, or NULL. */
  const char *(*explain_error) (LpEditorPage *self,
                                const GError *error);
  /* A delete was refused because the record is in use: offer what can be done instead.
   * NULL: explain_error() says why. */
  void        (*offer_instead) (LpEditorPage *self);
  /* The question before deleting @record: "Delete …?" (a new string). */
  char       *(*delete_heading) (LpEditorPage *self,
                                 gpointer      record);
  /* The toast of a saved record (a new string). */
  char       *(*saved_text)    (LpEditorPage *self,
                                gpointer      record);
  /* The page's own state follows: its count, its other actions. */
  void        (*update_state)  (LpEditorPage *self);

  /*< private >*/
  const LpEditorInfo *info;
  gpointer padding[4];
};

/* In class_init, after the template is set: @info (static) and the actions. */
void          lp_editor_page_class_setup (LpEditorPageClass *klass,
                                          const LpEditorInfo *info);
/* In init, after gtk_widget_init_template(): the page's fields (kept by the page). */
void          lp_editor_page_set_fields  (LpEditorPage      *self,
                                          LpFormField       *fields,
                                          guint              n_fields);

/* The record in the form (NULL while a new one is made, or when the form is closed). */
gpointer      lp_editor_page_get_editing (LpEditorPage      *self);
/* Whether a save or a delete is on its way. */
gboolean      lp_editor_page_get_busy    (LpEditorPage      *self);
/* Opens the form on @record, or on a new one (NULL). */
void          lp_editor_page_show        (LpEditorPage      *self,
                                          gpointer           record);
void          lp_editor_page_hide        (LpEditorPage      *self);
/* Saves @body: the record in the form, or a new one. */
void          lp_editor_page_send        (LpEditorPage      *self,
                                          JsonNode          *body);
/* Shows @message (NULL hides it) in the form's own line, under all fields. */
void          lp_editor_page_set_general (LpEditorPage      *self,
                                          const char        *message);
/* Calls the class's update_state(), with the base's actions. */
void          lp_editor_page_update_state (LpEditorPage     *self);

G_END_DECLS
