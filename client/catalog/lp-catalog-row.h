/* lp-catalog-row.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-item-object.h"

G_BEGIN_DECLS

/* One row of the catalog: name, code · category · location, units on the shelf, and a
 * warning sign for an item that needs care. Shows "Loading…" for a placeholder. */

#define LP_TYPE_CATALOG_ROW (lp_catalog_row_get_type ())

G_DECLARE_FINAL_TYPE (LpCatalogRow, lp_catalog_row, LP, CATALOG_ROW, AdwBin)

LpItemObject *lp_catalog_row_get_item  (LpCatalogRow *self);
void          lp_catalog_row_set_item  (LpCatalogRow *self,
                                        LpItemObject *item);
/* The name label (for tests). */
const char   *lp_catalog_row_get_title (LpCatalogRow *self);

G_END_DECLS
