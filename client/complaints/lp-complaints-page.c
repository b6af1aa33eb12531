/* lp-complaints-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-complaints-page"

#include "config.h"

#include "lp-complaints-page.h"

#include "lp-complaint-row.h"
#include "lp-enums.h"
#include "lp-paged-model.h"

#include <glib/gi18n-lib.h>

/* The filter's entries, in the order of status_dropdown's strings: waiting first. */
static const char * const filter_statuses[] = { "waiting", "in_progress", "done", "closed", NULL };

struct _LpComplaintsPage
{
  LpPage              parent_instance;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkStack           *content_stack;
  GtkListView        *list_view;
  AdwStatusPage      *error_page;
  AdwStatusPage      *empty_page;
  GtkLabel           *count_label;

  LpPagedModel       *model;          /* the page's list: NULL unless the role may handle them */
  GtkNoSelection     *selection;
  GCancellable       *cancellable;
  guint               count;          /* waiting, as the server counted last */
};

G_DEFINE_FINAL_TYPE (LpComplaintsPage, lp_complaints_page, LP_TYPE_PAGE)

enum {
  PROP_0,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_state (LpComplaintsPage *self)
{
  lp_page_show_list_state (LP_PAGE (self), self->content_stack, self->error_page, FALSE);
}

static void
set_count (LpComplaintsPage *self,
           guint             count)
{
  g_autofree char *text = NULL;

  /* Translators: the number of complaints nobody has taken up yet. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u complaint waiting",
                                       "%u complaints waiting", count), count);
  gtk_label_set_label (self->count_label, text);
  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LpComplaintsPage) self = user_data;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &page, &total,
                                  &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Counting the waiting complaints: %s", error->message);
      return;
    }
  if (self->model != NULL)
    set_count (self, total);
}

/* The badge counts the waiting complaints whatever the filter shows: one row asked for,
 * the total is what matters. */
static void
count_waiting (LpComplaintsPage *self)
{
  if (self->model == NULL)
    return;
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), &LP_API_COMPLAINTS_LIST, NULL,
                            (const char *[]) { "status", "waiting", "limit", "1", NULL }, NULL,
                            self->cancellable, on_counted, g_object_ref (self));
}

static const char *
filter_status (LpComplaintsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  return selected < G_N_ELEMENTS (filter_statuses) ? filter_statuses[selected] : NULL;
}

/* Waiting complaints are answered in the order they came: oldest first. Handled ones
 * are looked up, newest first. */
static void
apply_query (LpComplaintsPage *self)
{
  const char *status = filter_status (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean waiting = g_strcmp0 (status, "waiting") == 0;

  if (self->model == NULL)
    return;
  adw_status_page_set_title (self->empty_page, *text != '\0' ? _("No Complaints Found")
                                               : waiting ? _("No Complaints Waiting")
                                               : _("No Complaints"));
  lp_paged_model_set_query (self->model,
                            (const char *[]) { "status", status, "q", text,
                                               "order", waiting ? "oldest" : NULL, NULL });
}

static void
on_activate (GtkListView      *list_view,
             guint             position,
             LpComplaintsPage *self)
{
  g_autoptr(LpComplaintObject) complaint = g_list_model_get_item (G_LIST_MODEL (self->model),
                                                                  position);

  if (complaint != NULL && lp_api_object_get_loaded (complaint))
    lp_page_navigate (GTK_WIDGET (self), "complaint", lp_api_object_get_id (complaint));
}

/* Staff and admins handle complaints; anyone else has no list at all (nothing of the
 * last user's stays behind a logout). */
static void
lp_complaints_page_role_changed (LpPage *page)
{
  LpComplaintsPage *self = LP_COMPLAINTS_PAGE (page);
  gboolean desk = (lp_page_get_role (page) & LP_ROLES_DESK) != 0;

  if (desk == (self->model != NULL))
    return;
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  self->model = lp_page_set_list (page, desk ? &LP_API_COMPLAINTS_LIST : NULL,
                                  &LP_API_COMPLAINTS_GET, G_CALLBACK (update_state));
  set_count (self, 0);
  if (desk)
    {
      self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      apply_query (self);
      count_waiting (self);
    }
  update_state (self);
}

/*
 * LpPage
 */

/* A complaint filed, noted or moved on somewhere: the list and the badge are the
 * server's again within a moment. */
static void
lp_complaints_page_event (LpPage     *page,
                          const char *type,
                          const char *id)
{
  if (g_strcmp0 (type, "complaint.changed") == 0)
    count_waiting (LP_COMPLAINTS_PAGE (page));
}

static void
lp_complaints_page_reload (LpPage *page)
{
  count_waiting (LP_COMPLAINTS_PAGE (page));
}

/* win.open ("complaints", status): the list filtered on that status. */
static void
lp_complaints_page_open (LpPage     *page,
                         const char *id)
{
  LpComplaintsPage *self = LP_COMPLAINTS_PAGE (page);

  for (guint i = 0; filter_statuses[i] != NULL; i++)
    if (g_strcmp0 (filter_statuses[i], id) == 0)
      gtk_drop_down_set_selected (self->status_dropdown, i);
}

static void
lp_complaints_page_dispose (GObject *object)
{
  LpComplaintsPage *self = (LpComplaintsPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_COMPLAINTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_complaints_page_parent_class)->dispose (object);
}

static void
lp_complaints_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint (value, LP_COMPLAINTS_PAGE (object)->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_complaints_page_class_init (LpComplaintsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_complaints_page_dispose;
  object_class->get_property = lp_complaints_page_get_property;
  page_class->role_changed = lp_complaints_page_role_changed;
  page_class->list_event = "complaint.changed";
  page_class->event = lp_complaints_page_event;
  page_class->reload = lp_complaints_page_reload;
  page_class->open = lp_complaints_page_open;

  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LP_TYPE_COMPLAINT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/complaints/lp-complaints-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LpComplaintsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LpComplaintsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LpComplaintsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LpComplaintsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LpComplaintsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LpComplaintsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LpComplaintsPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, apply_query);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
lp_complaints_page_init (LpComplaintsPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  set_count (self, 0);
  update_state (self);
}
