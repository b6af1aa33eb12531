/* lp-passwords.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-passwords"

#include "config.h"

#include "lp-passwords.h"

#include "lp-error.h"

#include <crypt.h>
#include <string.h>

/* crypt() keeps its state in a static buffer; crypt_rn with our own (32 KiB, so on the
 * heap) struct crypt_data is safe on any thread. */
char *
lp_password_hash (const char  *password,
                  GError     **error)
{
  g_autofree struct crypt_data *data = g_new0 (struct crypt_data, 1);
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];

  g_return_val_if_fail (password != NULL, NULL);

  if (crypt_gensalt_rn ("$2b$", LP_BCRYPT_COST, NULL, 0, salt, sizeof salt) == NULL ||
      crypt_rn (password, salt, data, sizeof *data) == NULL || data->output[0] == '*')
    {
      g_set_error_literal (error, LP_ERROR, LP_ERROR_INTERNAL, "Could not hash the password");
      return NULL;
    }
  return g_strdup (data->output);
}

static gboolean
equal_constant_time (const char *a,
                     const char *b)
{
  gsize len_a = strlen (a), len_b = strlen (b);
  guint8 diff = len_a != len_b;

  for (gsize i = 0; i < len_a && i < len_b; i++)
    diff |= (guint8) (a[i] ^ b[i]);
  return diff == 0;
}

gboolean
lp_password_verify (const char *password,
                    const char *hash)
{
  g_autofree struct crypt_data *data = g_new0 (struct crypt_data, 1);

  if (password == NULL || hash == NULL || !g_str_has_prefix (hash, "$2"))
    return FALSE;
  if (crypt_rn (password, hash, data, sizeof *data) == NULL || data->output[0] == '*')
    return FALSE;
  return equal_constant_time (data->output, hash);
}

/* Spends the time of one verification, so that a login for an unknown user takes as long
 * as one with a wrong password. */
void
lp_password_burn_time (void)
{
  static char *dummy;

  if (g_once_init_enter (&dummy))
    g_once_init_leave (&dummy, lp_password_hash ("not the password", NULL));
  lp_password_verify ("still not the password", dummy);
}
