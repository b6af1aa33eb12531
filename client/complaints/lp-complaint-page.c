/* lp-complaint-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-complaint-page"

#include "config.h"

#include "lp-complaint-page.h"

#include "lp-complaint-row.h"
#include "lp-enums.h"
#include "lp-error.h"
#include "lp-format.h"
#include "lp-photo-strip.h"
#include "lp-property-row.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>

#define NOTE_MAX_CHARS 2000

struct _LpComplaintPage
{
  LpPage             parent_instance;

  GtkStack          *page_stack;
  GtkSpinner        *page_spinner;
  AdwStatusPage     *error_page;
  GtkScrolledWindow *scrolled_window;
  AdwPreferencesGroup *photos_group;
  AdwBin            *photos_bin;
  AdwActionRow      *loan_row;
  AdwPreferencesGroup *handling_group;
  AdwEntryRow       *note_row;
  GtkWidget         *add_note_button;
  GtkWidget         *progress_button;
  GtkWidget         *done_button;
  GtkWidget         *close_button;
  GtkLabel          *problem_label;
  GtkListBox        *notes_list;

  LpPhotoStrip      *photos;
  GCancellable      *cancellable;   /* the current load and change; replaced by each load */
  LpComplaintObject *complaint;     /* the complaint shown; NULL while loading */
  char              *complaint_id;  /* the complaint shown or loading */
  char              *done_message;  /* the toast of the change in flight */
  gboolean           busy;
};

G_DEFINE_FINAL_TYPE (LpComplaintPage, lp_complaint_page, LP_TYPE_PAGE)

