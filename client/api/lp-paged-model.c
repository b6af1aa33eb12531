/* lp-paged-model.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-paged-model"

#include "config.h"

#include "lp-paged-model.h"

#include "lp-api-object.h"
#include "lp-error.h"

#include <glib/gi18n-lib.h>

#define PAGE_SIZE      LP_PAGED_MODEL_PAGE_SIZE
/* Pages kept in memory: a few screens' worth around what was looked at last. */
#define MAX_PAGES      40
/* Requests on the way at once; a fast scroll queues the rest, newest first. */
#define MAX_IN_FLIGHT  3
/* Requests wait this long, so that rows scrolled past in a flick are never fetched. */
#define FETCH_DELAY_MS 40

typedef struct
{
  guint      index;
  GPtrArray *items;      /* data objects, placeholders until loaded */
  guint64    last_used;
  gboolean   fetching;
  gboolean   loaded;
} Page;

struct _LpPagedModel
{
  GObject       parent_instance;

  LpApiClient         *client;
  const LpApiEndpoint *list;    /* a page endpoint of data objects */
  const LpApiEndpoint *get;     /* the same object by id, for refresh(); may be NULL */
  GType                item_type;
  GCancellable *cancellable;   /* every request of the current generation */
  guint         generation;    /* bumped by each reload; late replies are ignored */

