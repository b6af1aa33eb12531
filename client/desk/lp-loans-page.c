/* lp-loans-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-loans-page"

#include "config.h"

#include "lp-loans-page.h"

#include "lp-ask.h"
#include "lp-date-button.h"
#include "lp-error.h"
#include "lp-format.h"
#include "lp-item-filter.h"
#include "lp-loan-row.h"
#include "lp-paged-model.h"

#include <glib/gi18n-lib.h>

/* The filters of the drop-down, in its order (lp-loans-page.ui names them). */
typedef struct
{
  const char *name;          /* for lp_page_open() */
  const char *status;        /* ?status=, NULL for every loan */
  const char *sort;          /* ?sort= */
  gboolean    due_today;     /* ?due_on= the library's today */
  const char *empty_title;
  const char *empty_description;
} Filter;

static const Filter filters[] = {
  { "approved", "approved", "due_date", FALSE, N_("Nothing to Hand Over"),
    N_("Approved loans wait here until the member collects the item.") },
  { "borrowed", "borrowed", "due_date", FALSE, N_("Nothing Borrowed"),
    N_("Loans handed over to members appear here until they are returned.") },
  { "due-today", "borrowed", "due_date", TRUE, N_("Nothing Due Today"),
    N_("No borrowed item has to come back today.") },
  { "overdue", "overdue", "due_date", FALSE, N_("No Overdue Loans"),
    N_("Every borrowed item is still within its loan period.") },
  { "all", NULL, "newest", FALSE, N_("No Loans"),
    N_("Loans appear here as soon as members request them.") },
};

struct _LpLoansPage
{
  LpPage              parent_instance;

  GtkDropDown        *filter_dropdown;
  GtkSearchEntry     *search_entry;
  GtkSearchEntry     *member_entry;
  LpItemFilter       *item_filter;
  LpDateButton       *from_button;
  LpDateButton       *to_button;
  GtkStack           *content_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
  GtkLabel           *problem_label;
  GtkLabel           *count_label;

  LpPagedModel       *model;          /* the page's list: NULL unless the role is the desk's */
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  guint               overdue;        /* :count, from its own query */
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (LpLoansPage, lp_loans_page, LP_TYPE_PAGE)

enum {
  PROP_0,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const Filter *
current_filter (LpLoansPage *self)
{
  guint i = gtk_drop_down_get_selected (self->filter_dropdown);

  return &filters[i < G_N_ELEMENTS (filters) ? i : 0];
}

static LpLoanObject *
selected_loan (LpLoansPage *self)
{
  LpLoanObject *loan = self->selection != NULL
                       ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  return loan != NULL && lp_api_object_get_loaded (loan) ? loan : NULL;
}

static void
update_actions (LpLoansPage *self)
{
  LpLoanObject *loan = selected_loan (self);
  gboolean approved = loan != NULL &&
                      lp_api_object_get_enum (loan, "status") == LP_LOAN_STATUS_APPROVED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "loans.hand-over", !self->busy && approved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "loans.cancel", !self->busy && approved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "loans.open", loan != NULL);
}

/* Whether a member, an item or dates narrow the list. */
static gboolean
narrowed (LpLoansPage *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->member_entry)) != '\0' ||
         lp_item_filter_get_active (self->item_filter) ||
         lp_date_button_get_date (self->from_button) != NULL ||
         lp_date_button_get_date (self->to_button) != NULL;
}

static void
update_state (LpLoansPage *self)
{
  const Filter *filter = current_filter (self);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *problem = lp_item_filter_get_problem (self->item_filter);
  g_autofree char *text = NULL;
  guint count;

  if (problem != NULL)
    {
      /* The item typed names none: no list until it does. */
      adw_status_page_set_title (self->empty_page, _("No Such Item"));
      adw_status_page_set_description (self->empty_page, problem);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      gtk_label_set_label (self->count_label, "");
      update_actions (self);
      return;
    }
  count = lp_page_show_list_state (LP_PAGE (self), self->content_stack, self->error_page,
                                   lp_item_filter_get_busy (self->item_filter));
  if (narrowed (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Loans"));
      adw_status_page_set_description (self->empty_page,
                                       _("No loan of this kind fits the member, item and dates "
                                         "given. Try another one, or clear a filter."));
    }
  else if (*search != '\0')
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Loans"));
      adw_status_page_set_description (self->empty_page,
                                       _("Search by loan code, item or the member's user name."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _(filter->empty_title));
      adw_status_page_set_description (self->empty_page, _(filter->empty_description));
    }

  /* Translators: the number of loans the list shows. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u loan", "%u loans", count), count);
  gtk_label_set_label (self->count_label, text);
  update_actions (self);
}

static void
show_problem (LpLoansPage *self,
              const char  *text)
{
  gtk_label_set_label (self->problem_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text != NULL);
}

/*
 * The overdue count, for the badge: its own query, one row long.
 */

static void
on_overdue_counted (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LpLoansPage) self = user_data;
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &loans, &total,
                                  &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Counting overdue loans: %s", error->message);
      return;
    }
  if (self->model == NULL || self->overdue == total)
    return;
  self->overdue = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

static void
count_overdue (LpLoansPage *self)
{
  if (self->model == NULL)
    return;
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_LOANS_LIST, NULL,
                            (const char *[]) { "status", "overdue", "limit", "1", NULL }, NULL,
                            self->cancellable, on_overdue_counted, g_object_ref (self));
}

