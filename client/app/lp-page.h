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
 * - open(): show @id — the object a detail page shows (a loan, a complaint), or the
 *   filter a list opens on ("overdue"); the window's "win.open" action calls it.
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
  void (*open)            (LpPage     *self,
                           const char *id);

  /*< private >*/
  gpointer padding[3];
};

LpSession   *lp_page_get_session (LpPage    *self);
void         lp_page_set_session (LpPage    *self,
                                  LpSession *session);
/* The session's client, or NULL before the session is set. */
LpApiClient *lp_page_get_client  (LpPage    *self);
void         lp_page_reload      (LpPage    *self);
void         lp_page_open        (LpPage    *self,
                                  const char *id);
/* Asks the window to show page @name (a page of the view stack, or a detail page such
 * as "loan") opened on @id; "" opens a list page as it is. */
void         lp_page_navigate    (GtkWidget  *widget,
                                  const char *name,
                                  const char *id);
/* Shows @title as a toast of the window the page is in. */
void         lp_page_add_toast   (LpPage    *self,
                                  const char *title);
/* A toast with a button that activates @action_name (a "win." or "app." action) with
 * @target (floating references are sunk). */
void         lp_page_add_toast_button (LpPage     *self,
                                       const char *title,
                                       const char *button_label,
                                       const char *action_name,
                                       GVariant   *target);

G_END_DECLS
