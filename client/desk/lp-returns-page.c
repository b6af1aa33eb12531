/* lp-returns-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-returns-page"

#include "config.h"

#include "lp-returns-page.h"

#include "lp-ask.h"
#include "lp-date-button.h"
#include "lp-error.h"
#include "lp-inspection-form.h"
#include "lp-item-filter.h"
#include "lp-paged-model.h"
#include "lp-return-row.h"
#include "lp-scan-field.h"
#include "lp-sound.h"

#include <glib/gi18n-lib.h>

/* The conditions of the drop-down, in its order (seed: Baik, Rusak ringan, Rusak berat,
 * Hilang). */
static const LpItemCondition conditions[] = {
  LP_ITEM_CONDITION_GOOD, LP_ITEM_CONDITION_MINOR_DAMAGE, LP_ITEM_CONDITION_MAJOR_DAMAGE,
  LP_ITEM_CONDITION_LOST,
};

typedef struct
{
  char            *code;
  LpItemCondition  condition;
  gboolean         inspect;   /* the form even for Good: opened from the loan's page */
  GtkWidget       *line;      /* its result line (owned by the list) */
} Scan;

struct _LpReturnsPage
{
  LpPage        parent_instance;

  GtkDropDown  *condition_dropdown;
  LpScanField  *scan_field;
  GtkListBox   *results_list;
  LpDateButton *from_button;
  LpDateButton *to_button;
  GtkDropDown  *history_condition_dropdown;
  LpItemFilter *item_filter;
  GtkStack     *history_stack;
  GtkListView  *history_view;
  AdwStatusPage *history_empty_page;
  AdwStatusPage *history_error_page;

  GQueue        scans;        /* Scan, the first is being handled */
  GCancellable *cancellable;

  LpPagedModel *history;      /* the page's list: NULL unless the role is the desk's */
};

G_DEFINE_FINAL_TYPE (LpReturnsPage, lp_returns_page, LP_TYPE_PAGE)

static void next_scan (LpReturnsPage *self);

static void
scan_free (Scan *scan)
{
  g_free (scan->code);
  g_free (scan);
}

/* A result line: the code, then member · item, then what happened. */
static GtkWidget *
result_line_new (const char *code)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *code_label = gtk_label_new (code);
  GtkWidget *who_label = gtk_label_new (NULL);
  GtkWidget *outcome_label = gtk_label_new (_("Checking…"));

  gtk_widget_add_css_class (code_label, "heading");
  gtk_widget_add_css_class (who_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (code_label), 0);
  gtk_label_set_xalign (GTK_LABEL (who_label), 0);
  gtk_label_set_xalign (GTK_LABEL (outcome_label), 0);
  gtk_label_set_wrap (GTK_LABEL (outcome_label), TRUE);
  gtk_widget_set_visible (who_label, FALSE);
  gtk_box_append (GTK_BOX (box), code_label);
  gtk_box_append (GTK_BOX (box), who_label);
  gtk_box_append (GTK_BOX (box), outcome_label);
  gtk_widget_add_css_class (box, "scan-result");
  g_object_set_data (G_OBJECT (box), "outcome", outcome_label);
  return box;
}

static void
set_who (Scan         *scan,
         LpLoanObject *loan)
{
  GtkWidget *who = gtk_widget_get_next_sibling (gtk_widget_get_first_child (scan->line));
  LpRefObject *user = lp_api_object_get_object (loan, "user");
  LpRefObject *item = lp_api_object_get_object (loan, "item");
  g_autofree char *text = g_strdup_printf ("%s · %s",
                                           user ? lp_api_object_get_string (user, "full-name") : "",
                                           item ? lp_api_object_get_string (item, "name") : "");

  gtk_label_set_label (GTK_LABEL (who), text);
  gtk_widget_set_visible (who, TRUE);
}

