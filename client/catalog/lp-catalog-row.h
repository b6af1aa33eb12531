/* lp-catalog-row.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-data-objects.h"

G_BEGIN_DECLS

/* One row of the catalog, bound to its :item in lp-catalog-row.ui: name, code ·
 * category · author · location, units on the shelf, and a warning sign for an item
 * that needs care. Shows "Loading…" for a placeholder. */

#define LP_TYPE_CATALOG_ROW (lp_catalog_row_get_type ())

G_DECLARE_FINAL_TYPE (LpCatalogRow, lp_catalog_row, LP, CATALOG_ROW, AdwBin)

G_END_DECLS
