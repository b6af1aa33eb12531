/* lp-dashboard-page.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-dashboard-page"

#include "config.h"

#include "lp-dashboard-page.h"

#include "lp-format.h"

#include <glib/gi18n-lib.h>

/* Events come in bursts (a return changes a loan and an item): count once after them. */
#define SETTLE_MS 200

typedef enum {
  TILE_PENDING,
  TILE_DUE_TODAY,
  TILE_OVERDUE,
  TILE_WAITING,
  TILE_MAINTENANCE,
  N_TILES
} TileId;

typedef struct
{
  GtkButton  *button;
  GtkLabel   *label;
  guint       generation;   /* of the count under way; older replies are dropped */
} Tile;

/* What each tile counts and which list it opens (the page and its filter). */
static const struct {
  const char *name;
  const char *page;
  const char *filter;
  const char *title;
} tile_info[N_TILES] = {
  { "pending", "requests", "", N_("Pending Requests") },
  { "due_today", "loans", "due-today", N_("Due Today") },
  { "overdue", "loans", "overdue", N_("Overdue") },
  { "waiting", "complaints", "waiting", N_("Waiting Complaints") },
  { "maintenance", "catalog", "maintenance", N_("In Maintenance") },
};

struct _LpDashboardPage
{
  LpPage        parent_instance;

  GtkLabel     *problem_label;
  Tile          tiles[N_TILES];

  GCancellable *cancellable;
  guint         stale;        /* bit per tile to count again */
  guint         settle_id;
};

G_DEFINE_FINAL_TYPE (LpDashboardPage, lp_dashboard_page, LP_TYPE_PAGE)

typedef struct
{
  LpDashboardPage *self;
  TileId           tile;
  guint            generation;
} Count;

static void
count_free (Count *count)
{
  g_object_unref (count->self);
  g_free (count);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Count, count_free)

static gboolean
is_desk (LpDashboardPage *self)
{
  LpSession *session = lp_page_get_session (LP_PAGE (self));

  return session != NULL && (lp_session_get_role (session) & LP_ROLES_DESK) != 0;
}

static void
show_count (LpDashboardPage *self,
            TileId           id,
            guint            n)
{
  Tile *tile = &self->tiles[id];
  g_autofree char *number = lp_format_count (n);
  g_autofree char *spoken = NULL;

  gtk_label_set_label (tile->label, number);
  /* Overdue loans are the one number that asks for action: in the error colour. */
  if (id == TILE_OVERDUE && n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (tile->label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (tile->label), "error");
  /* Translators: a number of the dashboard, read out, e.g. "Overdue: 3". */
  spoken = g_strdup_printf (_("%s: %s"), _(tile_info[id].title), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
}

static void
show_problem (LpDashboardPage *self,
              const GError    *error)
{
  gtk_label_set_label (self->problem_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), error != NULL);
}


/* A reply to a count: FALSE when it is stale or failed (then it says so). */
static gboolean
reply_ok (Count        *count,
          GError       *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      count->generation != count->self->tiles[count->tile].generation)
    return FALSE;
  show_problem (count->self, error);
  return error == NULL;
}

static void
on_total (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Count) count = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &rows, &total, &error);
  if (reply_ok (count, error))
    show_count (count->self, count->tile, total);
}

static void
count_tile (LpDashboardPage *self,
            TileId           id)
{
  Count *count = g_new0 (Count, 1);
  const LpApiEndpoint *endpoint = &LP_API_LOANS_LIST;
  const char *status = NULL;
  char due_on[11] = "";
  GDate today;

  count->self = g_object_ref (self);
  count->tile = id;
  count->generation = ++self->tiles[id].generation;
  switch (id)
    {
    case TILE_DUE_TODAY:
      /* Out with a member and to come back today. */
      lp_format_today (&today);
      g_date_strftime (due_on, sizeof due_on, "%Y-%m-%d", &today);
      status = "borrowed";
      break;
    case TILE_PENDING:
      status = "pending";
      break;
    case TILE_OVERDUE:
      status = "overdue";
      break;
    case TILE_WAITING:
      endpoint = &LP_API_COMPLAINTS_LIST;
      status = "waiting";
      break;
    case TILE_MAINTENANCE:
      endpoint = &LP_API_ITEMS_LIST;
      status = "maintenance";
      break;
    case N_TILES:
    default:
      g_assert_not_reached ();
    }
  lp_api_client_call_async (lp_page_get_client (LP_PAGE (self)), endpoint, NULL,
                            (const char *[]) { "status", status, "limit", "1",
                                               "due_on", due_on,
                                               "exact_total", endpoint == &LP_API_ITEMS_LIST
                                                              ? "true" : NULL, NULL },
                            NULL, self->cancellable, on_total, count);
}