/*
 * The list
 */

static void
apply_query (LpLoansPage *self)
{
  const Filter *filter = current_filter (self);
  g_autofree char *q = NULL;
  g_autofree char *member = NULL;
  g_autofree char *from = lp_date_button_dup_iso (self->from_button);
  g_autofree char *to = lp_date_button_dup_iso (self->to_button);
  char due_on[11] = "";
  GDate today;

  if (self->model == NULL || lp_item_filter_get_busy (self->item_filter) ||
      lp_item_filter_get_problem (self->item_filter) != NULL)
    {
      update_state (self);
      return;
    }
  if (filter->due_today)
    {
      lp_format_today (&today);
      g_date_strftime (due_on, sizeof due_on, "%Y-%m-%d", &today);
    }
  /* A trailing space typed is the same search. */
  q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  member = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->member_entry))));
  lp_paged_model_set_query (self->model,
                            (const char *[]) { "status", filter->status, "sort", filter->sort,
                                               "due_on", due_on, "q", q, "member", member,
                                               "item_id",
                                               lp_item_filter_get_item_id (self->item_filter),
                                               "from", from, "to", to, NULL });
  update_state (self);
}

/* Staff and admins see the loans; anyone else has no list at all (nothing of the last
 * user's stays behind a logout). */
static void
lp_loans_page_role_changed (LpPage *page)
{
  LpLoansPage *self = LP_LOANS_PAGE (page);
  gboolean desk = (lp_page_get_role (page) & LP_ROLES_DESK) != 0;

  if (desk == (self->model != NULL))
    return;
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  self->model = lp_page_set_list (page, desk ? &LP_API_LOANS_LIST : NULL, &LP_API_LOANS_GET,
                                  G_CALLBACK (update_state));
  show_problem (self, NULL);
  if (self->overdue != 0)
    {
      self->overdue = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
  if (desk)
    {
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      g_signal_connect_swapped (self->selection, "notify::selected-item",
                                G_CALLBACK (update_actions), self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      lp_item_filter_set_client (self->item_filter, lp_page_get_client (page));
      apply_query (self);
      count_overdue (self);
    }
  update_state (self);
}

/*
 * Hand over, cancel, open
 */

static const char *
explain_error (const GError *error)
{
  if (g_error_matches (error, LP_ERROR, LP_ERROR_INVALID_TRANSITION))
    return _("This loan has changed at another desk. The list now shows where it stands.");
  return error->message;
}

static void
on_acted (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LpLoansPage) self = user_data;
  g_autoptr(LpLoanObject) loan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &loan, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (loan != NULL)
    {
      show_problem (self, NULL);
      text = g_strdup_printf (lp_api_object_get_enum (loan, "status") == LP_LOAN_STATUS_BORROWED
                              /* Translators: a notification; %s is a loan code. */
                              ? _("Loan %s handed over")
                              /* Translators: a notification; %s is a loan code. */
                              : _("Loan %s cancelled"),
                              lp_api_object_get_string (loan, "code"));
      lp_page_add_toast (LP_PAGE (self), text);
    }
  else
    show_problem (self, explain_error (error));
  /* Whatever happened, the list shows the server's state now. */
  lp_page_reload (LP_PAGE (self));
  update_state (self);
}

static void
act (LpLoansPage         *self,
     LpLoanObject        *loan,
     const LpApiEndpoint *endpoint)
{
  if (loan == NULL || self->busy)
    return;
  self->busy = TRUE;
  update_actions (self);
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), endpoint,
                            (const char *[]) { lp_api_object_get_id (loan), NULL }, NULL, NULL,
                            self->cancellable, on_acted, g_object_ref (self));
}