/* Shows on @line what became of its scan, in words and colour. */
static void
show_outcome (LpReturnsPage *self,
              GtkWidget     *line,
              const char    *outcome,
              gboolean       ok)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (line), "outcome");

  gtk_label_set_label (GTK_LABEL (label), outcome);
  gtk_widget_add_css_class (line, ok ? "success" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  outcome, -1);
  /* The officer looks at the member, not the screen: the outcome is heard. */
  lp_sound_play (lp_session_get_settings (lp_page_get_session (LP_PAGE (self))),
                 ok ? LP_SOUND_SUCCESS : LP_SOUND_FAILURE);
  lp_scan_field_focus (self->scan_field);
}

/* Ends the first scan with @outcome, good news or not, and goes on with the next. */
static void
finish_scan (LpReturnsPage *self,
             const char    *outcome,
             gboolean       ok)
{
  Scan *scan = g_queue_pop_head (&self->scans);

  show_outcome (self, scan->line, outcome, ok);
  scan_free (scan);
  next_scan (self);
}

/* The complaint a lost return opened, one click away. */
static void
add_complaint_link (GtkWidget  *line,
                    const char *complaint_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Open _Complaint"));

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", "complaint", complaint_id);
  gtk_box_append (GTK_BOX (line), button);
}

static void
on_returned (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LpReturnsPage) self = user_data;
  g_autoptr(LpLoanObject) loan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fine = NULL;
  const char *complaint;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &loan, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loan == NULL)
    {
      finish_scan (self, error->message, FALSE);
      return;
    }
  fine = g_strdup_printf ("%" G_GINT64_FORMAT, lp_api_object_get_int (loan, "fine"));
  complaint = lp_api_object_get_string (loan, "complaint-id");
  if (complaint != NULL)
    {
      text = g_strdup (_("Recorded as lost. A complaint has been opened for the item."));
      add_complaint_link (((Scan *) g_queue_peek_head (&self->scans))->line, complaint);
    }
  else if (lp_api_object_get_int (loan, "fine") > 0)
    /* Translators: %s is an amount of money such as 4,000. */
    text = g_strdup_printf (_("Returned late. Fine: Rp %s"), fine);
  else
    text = g_strdup (_("Returned"));
  finish_scan (self, text, TRUE);
}

static void
record_return (LpReturnsPage *self,
               LpLoanObject  *loan,
               JsonNode      *body)
{
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_LOANS_RETURN,
                            (const char *[]) { lp_api_object_get_id (loan), NULL }, NULL, body,
                            self->cancellable, on_returned, g_object_ref (self));
}

/*
 * The inspection form, for anything but a good return
 */

static void
on_inspected (AdwMessageDialog *dialog,
              const char       *response,
              LpReturnsPage    *self)
{
  LpLoanObject *loan = g_object_get_data (G_OBJECT (dialog), "loan");
  LpInspectionForm *form = LP_INSPECTION_FORM (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(JsonNode) body = NULL;

  if (g_strcmp0 (response, "record") != 0)
    {
      finish_scan (self, _("Not recorded: the inspection was cancelled."), FALSE);
      return;
    }
  body = lp_inspection_form_get_body (form);
  record_return (self, loan, body);
}

/* "Record Return" only once the form says enough. */
static void
on_form_complete (LpInspectionForm *form,
                  GParamSpec       *pspec,
                  AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "record",
                                           lp_inspection_form_get_complete (form));
}

/* The form's heading: the loan code and the condition picked, as it is picked. */
static void
on_form_condition (LpInspectionForm *form,
                   GParamSpec       *pspec,
                   AdwMessageDialog *dialog)
{
  const char *code = g_object_get_data (G_OBJECT (dialog), "code");
  LpItemCondition condition = lp_inspection_form_get_condition (form);
  g_autofree char *body = NULL;

  /* Translators: the inspection form; %s are the loan code and the condition picked. */
  body = g_strdup_printf (_("%s — %s"), code, _(lp_item_condition_label (condition)));
  adw_message_dialog_set_body (dialog, body);
}

