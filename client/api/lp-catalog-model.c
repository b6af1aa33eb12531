/* lp-catalog-model.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-catalog-model"

#include "config.h"

#include "lp-catalog-model.h"

#include "lp-error.h"

#define PAGE_SIZE      LP_CATALOG_MODEL_PAGE_SIZE
/* Pages kept in memory: a few screens' worth around what was looked at last. */
#define MAX_PAGES      40
/* Requests on the way at once; a fast scroll queues the rest, newest first. */
#define MAX_IN_FLIGHT  3
/* Requests wait this long, so that rows scrolled past in a flick are never fetched. */
#define FETCH_DELAY_MS 40

typedef struct
{
  guint      index;
  GPtrArray *items;      /* LpItemObject, placeholders until loaded */
  guint64    last_used;
  gboolean   fetching;
  gboolean   loaded;
} Page;

struct _LpCatalogModel
{
  GObject       parent_instance;

  LpApiClient  *client;
  GCancellable *cancellable;   /* every request of the current generation */
  guint         generation;    /* bumped by each reload; late replies are ignored */

  char         *q;
  char         *category_id;
  gboolean      borrowable;

  guint         n_items;
  GHashTable   *pages;         /* page index + 1 → Page */
  GQueue        pending;       /* page indexes waiting for a request, newest last */
  guint         fetch_source;
  guint         in_flight;
  guint64       clock;

  gboolean      loading;
  gboolean      loaded;
  GError       *error;
  guint         n_fetches;
};

static void lp_catalog_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LpCatalogModel, lp_catalog_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      lp_catalog_model_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_LOADED,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  LpCatalogModel *self;
  guint           generation;
  guint           page_index;
  gboolean        reset;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_object_unref (fetch->self);
  g_free (fetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fetch, fetch_free)

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static Page *
page_new (guint index,
          guint count)
{
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->items = g_ptr_array_new_full (count, g_object_unref);
  for (guint i = 0; i < count; i++)
    g_ptr_array_add (page->items, lp_item_object_new_placeholder ());
  return page;
}

static gpointer
page_key (guint index)
{
  return GUINT_TO_POINTER (index + 1);
}

/* Whether anyone but the model holds an object of @page: a row widget showing it.
 * HACK: GListModel has no "row is visible" signal, and GtkListView keeps a reference
 * to the item of every row it has bound, so the reference count tells which pages are
 * on screen. */
static gboolean
page_in_use (Page *page)
{
  for (guint i = 0; i < page->items->len; i++)
    {
      GObject *object = g_ptr_array_index (page->items, i);

      if (g_atomic_int_get ((int *) &object->ref_count) > 1)
        return TRUE;
    }
  return FALSE;
}