static void
hand_over_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LpLoansPage *self = LP_LOANS_PAGE (widget);

  act (self, selected_loan (self), &LP_API_LOANS_HANDOVER);
}

static void
on_cancel_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LpLoansPage      *self)
{
  LpLoanObject *loan = g_object_get_data (G_OBJECT (dialog), "loan");

  if (g_strcmp0 (response, "cancel-loan") == 0)
    act (self, loan, &LP_API_LOANS_CANCEL);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LpLoansPage *self = LP_LOANS_PAGE (widget);
  LpLoanObject *loan = selected_loan (self);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (loan == NULL || self->busy)
    return;
  /* Translators: %s is a loan code. */
  body = g_strdup_printf (_("Loan %s was never collected. Its units go back on the shelf."),
                          lp_api_object_get_string (loan, "code"));
  dialog = lp_ask_new (widget, _("Cancel This Loan?"), body, "keep", _("_Keep Loan"),
                       "cancel-loan", _("_Cancel Loan"), ADW_RESPONSE_DESTRUCTIVE,
                       G_CALLBACK (on_cancel_response), self);
  g_object_set_data_full (G_OBJECT (dialog), "loan", g_object_ref (loan), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LpLoanObject *loan = selected_loan (LP_LOANS_PAGE (widget));

  if (loan != NULL)
    lp_page_navigate (widget, "loan", lp_api_object_get_id (loan));
}

/* Enter or a double click on a row opens it. */
static void
on_row_activated (LpLoansPage *self,
                  guint        position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "loans.open", NULL);
}

static void
on_filter_changed (LpLoansPage *self)
{
  show_problem (self, NULL);
  apply_query (self);
}

/*
 * LpPage
 */

/* A loan changed somewhere (approved, handed over, returned at another desk, overdue by
 * the server's clock): the list and the badge are the server's again within a moment. */
static void
lp_loans_page_event (LpPage     *page,
                     const char *type,
                     const char *id)
{
  if (g_strcmp0 (type, "loan.changed") == 0)
    count_overdue (LP_LOANS_PAGE (page));
}

static void
lp_loans_page_reload (LpPage *page)
{
  count_overdue (LP_LOANS_PAGE (page));
}

static void
lp_loans_page_open (LpPage     *page,
                    const char *id)
{
  LpLoansPage *self = LP_LOANS_PAGE (page);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_str_equal (filters[i].name, id))
      {
        /* A list opened by name shows all of it: no filter of before stays. */
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
        gtk_editable_set_text (GTK_EDITABLE (self->member_entry), "");
        lp_item_filter_clear (self->item_filter);
        lp_date_button_set_date (self->from_button, NULL);
        lp_date_button_set_date (self->to_button, NULL);
        gtk_drop_down_set_selected (self->filter_dropdown, i);
        return;
      }
  g_warning ("No filter of the loans is called “%s”", id);
}

static void
lp_loans_page_dispose (GObject *object)
{
  LpLoansPage *self = (LpLoansPage *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_LOANS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_loans_page_parent_class)->dispose (object);
}

static void
lp_loans_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint (value, LP_LOANS_PAGE (object)->overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LpLoansPage, name)

static void
lp_loans_page_class_init (LpLoansPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_loans_page_dispose;
  object_class->get_property = lp_loans_page_get_property;
  page_class->role_changed = lp_loans_page_role_changed;
  page_class->list_event = "loan.changed";
  page_class->event = lp_loans_page_event;
  page_class->reload = lp_loans_page_reload;
  page_class->open = lp_loans_page_open;

  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LP_TYPE_LOAN_ROW);
  g_type_ensure (LP_TYPE_ITEM_FILTER);
  g_type_ensure (LP_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/desk/lp-loans-page.ui");
  BIND (filter_dropdown);
  BIND (search_entry);
  BIND (member_entry);
  BIND (item_filter);
  BIND (from_button);
  BIND (to_button);
  BIND (content_stack);
  BIND (list_view);
  BIND (empty_page);
  BIND (error_page);
  BIND (problem_label);
  BIND (count_label);
  gtk_widget_class_bind_template_child_full (widget_class, "hand_over_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "open_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, apply_query);

  gtk_widget_class_install_action (widget_class, "loans.hand-over", NULL, hand_over_activated);
  gtk_widget_class_install_action (widget_class, "loans.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "loans.open", NULL, open_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "loans.hand-over", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "loans.cancel", NULL);
}

#undef BIND

static void
lp_loans_page_init (LpLoansPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  update_state (self);
}