static void
count_stale (LpDashboardPage *self)
{
  for (TileId id = 0; id < N_TILES; id++)
    if (self->stale & (1u << id))
      count_tile (self, id);
  self->stale = 0;
}

static gboolean
on_settled (gpointer user_data)
{
  LpDashboardPage *self = user_data;

  self->settle_id = 0;
  count_stale (self);
  return G_SOURCE_REMOVE;
}

static void
mark_stale (LpDashboardPage *self,
            guint            tiles)
{
  if (!is_desk (self))
    return;
  self->stale |= tiles;
  if (self->settle_id == 0)
    self->settle_id = g_timeout_add (SETTLE_MS, on_settled, self);
}

static void
count_all (LpDashboardPage *self)
{
  self->stale = (1u << N_TILES) - 1;
  g_clear_handle_id (&self->settle_id, g_source_remove);
  count_stale (self);
}

/* Nothing of the last user's counts stays; the desk's are counted again. */
static void
lp_dashboard_page_role_changed (LpPage *page)
{
  LpDashboardPage *self = LP_DASHBOARD_PAGE (page);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  for (TileId id = 0; id < N_TILES; id++)
    {
      self->tiles[id].generation++;
      gtk_label_set_label (self->tiles[id].label, "–");
    }
  show_problem (self, NULL);
  if (is_desk (self))
    count_all (self);
}

static void
on_tile_clicked (GtkButton       *button,
                 LpDashboardPage *self)
{
  for (TileId id = 0; id < N_TILES; id++)
    if (self->tiles[id].button == button)
      lp_page_navigate (GTK_WIDGET (self), tile_info[id].page, tile_info[id].filter);
}

/*
 * LpPage
 */

static void
lp_dashboard_page_event (LpPage     *page,
                         const char *type,
                         const char *id)
{
  LpDashboardPage *self = LP_DASHBOARD_PAGE (page);

  if (g_strcmp0 (type, "loan.changed") == 0)
    mark_stale (self, 1u << TILE_PENDING | 1u << TILE_DUE_TODAY | 1u << TILE_OVERDUE);
  else if (g_strcmp0 (type, "complaint.changed") == 0)
    mark_stale (self, 1u << TILE_WAITING);
  else if (g_strcmp0 (type, "item.changed") == 0)
    mark_stale (self, 1u << TILE_MAINTENANCE);
}

static void
lp_dashboard_page_reload (LpPage *page)
{
  LpDashboardPage *self = LP_DASHBOARD_PAGE (page);

  if (is_desk (self))
    count_all (self);
}

static void
lp_dashboard_page_dispose (GObject *object)
{
  LpDashboardPage *self = (LpDashboardPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_DASHBOARD_PAGE);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lp_dashboard_page_parent_class)->dispose (object);
}

static void
lp_dashboard_page_class_init (LpDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpPageClass *page_class = LP_PAGE_CLASS (klass);

  object_class->dispose = lp_dashboard_page_dispose;
  page_class->role_changed = lp_dashboard_page_role_changed;
  page_class->event = lp_dashboard_page_event;
  page_class->reload = lp_dashboard_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/reports/lp-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LpDashboardPage, problem_label);
  gtk_widget_class_bind_template_child_full (widget_class, "pending_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "due_today_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "waiting_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "maintenance_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "pending_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "due_today_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "waiting_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "maintenance_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_tile_clicked);
}

static void
lp_dashboard_page_init (LpDashboardPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  for (TileId id = 0; id < N_TILES; id++)
    {
      g_autofree char *button = g_strdup_printf ("%s_button", tile_info[id].name);
      g_autofree char *label = g_strdup_printf ("%s_label", tile_info[id].name);

      self->tiles[id].button = GTK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                          LP_TYPE_DASHBOARD_PAGE,
                                                                          button));
      self->tiles[id].label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                        LP_TYPE_DASHBOARD_PAGE,
                                                                        label));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->tiles[id].button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(tile_info[id].title), -1);
    }
}