static void
inspect (LpReturnsPage *self,
         LpLoanObject  *loan)
{
  Scan *scan = g_queue_peek_head (&self->scans);
  GtkWidget *form = lp_inspection_form_new (scan->condition,
                                            lp_page_get_client (LP_PAGE (self)));
  AdwMessageDialog *dialog;

  dialog = lp_ask_new (GTK_WIDGET (self), _("Inspect the Returned Item"), NULL, "cancel",
                       _("_Cancel"), "record", _("_Record Return"), ADW_RESPONSE_SUGGESTED,
                       G_CALLBACK (on_inspected), self);
  g_object_set_data_full (G_OBJECT (dialog), "code", g_strdup (scan->code), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "loan", g_object_ref (loan), g_object_unref);
  on_form_condition (LP_INSPECTION_FORM (form), NULL, dialog);
  g_signal_connect_object (form, "notify::condition", G_CALLBACK (on_form_condition), dialog, 0);
  adw_message_dialog_set_extra_child (dialog, form);
  g_signal_connect_object (form, "notify::complete", G_CALLBACK (on_form_complete), dialog, 0);
  on_form_complete (LP_INSPECTION_FORM (form), NULL, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  lp_inspection_form_focus (LP_INSPECTION_FORM (form));
}

/*
 * A scan: find the loan, then return it or inspect first
 */

static void
on_loan_found (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LpReturnsPage) self = user_data;
  g_autoptr(LpLoanObject) loan = NULL;
  g_autoptr(GError) error = NULL;
  Scan *scan;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &loan, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loan == NULL)
    {
      finish_scan (self, g_error_matches (error, LP_ERROR, LP_ERROR_NOT_FOUND)
                         ? _("No loan has this code. Check the receipt and scan again.")
                         : error->message, FALSE);
      return;
    }
  scan = g_queue_peek_head (&self->scans);
  set_who (scan, loan);
  switch ((LpLoanStatus) lp_api_object_get_enum (loan, "status"))
    {
    case LP_LOAN_STATUS_APPROVED:
    case LP_LOAN_STATUS_BORROWED:
    case LP_LOAN_STATUS_OVERDUE:
      break;
    case LP_LOAN_STATUS_PENDING:
      finish_scan (self, _("Not lent yet: this request is still waiting for approval."), FALSE);
      return;
    case LP_LOAN_STATUS_RETURNED:
      finish_scan (self, _("Already returned. Nothing was recorded."), FALSE);
      return;
    case LP_LOAN_STATUS_REJECTED:
    case LP_LOAN_STATUS_CANCELLED:
    default:
      finish_scan (self, _("This loan never went out. Nothing was recorded."), FALSE);
      return;
    }
  if (scan->condition == LP_ITEM_CONDITION_GOOD && !scan->inspect)
    {
      g_autoptr(JsonNode) body = lp_api_body_new ("condition", "good", NULL);

      record_return (self, loan, body);
    }
  else
    inspect (self, loan);
}

static void
next_scan (LpReturnsPage *self)
{
  Scan *scan = g_queue_peek_head (&self->scans);

  if (scan == NULL)
    return;
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_LOANS_BY_CODE,
                            (const char *[]) { scan->code, NULL }, NULL, NULL,
                            self->cancellable, on_loan_found, g_object_ref (self));
}

static void
add_scan (LpReturnsPage *self,
          const char    *code,
          gboolean       always_inspect)
{
  Scan *scan = g_new0 (Scan, 1);
  guint selected = gtk_drop_down_get_selected (self->condition_dropdown);

  scan->code = g_strdup (code);
  scan->condition = conditions[MIN (selected, G_N_ELEMENTS (conditions) - 1)];
  scan->inspect = always_inspect;
  scan->line = result_line_new (code);
  gtk_list_box_prepend (self->results_list, scan->line);
  /* The condition is for the item in hand: the next one starts from Good again. */
  gtk_drop_down_set_selected (self->condition_dropdown, 0);
  g_queue_push_tail (&self->scans, scan);
  if (g_queue_get_length (&self->scans) == 1)
    next_scan (self);
}