  GStrv         query;         /* key, value, …: only the given values */

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

static void lp_paged_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LpPagedModel, lp_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      lp_paged_model_list_model_init))

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
  LpPagedModel *self;
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
page_new (GType item_type,
          guint index,
          guint count)
{
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->items = g_ptr_array_new_full (count, g_object_unref);
  for (guint i = 0; i < count; i++)
    g_ptr_array_add (page->items, g_object_new (item_type, NULL));
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
set_loading (LpPagedModel *self,
             gboolean        loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Takes @error (which may be NULL). */
static void
set_error (LpPagedModel *self,
           GError         *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void dispatch_fetches (LpPagedModel *self);

static gboolean
on_fetch_timeout (gpointer user_data)
{
  LpPagedModel *self = user_data;

  self->fetch_source = 0;
  dispatch_fetches (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_fetches (LpPagedModel *self)
{
  if (self->fetch_source == 0 && !g_queue_is_empty (&self->pending))
    self->fetch_source = g_timeout_add (FETCH_DELAY_MS, on_fetch_timeout, self);
}

static void
reset_contents (LpPagedModel *self,
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
fill_page (LpPagedModel *self,
           Page           *page,
           GPtrArray      *items)
{
  page->fetching = FALSE;
  page->loaded = TRUE;
  for (guint i = 0; i < MIN (page->items->len, items->len); i++)
    lp_api_object_update (g_ptr_array_index (page->items, i), g_ptr_array_index (items, i));
}

static void
on_page_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  LpPagedModel *self = fetch->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint total = 0;
  Page *page;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &items, &total, &error);
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
      lp_paged_model_reload (self);
      return;
    }
  if (page != NULL)
    fill_page (self, page, items);
  dispatch_fetches (self);
}

/* @query with the paging of page @page_index added. */
static GStrv
page_query (GStrv query,
            guint page_index)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *offset = g_strdup_printf ("%u", page_index * PAGE_SIZE);

  g_strv_builder_addv (builder, (const char **) query);
  /* Every row is laid out, so the length must be exact: never an estimated total. */
  g_strv_builder_add_many (builder, "limit", G_STRINGIFY (PAGE_SIZE), "offset", offset,
                           "exact_total", "true", NULL);
  return g_strv_builder_end (builder);
}

static void
start_fetch (LpPagedModel *self,
             guint           page_index,
             gboolean        reset)
{
  Fetch *fetch = g_new0 (Fetch, 1);
  g_auto(GStrv) query = page_query (self->query, page_index);

  fetch->self = g_object_ref (self);
  fetch->generation = self->generation;
  fetch->page_index = page_index;
  fetch->reset = reset;
  self->n_fetches++;
  g_debug ("Fetching %s page %u", reset ? "the first" : "the", page_index);
  lp_api_client_call_async (self->client, self->list, NULL, (const char * const *) query, NULL,
                            self->cancellable, on_page_fetched, fetch);
}

static void
dispatch_fetches (LpPagedModel *self)
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
evict_pages (LpPagedModel *self,
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
lp_paged_model_get_item_type (GListModel *model)
{
  return LP_PAGED_MODEL (model)->item_type;
}

static guint
lp_paged_model_get_n_items (GListModel *model)
{
  return LP_PAGED_MODEL (model)->n_items;
}

static gpointer
lp_paged_model_get_item (GListModel *model,
                           guint       position)
{
  LpPagedModel *self = LP_PAGED_MODEL (model);
  guint index = position / PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;
  page = g_hash_table_lookup (self->pages, page_key (index));
  if (page == NULL)
    {
      page = page_new (self->item_type, index, MIN (PAGE_SIZE, self->n_items - index * PAGE_SIZE));
      g_hash_table_insert (self->pages, page_key (index), page);
      g_queue_push_tail (&self->pending, GUINT_TO_POINTER (index));
      schedule_fetches (self);
      evict_pages (self, page);
    }
  page->last_used = ++self->clock;
  return g_object_ref (g_ptr_array_index (page->items, position - index * PAGE_SIZE));
}

static void
lp_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lp_paged_model_get_item_type;
  iface->get_n_items = lp_paged_model_get_n_items;
  iface->get_item = lp_paged_model_get_item;
}

static void
lp_paged_model_dispose (GObject *object)
{
  LpPagedModel *self = (LpPagedModel *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lp_paged_model_parent_class)->dispose (object);
}

static void
lp_paged_model_finalize (GObject *object)
{
  LpPagedModel *self = (LpPagedModel *) object;

  g_hash_table_unref (self->pages);
  g_queue_clear (&self->pending);
  g_clear_error (&self->error);
  g_strfreev (self->query);

  G_OBJECT_CLASS (lp_paged_model_parent_class)->finalize (object);
}

static void
lp_paged_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LpPagedModel *self = LP_PAGED_MODEL (object);

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
lp_paged_model_class_init (LpPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lp_paged_model_dispose;
  object_class->finalize = lp_paged_model_finalize;
  object_class->get_property = lp_paged_model_get_property;

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
lp_paged_model_init (LpPagedModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->pending);
}

LpPagedModel *
lp_paged_model_new (LpApiClient         *client,
                    const LpApiEndpoint *list,
                    const LpApiEndpoint *get)
{
  LpPagedModel *self;

  g_return_val_if_fail (LP_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (list->reply == LP_API_REPLY_PAGE && list->type != NULL, NULL);
  g_return_val_if_fail (get == NULL || get->type == list->type, NULL);

  self = g_object_new (LP_TYPE_PAGED_MODEL, NULL);
  self->client = g_object_ref (client);
  self->list = list;
  self->get = get;
  self->item_type = list->type ();
  self->query = g_new0 (char *, 1);
  return self;
}

void
lp_paged_model_set_query (LpPagedModel       *self,
                          const char * const *query)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) given = NULL;

  g_return_if_fail (LP_IS_PAGED_MODEL (self));

  for (guint i = 0; query != NULL && query[i] != NULL; i += 2)
    if (query[i + 1] != NULL && *query[i + 1] != '\0')
      g_strv_builder_add_many (builder, query[i], query[i + 1], NULL);
  given = g_strv_builder_end (builder);
  /* The same query again (a filter set back) changes nothing. */
  if (self->generation > 0 && g_strv_equal ((const char * const *) given,
                                            (const char * const *) self->query))
    return;
  g_strfreev (self->query);
  self->query = g_steal_pointer (&given);
  lp_paged_model_reload (self);
}

void
lp_paged_model_reload (LpPagedModel *self)
{
  g_return_if_fail (LP_IS_PAGED_MODEL (self));

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
lp_paged_model_get_loading (LpPagedModel *self)
{
  g_return_val_if_fail (LP_IS_PAGED_MODEL (self), FALSE);

  return self->loading;
}

gboolean
lp_paged_model_get_loaded (LpPagedModel *self)
{
  g_return_val_if_fail (LP_IS_PAGED_MODEL (self), FALSE);

  return self->loaded;
}

const GError *
lp_paged_model_get_error (LpPagedModel *self)
{
  g_return_val_if_fail (LP_IS_PAGED_MODEL (self), NULL);

  return self->error;
}

guint
lp_paged_model_get_n_pages (LpPagedModel *self)
{
  g_return_val_if_fail (LP_IS_PAGED_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}

guint
lp_paged_model_get_n_fetches (LpPagedModel *self)
{
  g_return_val_if_fail (LP_IS_PAGED_MODEL (self), 0);

  return self->n_fetches;
}

guint
lp_paged_model_get_n_queries (LpPagedModel *self)
{
  g_return_val_if_fail (LP_IS_PAGED_MODEL (self), 0);

  return self->generation;
}

/* The loaded objects of item @id (usually one), or NULL. */
static GPtrArray *
find_item_objects (LpPagedModel *self,
                   const char     *id)
{
  GPtrArray *found = NULL;
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    for (guint i = 0; page->loaded && i < page->items->len; i++)
      {
        GObject *object = g_ptr_array_index (page->items, i);

        if (g_strcmp0 (lp_api_object_get_id (object), id) != 0)
          continue;
        if (found == NULL)
          found = g_ptr_array_new_with_free_func (g_object_unref);
        g_ptr_array_add (found, g_object_ref (object));
      }
  return found;
}

typedef struct
{
  LpPagedModel *self;
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
  LpPagedModel *self = refresh->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) fresh = NULL;
  g_autoptr(GPtrArray) objects = NULL;

  lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &fresh, NULL, &error);
  if (refresh->generation != self->generation)
    return;
  if (g_error_matches (error, LP_ERROR, LP_ERROR_NOT_FOUND))
    {
      lp_paged_model_reload (self);
      return;
    }
  if (fresh == NULL)
    {
      g_debug ("Cannot refresh item %s: %s", refresh->id, error->message);
      return;
    }
  objects = find_item_objects (self, refresh->id);
  for (guint i = 0; objects != NULL && i < objects->len; i++)
    lp_api_object_update (g_ptr_array_index (objects, i), fresh);
}

void
lp_paged_model_refresh (LpPagedModel *self,
                               const char     *id)
{
  g_autoptr(GPtrArray) objects = NULL;
  Refresh *refresh;

  g_return_if_fail (LP_IS_PAGED_MODEL (self));
  g_return_if_fail (id != NULL);

  objects = find_item_objects (self, id);
  if (objects == NULL || self->get == NULL)
    return;
  refresh = g_new0 (Refresh, 1);
  refresh->self = g_object_ref (self);
  refresh->generation = self->generation;
  refresh->id = g_strdup (id);
  g_debug ("Refreshing item %s", id);
  lp_api_client_call_async (self->client, self->get, (const char *[]) { id, NULL }, NULL, NULL,
                            self->cancellable, on_item_refreshed, refresh);
}

/*
 * Collecting rows
 */

typedef struct
{
  GArray    *positions;  /* guint, ascending */
  GPtrArray *objects;    /* one per position, NULL until known */
  GStrv      query;
  guint      n_items;
  guint      next;       /* the first position still NULL */
} Collect;

static void
collect_free (Collect *collect)
{
  g_array_unref (collect->positions);
  g_ptr_array_unref (collect->objects);
  g_strfreev (collect->query);
  g_free (collect);
}

static void collect_next (GTask *task);  /* takes @task */

/* The offsets moved under the collection: what it would return is not the selection. */
static void
return_list_changed (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                           _("The list changed while it was read. Try again."));
}

