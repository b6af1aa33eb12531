/* lp-item-filter.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-item-filter"

#include "config.h"

#include "lp-item-filter.h"

#include "lp-data-objects.h"

#include <glib/gi18n-lib.h>

struct _LpItemFilter
{
  AdwBin          parent_instance;

  GtkSearchEntry *entry;
  GtkLabel       *label;

  LpApiClient    *client;
  GCancellable   *cancellable;   /* the look-up of the text typed */
  char           *item_id;
  char           *problem;
  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (LpItemFilter, lp_item_filter, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM_ID,
  PROP_BUSY,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
typed_text (LpItemFilter *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}

static void
show (LpItemFilter *self,
      const char   *text,
      gboolean      problem)
{
  gtk_label_set_label (self->label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->label), text != NULL);
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), "error");
}

/* Says it all at once: the item, the problem, then busy no more. */
static void
settle (LpItemFilter *self,
        const char   *item_id,
        char         *problem,
        gboolean      busy)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->item_id, item_id) != 0)
    {
      g_free (self->item_id);
      self->item_id = g_strdup (item_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_ID]);
    }
  if (g_strcmp0 (self->problem, problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  g_free (problem);
}

/* The item typed: its exact code, or the one item whose code or name matches. */
static LpItemObject *
pick_item (GPtrArray  *items,
           const char *typed)
{
  for (guint i = 0; i < items->len; i++)
    if (g_ascii_strcasecmp (lp_api_object_get_string (g_ptr_array_index (items, i), "code"),
                            typed) == 0)
      return g_ptr_array_index (items, i);
  return items->len == 1 ? g_ptr_array_index (items, 0) : NULL;
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LpItemFilter) self = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *text = NULL;
  LpItemObject *item;
  char *problem;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &items, NULL,
                                  &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  typed = typed_text (self);
  item = items != NULL ? pick_item (items, typed) : NULL;
  if (item != NULL)
    {
      /* Translators: the item a list is narrowed to, e.g. "Item: LAB-001 — Mikroskop". */
      text = g_strdup_printf (_("Item: %s — %s"), lp_api_object_get_string (item, "code"),
                              lp_api_object_get_string (item, "name"));
      show (self, text, FALSE);
      settle (self, lp_api_object_get_id (item), NULL, FALSE);
      return;
    }
  if (error != NULL)
    problem = g_strdup (error->message);
  else if (items->len == 0)
    /* Translators: %s is what was typed in the item filter. */
    problem = g_strdup_printf (_("No item has the code or name “%s”."), typed);
  else
    /* Translators: %s is what was typed in the item filter. */
    problem = g_strdup_printf (_("Several items match “%s”: type the item’s full code."), typed);
  show (self, problem, TRUE);
  settle (self, NULL, problem, FALSE);
}

static void
on_changed (LpItemFilter *self)
{
  g_autofree char *typed = typed_text (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  show (self, NULL, FALSE);
  if (*typed == '\0' || self->client == NULL)
    {
      settle (self, NULL, NULL, FALSE);
      return;
    }
  self->cancellable = g_cancellable_new ();
  settle (self, NULL, NULL, TRUE);
  lp_api_client_call_async (self->client, &LP_API_ITEMS_LIST, NULL,
                            (const char *[]) { "q", typed, "limit", "20", NULL }, NULL,
                            self->cancellable, on_found, g_object_ref (self));
}

static void
lp_item_filter_dispose (GObject *object)
{
  LpItemFilter *self = (LpItemFilter *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  /* No dispose_template(): the box is the AdwBin's own child, which AdwBin drops itself. */

  G_OBJECT_CLASS (lp_item_filter_parent_class)->dispose (object);
}

static void
lp_item_filter_finalize (GObject *object)
{
  LpItemFilter *self = (LpItemFilter *) object;

  g_free (self->item_id);
  g_free (self->problem);

  G_OBJECT_CLASS (lp_item_filter_parent_class)->finalize (object);
}

static void
lp_item_filter_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LpItemFilter *self = LP_ITEM_FILTER (object);

  switch (prop_id)
    {
    case PROP_ITEM_ID:
      g_value_set_string (value, self->item_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_item_filter_class_init (LpItemFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_item_filter_dispose;
  object_class->finalize = lp_item_filter_finalize;
  object_class->get_property = lp_item_filter_get_property;

  properties[PROP_ITEM_ID] =
    g_param_spec_string ("item-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/widgets/lp-item-filter.ui");
  gtk_widget_class_bind_template_child (widget_class, LpItemFilter, entry);
  gtk_widget_class_bind_template_child (widget_class, LpItemFilter, label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
lp_item_filter_init (LpItemFilter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A new client (a new session) looks the text up again. */
void
lp_item_filter_set_client (LpItemFilter *self,
                           LpApiClient  *client)
{
  g_return_if_fail (LP_IS_ITEM_FILTER (self));

  if (!g_set_object (&self->client, client))
    return;
  on_changed (self);
}

const char *
lp_item_filter_get_item_id (LpItemFilter *self)
{
  g_return_val_if_fail (LP_IS_ITEM_FILTER (self), NULL);

  return self->item_id;
}

gboolean
lp_item_filter_get_busy (LpItemFilter *self)
{
  g_return_val_if_fail (LP_IS_ITEM_FILTER (self), FALSE);

  return self->busy;
}

const char *
lp_item_filter_get_problem (LpItemFilter *self)
{
  g_return_val_if_fail (LP_IS_ITEM_FILTER (self), NULL);

  return self->problem;
}

gboolean
lp_item_filter_get_active (LpItemFilter *self)
{
  g_return_val_if_fail (LP_IS_ITEM_FILTER (self), FALSE);

  return *gtk_editable_get_text (GTK_EDITABLE (self->entry)) != '\0';
}

void
lp_item_filter_clear (LpItemFilter *self)
{
  g_return_if_fail (LP_IS_ITEM_FILTER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  on_changed (self);
}