static void
set_loading (LpCatalogModel *self,
             gboolean        loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Takes @error (which may be NULL). */
static void
set_error (LpCatalogModel *self,
           GError         *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void dispatch_fetches (LpCatalogModel *self);

static gboolean
on_fetch_timeout (gpointer user_data)
{
  LpCatalogModel *self = user_data;

  self->fetch_source = 0;
  dispatch_fetches (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_fetches (LpCatalogModel *self)
{
  if (self->fetch_source == 0 && !g_queue_is_empty (&self->pending))
    self->fetch_source = g_timeout_add (FETCH_DELAY_MS, on_fetch_timeout, self);
}

static void
reset_contents (LpCatalogModel *self,
                GPtrArray      *first_page,
                guint           total)
{
  guint old_n_items = self->n_items;
  Page *page;

  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->pending);
  self->n_items = total;
  if (total > 0)
    {
      page = g_new0 (Page, 1);
      page->items = g_ptr_array_ref (first_page);
      page->loaded = TRUE;
      page->last_used = ++self->clock;
      g_hash_table_insert (self->pages, page_key (0), page);
    }
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
fill_page (LpCatalogModel *self,
           Page           *page,
           GPtrArray      *items)
{
  page->fetching = FALSE;
  page->loaded = TRUE;
  for (guint i = 0; i < MIN (page->items->len, items->len); i++)
    lp_item_object_fill (g_ptr_array_index (page->items, i), g_ptr_array_index (items, i));
}

static void
on_page_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  LpCatalogModel *self = fetch->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint total = 0;
  Page *page;

  items = lp_api_client_list_items_finish (LP_API_CLIENT (source), result, &total, &error);
  if (fetch->generation != self->generation)
    return;

  if (fetch->reset)
    {
      set_loading (self, FALSE);
      set_error (self, g_steal_pointer (&error));
      if (items != NULL)
        reset_contents (self, items, total);
      return;
    }

  self->in_flight--;
  page = g_hash_table_lookup (self->pages, page_key (fetch->page_index));
  if (items == NULL)
    {
      /* Dropped, so that the rows ask again once the server is back. */
      if (page != NULL)
        g_hash_table_remove (self->pages, page_key (fetch->page_index));
      set_error (self, g_steal_pointer (&error));
      return;
    }
  set_error (self, NULL);
  if (total != self->n_items)
    {
      /* The catalog changed under us (an item added or removed elsewhere): the offsets
       * of every page have moved, so start over. */
      lp_catalog_model_reload (self);
      return;
    }
  if (page != NULL)
    fill_page (self, page, items);
  dispatch_fetches (self);
}

static void
start_fetch (LpCatalogModel *self,
             guint           page_index,
             gboolean        reset)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->self = g_object_ref (self);
  fetch->generation = self->generation;
  fetch->page_index = page_index;
  fetch->reset = reset;
  self->n_fetches++;
  g_debug ("Fetching %s page %u", reset ? "the first" : "the", page_index);
  lp_api_client_list_items_async (self->client, self->q, self->category_id, self->borrowable,
                                  PAGE_SIZE, page_index * PAGE_SIZE, self->cancellable,
                                  on_page_fetched, fetch);
}

static void
dispatch_fetches (LpCatalogModel *self)
{
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  while (self->in_flight < MAX_IN_FLIGHT && !g_queue_is_empty (&self->pending))
    {
      guint index = GPOINTER_TO_UINT (g_queue_pop_tail (&self->pending));
      Page *page = g_hash_table_lookup (self->pages, page_key (index));

      if (page == NULL || page->loaded || page->fetching)
        continue;
      if (!page_in_use (page))
        {
          /* Scrolled past before it was needed. */
          g_hash_table_remove (self->pages, page_key (index));
          continue;
        }
      page->fetching = TRUE;
      self->in_flight++;
      start_fetch (self, index, FALSE);
    }
}

/* Drops the least recently used pages that no row shows while there are too many. */
static void
evict_pages (LpCatalogModel *self,
             Page           *keep)
{
  while (g_hash_table_size (self->pages) > MAX_PAGES)
    {
      GHashTableIter iter;
      Page *page, *oldest = NULL;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
        if (page != keep && !page->fetching &&
            (oldest == NULL || page->last_used < oldest->last_used) && !page_in_use (page))
          oldest = page;
      if (oldest == NULL)
        return;
      g_hash_table_remove (self->pages, page_key (oldest->index));
    }
}

static GType
lp_catalog_model_get_item_type (GListModel *model)
{
  return LP_TYPE_ITEM_OBJECT;
}

static guint
lp_catalog_model_get_n_items (GListModel *model)
{
  return LP_CATALOG_MODEL (model)->n_items;
}

static gpointer
lp_catalog_model_get_item (GListModel *model,
                           guint       position)
{
  LpCatalogModel *self = LP_CATALOG_MODEL (model);
  guint index = position / PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;
  page = g_hash_table_lookup (self->pages, page_key (index));
  if (page == NULL)
    {
      page = page_new (index, MIN (PAGE_SIZE, self->n_items - index * PAGE_SIZE));
      g_hash_table_insert (self->pages, page_key (index), page);
      g_queue_push_tail (&self->pending, GUINT_TO_POINTER (index));
      schedule_fetches (self);
      evict_pages (self, page);
    }
  page->last_used = ++self->clock;
  return g_object_ref (g_ptr_array_index (page->items, position - index * PAGE_SIZE));
}

static void
lp_catalog_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lp_catalog_model_get_item_type;
  iface->get_n_items = lp_catalog_model_get_n_items;
  iface->get_item = lp_catalog_model_get_item;
}

static void
lp_catalog_model_dispose (GObject *object)
{
  LpCatalogModel *self = (LpCatalogModel *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lp_catalog_model_parent_class)->dispose (object);
}

static void
lp_catalog_model_finalize (GObject *object)
{
  LpCatalogModel *self = (LpCatalogModel *) object;

  g_hash_table_unref (self->pages);
  g_queue_clear (&self->pending);
  g_clear_error (&self->error);
  g_free (self->q);
  g_free (self->category_id);

  G_OBJECT_CLASS (lp_catalog_model_parent_class)->finalize (object);
}

static void
lp_catalog_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LpCatalogModel *self = LP_CATALOG_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_catalog_model_class_init (LpCatalogModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lp_catalog_model_dispose;
  object_class->finalize = lp_catalog_model_finalize;
  object_class->get_property = lp_catalog_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_catalog_model_init (LpCatalogModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->pending);
}

LpCatalogModel *
lp_catalog_model_new (LpApiClient *client)
{
  LpCatalogModel *self;

  g_return_val_if_fail (LP_IS_API_CLIENT (client), NULL);

  self = g_object_new (LP_TYPE_CATALOG_MODEL, NULL);
  self->client = g_object_ref (client);
  return self;
}

static char *
strdup_nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? g_strdup (s) : NULL;
}