static void
on_collected_page (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Collect *collect = g_task_get_task_data (task);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0, index;

  if (!lp_api_client_call_finish (LP_API_CLIENT (source), result, (gpointer *) &items, &total,
                                  &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (total != collect->n_items)
    {
      return_list_changed (task);
      return;
    }
  index = g_array_index (collect->positions, guint, collect->next) / PAGE_SIZE;
  for (guint i = collect->next; i < collect->positions->len; i++)
    {
      guint position = g_array_index (collect->positions, guint, i);

      if (position / PAGE_SIZE != index)
        continue;
      if (position % PAGE_SIZE >= items->len)
        {
          return_list_changed (task);
          return;
        }
      g_ptr_array_index (collect->objects, i) =
        g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
    }
  collect_next (g_steal_pointer (&task));
}

/* Fetches the page of the first position not known yet, or returns what is known. */
static void
collect_next (GTask *task)
{
  LpPagedModel *self = g_task_get_source_object (task);
  Collect *collect = g_task_get_task_data (task);
  g_auto(GStrv) query = NULL;

  while (collect->next < collect->positions->len &&
         g_ptr_array_index (collect->objects, collect->next) != NULL)
    collect->next++;
  if (collect->next == collect->positions->len)
    {
      g_task_return_pointer (task, g_ptr_array_ref (collect->objects),
                             (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  query = page_query (collect->query,
                      g_array_index (collect->positions, guint, collect->next) / PAGE_SIZE);
  lp_api_client_call_async (self->client, self->list, NULL, (const char * const *) query, NULL,
                            g_task_get_cancellable (task), on_collected_page, task);
}

void
lp_paged_model_collect_async (LpPagedModel        *self,
                              const guint         *positions,
                              guint                n_positions,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Collect *collect;

  g_return_if_fail (LP_IS_PAGED_MODEL (self));
  g_return_if_fail (positions != NULL || n_positions == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lp_paged_model_collect_async);
  collect = g_new0 (Collect, 1);
  collect->positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_positions);
  collect->objects = g_ptr_array_new_full (n_positions, g_object_unref);
  collect->query = g_strdupv (self->query);
  collect->n_items = self->n_items;
  for (guint i = 0; i < n_positions; i++)
    {
      guint position = positions[i];
      Page *page = g_hash_table_lookup (self->pages, page_key (position / PAGE_SIZE));
      GObject *object = NULL;

      if (position >= self->n_items)
        continue;
      if (page != NULL && page->loaded)
        object = g_object_ref (g_ptr_array_index (page->items, position % PAGE_SIZE));
      g_array_append_val (collect->positions, position);
      g_ptr_array_add (collect->objects, object);
    }
  g_task_set_task_data (task, collect, (GDestroyNotify) collect_free);
  collect_next (g_steal_pointer (&task));
}

GPtrArray *
lp_paged_model_collect_finish (LpPagedModel  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
