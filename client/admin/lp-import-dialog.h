/* lp-import-dialog.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-session.h"

G_BEGIN_DECLS

/*
 * An admin's import of items from a spreadsheet's CSV file (POST /items/import). The
 * chosen file is read with common/'s CSV reader, so the preview of its first rows splits
 * the columns as the server will; "Check" asks the server for a dry run, "Import" writes
 * every row or none. The server's problems are listed by line and field; a success says
 * how many items were added and updated, and the catalog follows by the server's resync
 * event.
 *
 * Actions: import.choose (the file chooser), import.open-file "s" (a file's URI: what the
 * chooser's answer does), import.check, import.import.
 */

#define LP_TYPE_IMPORT_DIALOG (lp_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LpImportDialog, lp_import_dialog, LP, IMPORT_DIALOG, AdwWindow)

LpImportDialog *lp_import_dialog_new (LpSession *session);

G_END_DECLS
