/* lp-secret.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-secret"

#include "config.h"

#include "lp-secret.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

/*
 * The SecretService API rather than secret_password_*(): those unlock a locked keyring
 * and create a missing default one, both through a prompt window, which at a kiosk or
 * under a test display nobody answers. Here a search never asks to unlock, storing goes
 * only into an already unlocked default collection, and everything is bounded by a
 * timeout.
 */

typedef enum
{
  OP_CHECK,
  OP_STORE,
  OP_LOOKUP,
  OP_CLEAR,
} Op;

typedef struct
{
  Op             op;
  char          *server_url;
  char          *username;
  char          *token;
  GCancellable  *cancellable;      /* ours: cancelled by the timeout or by @outer */
  GCancellable  *outer;
  gulong         outer_handler;
  guint          timeout_id;
  SecretService *service;
  GList         *doomed;           /* OP_CLEAR: the items still to delete */
  gint64         started;
} SecretOp;

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "id.lenterapustaka.Lentera.Token", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static void
secret_op_free (SecretOp *op)
{
  g_debug ("Secret Service operation %d took %" G_GINT64_FORMAT " ms", op->op,
           (g_get_monotonic_time () - op->started) / 1000);
  if (op->outer_handler != 0)
    g_cancellable_disconnect (op->outer, op->outer_handler);
  g_clear_handle_id (&op->timeout_id, g_source_remove);
  g_clear_object (&op->outer);
  g_clear_object (&op->cancellable);
  g_clear_object (&op->service);
  g_list_free_full (op->doomed, g_object_unref);
  g_free (op->server_url);
  g_free (op->username);
  if (op->token != NULL)
    memset (op->token, 0, strlen (op->token));
  g_free (op->token);
  g_free (op);
}

static gboolean
on_timeout (gpointer user_data)
{
  SecretOp *op = user_data;

  op->timeout_id = 0;
  g_debug ("The Secret Service did not answer in time");
  g_cancellable_cancel (op->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_outer_cancelled (GCancellable *outer,
                    gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static GHashTable *
attributes_for (SecretOp *op)
{
  return secret_attributes_build (token_schema (), "server", op->server_url, NULL);
}

static void
return_unavailable (GTask        *task,
                    const GError *cause)
{
  if (cause != NULL)
    g_debug ("Secret Service: %s", cause->message);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("No unlocked keyring is available."));
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_service_store_finish (SECRET_SERVICE (source), result, &error))
    return_unavailable (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_collection (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SecretOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  collection = secret_collection_for_alias_finish (result, &error);
  if (collection == NULL || secret_collection_get_locked (collection))
    {
      return_unavailable (task, error);
      return;
    }
  if (op->op == OP_CHECK)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  attributes = attributes_for (op);
  value = secret_value_new (op->token, -1, "text/plain");
  /* Translators: the label of the keyring entry; %s are a user name and an address. */
  label = g_strdup_printf (_("Lentera login of %s at %s"), op->username, op->server_url);
  secret_service_store (op->service, token_schema (), attributes,
                        g_dbus_proxy_get_object_path (G_DBUS_PROXY (collection)),
                        label, value, op->cancellable, on_stored, g_steal_pointer (&task));
}

static void delete_next (GTask *task);

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_item_delete_finish (SECRET_ITEM (source), result, &error))
    {
      return_unavailable (task, error);
      return;
    }
  delete_next (g_steal_pointer (&task));
}

/* Takes @task. */
static void
delete_next (GTask *task)
{
  SecretOp *op = g_task_get_task_data (task);
  g_autoptr(SecretItem) item = NULL;

  if (op->doomed == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  item = op->doomed->data;
  op->doomed = g_list_delete_link (op->doomed, op->doomed);
  secret_item_delete (item, op->cancellable, on_deleted, task);
}

static void
on_searched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SecretOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_service_search_finish (SECRET_SERVICE (source), result, &error);
  if (error != NULL)
    {
      return_unavailable (task, error);
      return;
    }
  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretItem *item = l->data;
      g_autoptr(SecretValue) value = NULL;

      /* A locked item stays where it is: unlocking it would mean a prompt. */
      if (secret_item_get_locked (item))
        continue;
      if (op->op == OP_CLEAR)
        {
          op->doomed = g_list_prepend (op->doomed, g_object_ref (item));
          continue;
        }
      value = secret_item_get_secret (item);
      if (value != NULL && secret_value_get_text (value) != NULL)
        {
          g_task_return_pointer (task, g_strdup (secret_value_get_text (value)), g_free);
          g_list_free_full (items, g_object_unref);
          return;
        }
    }
  g_list_free_full (items, g_object_unref);
  if (op->op == OP_CLEAR)
    delete_next (g_steal_pointer (&task));
  else
    g_task_return_pointer (task, NULL, NULL);
}

