/* lp-page.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lp-paged-model.h"
#include "lp-session.h"

G_BEGIN_DECLS

/*
 * The base of every page: it holds the :session (bound by the window's .ui) and passes
 * on what the session's event stream says. A page overrides what it needs:
 *
 * - session_changed(): the session was set (or replaced); start loading.
 * - role_changed(): someone logged in or out (and once after session_changed); show
 *   what the new role may see, and nothing of the last user's.
 * - event(): the server says an object changed ("item.changed", id, …); a page looks
 *   only at the types it shows.
 * - reload(): load again what is shown; called after events may have been missed
 *   (::resync) and by the window's "Retry". The page's list reloads before it.
 * - open(): show @id — the object a detail page shows (a loan, a complaint), or the
 *   filter a list opens on ("overdue"); the window's "win.open" action calls it.
 */

#define LP_TYPE_PAGE (lp_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (LpPage, lp_page, LP, PAGE, AdwBin)

struct _LpPageClass
{
  AdwBinClass parent_class;

  void (*session_changed) (LpPage     *self);
  void (*role_changed)    (LpPage     *self);
  void (*event)           (LpPage     *self,
                           const char *type,
                           const char *id);
  void (*reload)          (LpPage     *self);
  void (*open)            (LpPage     *self,
                           const char *id);

  /* An event of this type reloads the page's list (see lp_page_set_list()). */
  const char *list_event;

  /*< private >*/
  gpointer padding[1];
};

LpSession   *lp_page_get_session (LpPage    *self);
void         lp_page_set_session (LpPage    *self,
                                  LpSession *session);
/* The session's client, or NULL before the session is set. */
LpApiClient *lp_page_get_client  (LpPage    *self);
void         lp_page_reload      (LpPage    *self);
/* The role of the session's user: LP_ROLE_GUEST while nobody is logged in,
 * LP_ROLE_NONE before the session is set. */
LpRole       lp_page_get_role    (LpPage    *self);

/*
 * The page's list: most pages show one paged list of the server's, which they hold
 * only while the user's role may see it. lp_page_set_list() replaces it with a new list
 * of @list (its rows fetched again one by one through @get, which may be NULL), or
 * drops it when @list is NULL; @changed runs (with the page) whenever the list's rows,
 * loading or error change. The page keeps the list: lp_page_reload() and the class's
 * list_event reload it. Returns the new list (transfer none), or NULL.
 */
LpPagedModel *lp_page_set_list       (LpPage              *self,
                                      const LpApiEndpoint *list,
                                      const LpApiEndpoint *get,
                                      GCallback            changed);
LpPagedModel *lp_page_get_list       (LpPage              *self);
/* lp_paged_model_collect_async() on the page's list, for the rows @selection selects. */
void          lp_page_collect_selected_async (LpPage              *self,
                                              GtkSelectionModel   *selection,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Shows the list's state as the child of @stack named "loading" (also while @busy, or
 * while there is no list), "error" (its message in @error_page, when no row is left to
 * show), "empty" or "list"; returns the number of rows shown. */
guint         lp_page_show_list_state (LpPage             *self,
                                       GtkStack           *stack,
                                       AdwStatusPage      *error_page,
                                       gboolean            busy);
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