static void
on_scanned (LpReturnsPage *self,
            const char    *code)
{
  add_scan (self, code, FALSE);
}

/* An image without a code: a line that says so; nothing is queued. */
static void
on_scan_failed (LpReturnsPage *self,
                const char    *message)
{
  GtkWidget *line = result_line_new (_("Image"));

  gtk_list_box_prepend (self->results_list, line);
  show_outcome (self, line, message, FALSE);
}

static void
on_map (LpReturnsPage *self)
{
  lp_scan_field_focus (self->scan_field);
}

/*
 * The return history: recorded returns, newest first, narrowed by dates, condition and
 * item; a row opens its loan.
 */

static gboolean
history_filtered (LpReturnsPage *self)
{
  return lp_date_button_get_date (self->from_button) != NULL ||
         lp_date_button_get_date (self->to_button) != NULL ||
         gtk_drop_down_get_selected (self->history_condition_dropdown) > 0 ||
         lp_item_filter_get_active (self->item_filter);
}

static void
update_history_state (LpReturnsPage *self)
{
  const char *problem = lp_item_filter_get_problem (self->item_filter);

  if (problem != NULL)
    {
      adw_status_page_set_title (self->history_empty_page, _("No Such Item"));
      adw_status_page_set_description (self->history_empty_page, problem);
      gtk_stack_set_visible_child_name (self->history_stack, "empty");
      return;
    }
  lp_page_show_list_state (LP_PAGE (self), self->history_stack, self->history_error_page,
                           lp_item_filter_get_busy (self->item_filter));
  if (history_filtered (self))
    {
      adw_status_page_set_title (self->history_empty_page, _("No Matching Returns"));
      adw_status_page_set_description (self->history_empty_page,
                                       _("Try other dates, another condition or another item."));
    }
  else
    {
      adw_status_page_set_title (self->history_empty_page, _("No Returns Yet"));
      adw_status_page_set_description (self->history_empty_page,
                                       _("Each return recorded at the desk appears here, newest first."));
    }
}

static void
apply_history_query (LpReturnsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->history_condition_dropdown);
  const char *condition = selected > 0 && selected <= G_N_ELEMENTS (conditions)
                          ? lp_item_condition_to_string (conditions[selected - 1]) : NULL;
  g_autofree char *from = lp_date_button_dup_iso (self->from_button);
  g_autofree char *to = lp_date_button_dup_iso (self->to_button);

  if (self->history == NULL || lp_item_filter_get_busy (self->item_filter) ||
      lp_item_filter_get_problem (self->item_filter) != NULL)
    {
      update_history_state (self);
      return;
    }
  lp_paged_model_set_query (self->history,
                            (const char *[]) { "from", from, "to", to, "condition", condition,
                                               "item_id",
                                               lp_item_filter_get_item_id (self->item_filter),
                                               NULL });
  update_history_state (self);
}

/* A click, or Enter, on a return opens its loan. */
static void
on_history_activated (LpReturnsPage *self,
                      guint          position)
{
  g_autoptr(LpReturnObject) ret = g_list_model_get_item (G_LIST_MODEL (self->history), position);

  if (ret != NULL && lp_api_object_get_loaded (ret))
    lp_page_navigate (GTK_WIDGET (self), "loan", lp_api_object_get_string (ret, "loan-id"));
}

/* Staff and admins see the history; anyone else has none (nothing of the last user's
 * stays behind a logout). */
