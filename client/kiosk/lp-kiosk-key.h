/* lp-kiosk-key.h — the device key a kiosk signs its members in with.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * An admin registers the kiosk on the server and is shown its key once; whoever sets the
 * station up stores it once (`lentera --kiosk --setup`). It lives in a file only its
 * owner may read (the kiosk's own account, or root): a keyring would prompt for a
 * password in front of students, and a key others can read is refused.
 */

/* Returns: (transfer full): where the key is kept ($XDG_CONFIG_HOME/lentera/kiosk-key). */
char     *lp_kiosk_key_path  (void);
/* Returns: (transfer full): the stored key, or NULL with @error (G_FILE_ERROR_NOENT when
 * the station is not set up yet). */
char     *lp_kiosk_key_load  (GError     **error);
/* Checks @key's form (what the server hands out) and stores it, readable by its owner. */
gboolean  lp_kiosk_key_save  (const char  *key,
                              GError     **error);

G_END_DECLS