void
lp_catalog_model_set_query (LpCatalogModel *self,
                            const char     *q,
                            const char     *category_id,
                            gboolean        borrowable)
{
  g_autofree char *stripped = NULL;
  g_autofree char *new_q = NULL;
  g_autofree char *new_category_id = NULL;

  g_return_if_fail (LP_IS_CATALOG_MODEL (self));

  stripped = g_strstrip (g_strdup (q != NULL ? q : ""));
  new_q = strdup_nonempty (stripped);
  new_category_id = strdup_nonempty (category_id);
  /* The same search again (a trailing space typed, a filter set back) changes nothing. */
  if (self->generation > 0 && g_strcmp0 (new_q, self->q) == 0 &&
      g_strcmp0 (new_category_id, self->category_id) == 0 && self->borrowable == !!borrowable)
    return;
  g_free (self->q);
  self->q = g_steal_pointer (&new_q);
  g_free (self->category_id);
  self->category_id = g_steal_pointer (&new_category_id);
  self->borrowable = !!borrowable;
  lp_catalog_model_reload (self);
}

void
lp_catalog_model_reload (LpCatalogModel *self)
{
  g_return_if_fail (LP_IS_CATALOG_MODEL (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->in_flight = 0;
  g_queue_clear (&self->pending);
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  set_loading (self, TRUE);
  start_fetch (self, 0, TRUE);
}

gboolean
lp_catalog_model_get_loading (LpCatalogModel *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_MODEL (self), FALSE);

  return self->loading;
}

gboolean
lp_catalog_model_get_loaded (LpCatalogModel *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_MODEL (self), FALSE);

  return self->loaded;
}

const GError *
lp_catalog_model_get_error (LpCatalogModel *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_MODEL (self), NULL);

  return self->error;
}

guint
lp_catalog_model_get_n_pages (LpCatalogModel *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}

guint
lp_catalog_model_get_n_fetches (LpCatalogModel *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_MODEL (self), 0);

  return self->n_fetches;
}

guint
lp_catalog_model_get_n_queries (LpCatalogModel *self)
{
  g_return_val_if_fail (LP_IS_CATALOG_MODEL (self), 0);

  return self->generation;
}

/* The loaded objects of item @id (usually one), or NULL. */
static GPtrArray *
find_item_objects (LpCatalogModel *self,
                   const char     *id)
{
  GPtrArray *found = NULL;
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    for (guint i = 0; page->loaded && i < page->items->len; i++)
      {
        LpItemObject *object = g_ptr_array_index (page->items, i);
        const LpItem *item = lp_item_object_get_item (object);

        if (item == NULL || g_strcmp0 (item->id, id) != 0)
          continue;
        if (found == NULL)
          found = g_ptr_array_new_with_free_func (g_object_unref);
        g_ptr_array_add (found, g_object_ref (object));
      }
  return found;
}

typedef struct
{
  LpCatalogModel *self;
  guint           generation;
  char           *id;
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_object_unref (refresh->self);
  g_free (refresh->id);
  g_free (refresh);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Refresh, refresh_free)

static void
on_item_refreshed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Refresh) refresh = user_data;
  LpCatalogModel *self = refresh->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LpItemObject) fresh = NULL;
  g_autoptr(GPtrArray) objects = NULL;

  fresh = lp_api_client_get_item_finish (LP_API_CLIENT (source), result, &error);
  if (refresh->generation != self->generation)
    return;
  if (g_error_matches (error, LP_ERROR, LP_ERROR_NOT_FOUND))
    {
      lp_catalog_model_reload (self);
      return;
    }
  if (fresh == NULL)
    {
      g_debug ("Cannot refresh item %s: %s", refresh->id, error->message);
      return;
    }
  objects = find_item_objects (self, refresh->id);
  for (guint i = 0; objects != NULL && i < objects->len; i++)
    lp_item_object_fill (g_ptr_array_index (objects, i), fresh);
}

void
lp_catalog_model_refresh_item (LpCatalogModel *self,
                               const char     *id)
{
  g_autoptr(GPtrArray) objects = NULL;
  Refresh *refresh;

  g_return_if_fail (LP_IS_CATALOG_MODEL (self));
  g_return_if_fail (id != NULL);

  objects = find_item_objects (self, id);
  if (objects == NULL)
    return;
  refresh = g_new0 (Refresh, 1);
  refresh->self = g_object_ref (self);
  refresh->generation = self->generation;
  refresh->id = g_strdup (id);
  g_debug ("Refreshing item %s", id);
  lp_api_client_get_item_async (self->client, id, self->cancellable, on_item_refreshed, refresh);
}