static void
lp_returns_page_role_changed (LpPage *page)
{
  LpReturnsPage *self = LP_RETURNS_PAGE (page);
  gboolean desk = (lp_page_get_role (page) & LP_ROLES_DESK) != 0;
  g_autoptr(GtkNoSelection) selection = NULL;

  if (desk == (self->history != NULL))
    return;
  gtk_list_view_set_model (self->history_view, NULL);
  self->history = lp_page_set_list (page, desk ? &LP_API_RETURNS_LIST : NULL, NULL,
                                    G_CALLBACK (update_history_state));
  if (desk)
    {
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
      gtk_list_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));
      lp_item_filter_set_client (self->item_filter, lp_page_get_client (page));
      apply_history_query (self);
    }
  update_history_state (self);
}

/*
 * LpPage
 */

/* A return recorded here or at another desk changes its loan: the history is the
 * server's again within a moment. */
static void
lp_returns_page_event (LpPage     *page,
                       const char *type,
                       const char *id)
{
  LpReturnsPage *self = LP_RETURNS_PAGE (page);

  if (g_strcmp0 (type, "loan.changed") == 0 && self->history != NULL &&
      lp_paged_model_get_loaded (self->history))
    lp_paged_model_reload (self->history);
}

/* "Record Return" on a loan's page: its code goes in as a scan would, but always to the
 * inspection form, where the officer picks the condition (Good unless said otherwise). */
static void
lp_returns_page_open (LpPage     *page,
                      const char *code)
{
  LpReturnsPage *self = LP_RETURNS_PAGE (page);

  gtk_drop_down_set_selected (self->condition_dropdown, 0);
  add_scan (self, code, TRUE);
}

static void
lp_returns_page_dispose (GObject *object)
{
  LpReturnsPage *self = (LpReturnsPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->scans, (GDestroyNotify) scan_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_RETURNS_PAGE);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_returns_page_parent_class)->dispose (object);
}

static void
lp_returns_page_class_init (LpReturnsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_returns_page_dispose;
  page_class->open = lp_returns_page_open;
  page_class->role_changed = lp_returns_page_role_changed;
  page_class->event = lp_returns_page_event;

  g_type_ensure (LP_TYPE_SCAN_FIELD);
  g_type_ensure (LP_TYPE_DATE_BUTTON);
  g_type_ensure (LP_TYPE_RETURN_ROW);
  g_type_ensure (LP_TYPE_ITEM_FILTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/desk/lp-returns-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LpReturnsPage, condition_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LpReturnsPage, scan_field);
  gtk_widget_class_bind_template_child (widget_class, LpReturnsPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, LpReturnsPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, LpReturnsPage, to_button);
  gtk_widget_class_bind_template_child (widget_class, LpReturnsPage, history_condition_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LpReturnsPage, item_filter);
  gtk_widget_class_bind_template_child (widget_class, LpReturnsPage, history_stack);
  gtk_widget_class_bind_template_child (widget_class, LpReturnsPage, history_view);
  gtk_widget_class_bind_template_child (widget_class, LpReturnsPage, history_empty_page);
  gtk_widget_class_bind_template_child (widget_class, LpReturnsPage, history_error_page);
  gtk_widget_class_bind_template_child_full (widget_class, "returns_stack", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_scanned);
  gtk_widget_class_bind_template_callback (widget_class, on_scan_failed);
  gtk_widget_class_bind_template_callback (widget_class, on_map);
  gtk_widget_class_bind_template_callback (widget_class, apply_history_query);
  gtk_widget_class_bind_template_callback (widget_class, on_history_activated);
}

static void
lp_returns_page_init (LpReturnsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) filter_names = gtk_string_list_new (NULL);

  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->scans);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (filter_names, _("Any condition"));
  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    {
      gtk_string_list_append (names, _(lp_item_condition_label (conditions[i])));
      gtk_string_list_append (filter_names, _(lp_item_condition_label (conditions[i])));
    }
  gtk_drop_down_set_model (self->condition_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->history_condition_dropdown, G_LIST_MODEL (filter_names));
  update_history_state (self);
}