static void
on_service (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SecretOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  SecretSearchFlags flags = SECRET_SEARCH_ALL;

  op->service = secret_service_get_finish (result, &error);
  if (op->service == NULL)
    {
      return_unavailable (task, error);
      return;
    }
  switch (op->op)
    {
    case OP_CHECK:
    case OP_STORE:
      secret_collection_for_alias (op->service, SECRET_COLLECTION_DEFAULT,
                                   SECRET_COLLECTION_NONE, op->cancellable,
                                   on_collection, g_steal_pointer (&task));
      break;
    case OP_LOOKUP:
      flags |= SECRET_SEARCH_LOAD_SECRETS;
      G_GNUC_FALLTHROUGH;
    case OP_CLEAR:
      attributes = attributes_for (op);
      secret_service_search (op->service, token_schema (), attributes, flags,
                             op->cancellable, on_searched, g_steal_pointer (&task));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
start (SecretOp            *op,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task;

  op->started = g_get_monotonic_time ();
  op->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      op->outer = g_object_ref (cancellable);
      op->outer_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_outer_cancelled),
                                                 g_object_ref (op->cancellable),
                                                 g_object_unref);
    }
  op->timeout_id = g_timeout_add (LP_SECRET_TIMEOUT_MS, on_timeout, op);
  task = g_task_new (NULL, op->cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  /* A timeout is an ordinary "not available", not a cancellation of the caller's. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, op, (GDestroyNotify) secret_op_free);
  secret_service_get (SECRET_SERVICE_NONE, op->cancellable, on_service, task);
}

static SecretOp *
secret_op_new (Op          kind,
               const char *server_url)
{
  SecretOp *op = g_new0 (SecretOp, 1);

  op->op = kind;
  op->server_url = g_strdup (server_url);
  return op;
}

void
lp_secret_check_async (GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  start (secret_op_new (OP_CHECK, NULL), lp_secret_check_async, cancellable, callback,
         user_data);
}

gboolean
lp_secret_check_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, lp_secret_check_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
lp_secret_store_async (const char          *server_url,
                       const char          *username,
                       const char          *token,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  SecretOp *op;

  g_return_if_fail (server_url != NULL && username != NULL && token != NULL);

  op = secret_op_new (OP_STORE, server_url);
  op->username = g_strdup (username);
  op->token = g_strdup (token);
  start (op, lp_secret_store_async, cancellable, callback, user_data);
}

gboolean
lp_secret_store_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, lp_secret_store_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
lp_secret_lookup_async (const char          *server_url,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (server_url != NULL);

  start (secret_op_new (OP_LOOKUP, server_url), lp_secret_lookup_async, cancellable,
         callback, user_data);
}

char *
lp_secret_lookup_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, lp_secret_lookup_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
lp_secret_clear_async (const char          *server_url,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (server_url != NULL);

  start (secret_op_new (OP_CLEAR, server_url), lp_secret_clear_async, cancellable,
         callback, user_data);
}

gboolean
lp_secret_clear_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, lp_secret_clear_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
