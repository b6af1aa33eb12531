/* lp-secret.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * "Remember me": the session token of one server address, kept in the user's keyring
 * through the Secret Service (libsecret). These calls never prompt (a locked or missing
 * keyring is simply not used), never take longer than LP_SECRET_TIMEOUT_MS, and fail
 * with an ordinary GError when no Secret Service is available: the caller then just
 * does not remember the login.
 */

#define LP_SECRET_TIMEOUT_MS 5000

/* Whether a token could be stored now (a Secret Service with an unlocked default
 * keyring). */
void      lp_secret_check_async   (GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean  lp_secret_check_finish  (GAsyncResult        *result,
                                   GError             **error);

/* Replaces the token remembered for @server_url. */
void      lp_secret_store_async   (const char          *server_url,
                                   const char          *username,
                                   const char          *token,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean  lp_secret_store_finish  (GAsyncResult        *result,
                                   GError             **error);

/* Returns: (nullable) (transfer full): the token remembered for @server_url, or NULL
 * (without an error) when there is none. */
void      lp_secret_lookup_async  (const char          *server_url,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
char     *lp_secret_lookup_finish (GAsyncResult        *result,
                                   GError             **error);

/* Forgets the token of @server_url (if the keyring is unlocked). */
void      lp_secret_clear_async   (const char          *server_url,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean  lp_secret_clear_finish  (GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