enum {
  PROP_0,
  PROP_COMPLAINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void fetch_complaint (LpComplaintPage *self);

/*
 * Template callbacks: the details of lp-complaint-page.ui are bound to :complaint.
 */

static char *
ref_name (LpComplaintPage *self,
          LpRefObject     *ref)
{
  return g_strdup (ref != NULL ? lp_api_object_get_string (ref, "name") : NULL);
}

static char *
item_text (LpComplaintPage *self,
           LpRefObject     *item)
{
  if (item == NULL)
    return NULL;
  /* Translators: an item's name and its code, e.g. "Mikroskop Binokuler (LAB-001)". */
  return g_strdup_printf (_("%s (%s)"), lp_api_object_get_string (item, "name"),
                          lp_api_object_get_string (item, "code"));
}

static char *
reporter_text (LpComplaintPage *self,
               LpRefObject     *reporter,
               gboolean         is_system)
{
  if (reporter == NULL)
    return g_strdup (is_system ? _("Opened automatically when the item was returned lost")
                               : NULL);
  /* Translators: a person's full name and user name, e.g. "Andi Pratama (siswa.andi)". */
  return g_strdup_printf (_("%s (%s)"), lp_api_object_get_string (reporter, "full-name"),
                          lp_api_object_get_string (reporter, "username"));
}

static char *
time_text (LpComplaintPage *self,
           GDateTime       *time)
{
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  return local != NULL ? lp_format_time_long (local) : NULL;
}

static char *
status_text (LpComplaintPage   *self,
             LpComplaintStatus  status)
{
  return g_strdup (_(lp_complaint_status_label (status)));
}

static GStrv
status_classes (LpComplaintPage   *self,
                LpComplaintStatus  status)
{
  return lp_complaint_row_status_classes (status);
}

static gboolean
has_text (LpComplaintPage *self,
          const char      *text)
{
  return text != NULL && *text != '\0';
}

/*
 * The timeline
 */

static GtkWidget *
timeline_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One entry: who and when, the status change if any, and the text. */
static GtkWidget *
timeline_entry (const char *who,
                GDateTime  *when,
                const char *change,
                const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *time = time_text (NULL, when);
  g_autofree char *header = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label;

  /* Translators: who wrote a note and when, e.g. "Rina Wulandari · 9 January 2026, 10:15". */
  header = g_strdup_printf (_("%s · %s"), who, time != NULL ? time : "");
  gtk_box_append (GTK_BOX (box), timeline_label (header, "caption"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
  if (change != NULL)
    gtk_box_append (GTK_BOX (box), timeline_label (change, "heading"));
  if (text != NULL && *text != '\0')
    {
      label = timeline_label (text, NULL);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* A nullable status is "waiting" when absent, and no change ever leads back to waiting:
 * a note changed the status exactly when its status_to is another one. */
static GtkWidget *
note_entry (LpComplaintNoteObject *note)
{
  LpRefObject *author = lp_api_object_get_object (note, "author");
  LpComplaintStatus to = lp_api_object_get_enum (note, "status-to");
  g_autofree char *change = NULL;
  const char *who = author != NULL ? lp_api_object_get_string (author, "full-name") : NULL;

  if (to != LP_COMPLAINT_STATUS_WAITING)
    /* Translators: a change of a complaint's status, e.g. "Waiting → In progress". */
    change = g_strdup_printf (_("%s → %s"),
                              _(lp_complaint_status_label (lp_api_object_get_enum (note, "status-from"))),
                              _(lp_complaint_status_label (to)));
  return timeline_entry (who != NULL ? who : _("Library"),
                         lp_api_object_get_boxed (note, "created-at"), change,
                         lp_api_object_get_string (note, "text"));
}

/* Oldest first, as the server lists the notes: the filing, then each step. */
static void
show_timeline (LpComplaintPage   *self,
               LpComplaintObject *complaint)
{
  GListModel *notes = lp_api_object_get_object (complaint, "notes");
  LpRefObject *reporter = lp_api_object_get_object (complaint, "reporter");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list))) != NULL)
    gtk_list_box_remove (self->notes_list, child);
  gtk_list_box_append (self->notes_list,
                       timeline_entry (reporter != NULL
                                       ? lp_api_object_get_string (reporter, "full-name")
                                       : _("Library"),
                                       lp_api_object_get_boxed (complaint, "created-at"),
                                       _("Complaint filed"), NULL));
  for (guint i = 0; notes != NULL && i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(LpComplaintNoteObject) note = g_list_model_get_item (notes, i);

      gtk_list_box_append (self->notes_list, note_entry (note));
    }
}

/*
 * Handling (staff and admins)
 */

static gboolean
is_desk (LpComplaintPage *self)
{
  LpSession *session = lp_page_get_session (LP_PAGE (self));

  return session != NULL && (lp_session_get_role (session) & LP_ROLES_DESK) != 0;
}

/* Only the steps the server allows from the status shown are offered. */
static void
update_actions (LpComplaintPage *self)
{
  LpComplaintStatus status = self->complaint != NULL
                             ? lp_api_object_get_enum (self->complaint, "status")
                             : LP_COMPLAINT_STATUS_CLOSED;
  struct { GtkWidget *button; LpComplaintStatus to; } steps[] = {
    { self->progress_button, LP_COMPLAINT_STATUS_IN_PROGRESS },
    { self->done_button, LP_COMPLAINT_STATUS_DONE },
    { self->close_button, LP_COMPLAINT_STATUS_CLOSED },
  };

  gtk_widget_set_visible (GTK_WIDGET (self->handling_group), is_desk (self));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_widget_set_visible (steps[i].button, self->complaint != NULL &&
                            lp_complaint_status_can_transition (status, steps[i].to));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaint.set-status",
                                 !self->busy && self->complaint != NULL && is_desk (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaint.add-note",
                                 !self->busy && self->complaint != NULL && is_desk (self));
}

static void
show_problem (LpComplaintPage *self,
              const char      *text)
{
  gtk_label_set_label (self->problem_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text != NULL);
}

static void
show_photos (LpComplaintPage   *self,
             LpComplaintObject *complaint)
{
  const char * const *ids = lp_api_object_get_boxed (complaint, "attachment-ids");

  if (self->photos == NULL)
    {
      self->photos = LP_PHOTO_STRIP (lp_photo_strip_new (lp_page_get_client (LP_PAGE (self)),
                                                         FALSE));
      adw_bin_set_child (self->photos_bin, GTK_WIDGET (self->photos));
    }
  lp_photo_strip_show_ids (self->photos, ids);
  gtk_widget_set_visible (GTK_WIDGET (self->photos_group), ids != NULL && ids[0] != NULL);
}

static void
show_loan (LpComplaintPage   *self,
           LpComplaintObject *complaint)
{
  const char *loan_id = lp_api_object_get_string (complaint, "loan-id");
  const char *code = lp_api_object_get_string (complaint, "loan-code");

  gtk_widget_set_visible (GTK_WIDGET (self->loan_row), loan_id != NULL);
  if (loan_id == NULL)
    return;
  adw_action_row_set_subtitle (self->loan_row, code != NULL ? code : "");
  /* Name and target together: an action row with a name but no target yet warns. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->loan_row), "(ss)", "loan", loan_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->loan_row), "win.open");
}

static gboolean
same_ids (const char * const *a,
          const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

static void
show_complaint (LpComplaintPage   *self,
                LpComplaintObject *complaint)
{
  gboolean photos_changed = TRUE;

  if (self->complaint != NULL)
    {
      photos_changed = !same_ids (lp_api_object_get_boxed (self->complaint, "attachment-ids"),
                                  lp_api_object_get_boxed (complaint, "attachment-ids"));
      lp_api_object_update (self->complaint, complaint);   /* a refresh: the bindings follow */
    }
  else
    {
      self->complaint = g_object_ref (complaint);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
    }
  if (photos_changed)
    show_photos (self, complaint);
  show_loan (self, complaint);
  show_timeline (self, complaint);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->page_stack, "content");
}

