/* lp-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-session.h"

G_BEGIN_DECLS

/*
 * The base of every page: it holds the :session (bound by the window's .ui) and passes
 * on what the session's event stream says. A page overrides what it needs:
 *
 * - session_changed(): the session was set (or replaced); start loading.
 * - event(): the server says an object changed ("item.changed", id, …); a page looks
 *   only at the types it shows.
 * - reload(): load again what is shown; called after events may have been missed
 *   (::resync) and by the window's "Retry".
 */

#define LP_TYPE_PAGE (lp_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (LpPage, lp_page, LP, PAGE, AdwBin)

struct _LpPageClass
{
  AdwBinClass parent_class;

  void (*session_changed) (LpPage     *self);
  void (*event)           (LpPage     *self,
                           const char *type,
                           const char *id);
  void (*reload)          (LpPage     *self);

  /*< private >*/
  gpointer padding[4];
};

LpSession   *lp_page_get_session (LpPage    *self);
void         lp_page_set_session (LpPage    *self,
                                  LpSession *session);
/* The session's client, or NULL before the session is set. */
LpApiClient *lp_page_get_client  (LpPage    *self);
void         lp_page_reload      (LpPage    *self);
/* Shows @title as a toast of the window the page is in. */
void         lp_page_add_toast   (LpPage    *self,
                                  const char *title);

G_END_DECLS