static void
on_complaint_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LpComplaintPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpComplaintObject) complaint = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &complaint, NULL,
                             &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->page_spinner, FALSE);
  if (complaint != NULL)
    {
      show_complaint (self, complaint);
      return;
    }
  if (self->complaint != NULL)
    {
      /* A refresh failed: what is shown stays, with the reason. */
      show_problem (self, error->message);
      return;
    }
  adw_status_page_set_description (self->error_page,
                                   g_error_matches (error, LP_ERROR, LP_ERROR_NOT_FOUND)
                                   ? _("This complaint does not exist, or it is not yours to see.")
                                   : error->message);
  gtk_stack_set_visible_child_name (self->page_stack, "error");
}

static void
fetch_complaint (LpComplaintPage *self)
{
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_COMPLAINTS_GET,
                            (const char *[]) { self->complaint_id, NULL }, NULL, NULL,
                            self->cancellable, on_complaint_loaded, g_object_ref (self));
}

static void
load (LpComplaintPage *self,
      const char      *id)
{
  g_return_if_fail (lp_page_get_client (LP_PAGE (self)) != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = FALSE;
  if (self->complaint_id != id)
    {
      g_free (self->complaint_id);
      self->complaint_id = g_strdup (id);
    }
  if (self->complaint != NULL)
    {
      g_clear_object (&self->complaint);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
    }
  show_problem (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->note_row), "error");
  update_actions (self);
  gtk_spinner_set_spinning (self->page_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->page_stack, "loading");
  fetch_complaint (self);
}

/* What a desk officer should read when the server refused a change. */
static char *
explain_error (const GError *error)
{
  GHashTable *fields = lp_error_get_fields (error);
  const char *problem = fields != NULL ? g_hash_table_lookup (fields, "note") : NULL;

  if (problem == NULL && fields != NULL)
    problem = g_hash_table_lookup (fields, "text");
  if (g_error_matches (error, LP_ERROR, LP_ERROR_INVALID_TRANSITION))
    return g_strdup (_("The status of this complaint was changed meanwhile, at another desk. "
                       "The page now shows it as it is."));
  if (problem != NULL)
    /* Translators: a form field's title and what is wrong with it. */
    return g_strdup_printf (_("%s: %s"), _("Note"), _(problem));
  return g_strdup (error->message);
}

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LpComplaintPage) self = user_data;
  g_autoptr(GObject) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &value, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (value != NULL)
    {
      show_problem (self, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
      lp_page_add_toast (LP_PAGE (self), self->done_message);
    }
  else
    {
      problem = explain_error (error);
      show_problem (self, problem);
      if (lp_error_get_fields (error) != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->note_row), "error");
    }
  /* Whatever happened, the page shows the server's state now, never a stale one. */
  if (LP_IS_COMPLAINT_OBJECT (value))
    show_complaint (self, LP_COMPLAINT_OBJECT (value));
  else
    fetch_complaint (self);
  update_actions (self);
}

/* The note as typed, or NULL with the problem shown when it cannot be sent. */
static const char *
checked_note (LpComplaintPage *self,
              guint            min_chars)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  const char *problem = lp_validate_text (note, min_chars, NOTE_MAX_CHARS, TRUE);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->note_row), "error");
  if (problem == NULL)
    return note;
  gtk_widget_add_css_class (GTK_WIDGET (self->note_row), "error");
  /* Translators: a form field's title and what is wrong with it. */
  text = g_strdup_printf (_("%s: %s"), _("Note"), _(problem));
  show_problem (self, text);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
  return NULL;
}

static void
send (LpComplaintPage     *self,
      const LpApiEndpoint *endpoint,
      JsonNode            *body,
      char                *done_message)
{
  self->busy = TRUE;
  update_actions (self);
  g_free (self->done_message);
  self->done_message = done_message;
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), endpoint,
                            (const char *[]) { self->complaint_id, NULL }, NULL, body,
                            self->cancellable, on_changed, g_object_ref (self));
}

static void
set_status_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LpComplaintPage *self = LP_COMPLAINT_PAGE (widget);
  LpComplaintStatus to;
  g_autoptr(JsonNode) body = NULL;
  const char *note;

  if (self->busy || self->complaint == NULL ||
      !lp_complaint_status_from_string (g_variant_get_string (parameter, NULL), &to) ||
      (note = checked_note (self, 0)) == NULL)
    return;
  body = lp_api_body_new ("status", lp_complaint_status_to_string (to),
                          "note", *note != '\0' ? note : NULL, NULL);
  /* Translators: a notification; %s is a complaint status such as "In progress". */
  send (self, &LP_API_COMPLAINTS_STATUS, body,
        g_strdup_printf (_("Status changed to “%s”"), _(lp_complaint_status_label (to))));
}

static void
add_note_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LpComplaintPage *self = LP_COMPLAINT_PAGE (widget);
  g_autoptr(JsonNode) body = NULL;
  const char *note;

  if (self->busy || self->complaint == NULL || (note = checked_note (self, 1)) == NULL)
    return;
  body = lp_api_body_new ("text", note, NULL);
  send (self, &LP_API_COMPLAINTS_NOTES, body, g_strdup (_("Note added")));
}

/*
 * LpPage
 */

static void
lp_complaint_page_role_changed (LpPage *page)
{
  update_actions (LP_COMPLAINT_PAGE (page));
}

/* The complaint shown changed on the server (a note, a status): shown again at once,
 * without the loading page. */
static void
lp_complaint_page_event (LpPage     *page,
                         const char *type,
                         const char *id)
{
  LpComplaintPage *self = LP_COMPLAINT_PAGE (page);

  if (g_strcmp0 (type, "complaint.changed") == 0 && g_strcmp0 (id, self->complaint_id) == 0 &&
      self->complaint != NULL && !self->busy)
    fetch_complaint (self);
}

static void
lp_complaint_page_reload (LpPage *page)
{
  LpComplaintPage *self = LP_COMPLAINT_PAGE (page);

  if (self->complaint_id != NULL && !self->busy)
    fetch_complaint (self);
}

static void
lp_complaint_page_open (LpPage     *page,
                        const char *id)
{
  load (LP_COMPLAINT_PAGE (page), id);
}

static void
lp_complaint_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COMPLAINT:
      g_value_set_object (value, LP_COMPLAINT_PAGE (object)->complaint);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_complaint_page_dispose (GObject *object)
{
  LpComplaintPage *self = (LpComplaintPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_COMPLAINT_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->complaint);

  G_OBJECT_CLASS (lp_complaint_page_parent_class)->dispose (object);
}

static void
lp_complaint_page_finalize (GObject *object)
{
  LpComplaintPage *self = (LpComplaintPage *) object;

  g_free (self->complaint_id);
  g_free (self->done_message);

  G_OBJECT_CLASS (lp_complaint_page_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpComplaintPage, name)

static void
lp_complaint_page_class_init (LpComplaintPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_complaint_page_dispose;
  object_class->finalize = lp_complaint_page_finalize;
  object_class->get_property = lp_complaint_page_get_property;
  page_class->role_changed = lp_complaint_page_role_changed;
  page_class->event = lp_complaint_page_event;
  page_class->reload = lp_complaint_page_reload;
  page_class->open = lp_complaint_page_open;

  properties[PROP_COMPLAINT] =
    g_param_spec_object ("complaint", NULL, NULL, LP_TYPE_COMPLAINT_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LP_TYPE_PROPERTY_ROW);
  g_type_ensure (LP_TYPE_REF_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/complaints/lp-complaint-page.ui");
  BIND (page_stack);
  BIND (page_spinner);
  BIND (error_page);
  BIND (scrolled_window);
  BIND (photos_group);
  BIND (photos_bin);
  BIND (loan_row);
  BIND (handling_group);
  BIND (note_row);
  BIND (add_note_button);
  BIND (progress_button);
  BIND (done_button);
  BIND (close_button);
  BIND (problem_label);
  BIND (notes_list);
  gtk_widget_class_bind_template_callback (widget_class, ref_name);
  gtk_widget_class_bind_template_callback (widget_class, item_text);
  gtk_widget_class_bind_template_callback (widget_class, reporter_text);
  gtk_widget_class_bind_template_callback (widget_class, time_text);
  gtk_widget_class_bind_template_callback (widget_class, status_text);
  gtk_widget_class_bind_template_callback (widget_class, status_classes);
  gtk_widget_class_bind_template_callback (widget_class, has_text);

  gtk_widget_class_install_action (widget_class, "complaint.set-status", "s",
                                   set_status_activated);
  gtk_widget_class_install_action (widget_class, "complaint.add-note", NULL, add_note_activated);
}

#undef BIND

static void
lp_complaint_page_init (LpComplaintPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}
