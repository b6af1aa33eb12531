/* lp-gui-test.h — driving the real app in-process for GUI tests.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-test-server.h"
#include "lp-paged-model.h"
#include "lp-window.h"

G_BEGIN_DECLS

/*
 * Each GUI test process gets its own session bus (no activatable services, so no
 * keyring is started behind its back and a developer's real keyring is never touched),
 * the real app (LpApplication, non-unique) with one LpWindow, and usually a real
 * lentera-server from the harness.
 */

typedef struct
{
  LpApplication *app;
  LpWindow      *window;
} LpGuiApp;

/* gettext, GTest and GTK set up; exits 77 (skip) without a display unless CI=true.
 * With @with_keyring, a gnome-keyring-daemon with an unlocked default keyring runs on the
 * private bus. */
void        lp_gui_init            (int          *argc,
                                    char       ***argv,
                                    gboolean      with_keyring);
char       *lp_gui_server_url      (LpTestServer *server);

LpGuiApp   *lp_gui_app_new         (const char   *server_url,
                                    int           width);
/* Destroys the window (checking it is finalized) and drops the app. One app per
 * process: a second one could not register on the bus. */
void        lp_gui_app_free        (LpGuiApp     *gui);
/* A new window of the same app (as after a restart of the window). */
void        lp_gui_app_new_window  (LpGuiApp     *gui,
                                    int           width);

void        lp_gui_iterate         (void);
void        lp_gui_spin            (guint         milliseconds);
/* Waits for the window's size to settle at @width. */
void        lp_gui_set_width       (LpGuiApp     *gui,
                                    int           width);
/* <LP_SCREENSHOT_DIR>/<language>-<name>: where a test writes a file it looks at (a PDF). */
char       *lp_gui_output_path     (const char   *name);
/* Runs a command line (pdftotext, pdftoppm, zbarimg …) that must succeed; what it
 * printed, stripped. */
char       *lp_gui_run             (const char * const *argv);
/* Saves <LP_SCREENSHOT_DIR>/<language>/<name>-<width>.png of @window. */
void        lp_gui_screenshot      (GtkWidget    *window,
                                    const char   *name);
void        lp_gui_click           (GtkWidget    *button);
/* The first descendant of @root (itself included) that is a visible GtkLabel with this
 * text, or NULL. */
GtkWidget  *lp_gui_find_label      (GtkWidget    *root,
                                    const char   *text);
/* The first mapped descendant of @root (itself included) of @type, or NULL. */
GtkWidget  *lp_gui_find_type       (GtkWidget    *root,
                                    GType         type);

/* Creates the test catalog: 3 categories, 3 named items and @n_more numbered books. */
void        lp_gui_seed_catalog    (LpTestServer *server,
                                    guint         n_more);

/*
 * Reaching into the app the way a test may: through the template children of a widget
 * (their ids in its .ui, for the widget's own class), never through getters added for
 * tests.
 */
gpointer      lp_gui_child          (gpointer      widget,
                                     const char   *name);
/* The name of the visible page of the GtkStack @stack of @widget's template. */
const char   *lp_gui_stack_page     (gpointer      widget,
                                     const char   *stack);
/* The text of the label @label of @widget's template, or NULL while it (or a parent) is
 * hidden. */
const char   *lp_gui_shown_text     (gpointer      widget,
                                     const char   *label);
/* The paged model behind the GtkListView @list_view of @widget's template. */
LpPagedModel *lp_gui_paged_model    (gpointer      widget,
                                     const char   *list_view);
/* A page of the window: "catalog_page", "item_page", "login_page", "register_page". */
gpointer      lp_gui_page           (LpGuiApp     *gui,
                                     const char   *name);
/* Whether a toast saying @title is shown in @gui's window. */
gboolean      lp_gui_toast_shown    (LpGuiApp     *gui,
                                     const char   *title);

/* The desk's world: the seeded catalog, a member "siswa.andi" (Siswa#2026) and a staff
 * member "petugas.rina" (Petugas#2026); their API tokens, to act as them elsewhere. */
void          lp_gui_seed_desk      (LpTestServer *server,
                                     char        **member_token,
                                     char        **staff_token);
/* Logs the app in as @username, the way a remembered session would, and waits. */
void          lp_gui_log_in         (LpGuiApp     *gui,
                                     const char   *username,
                                     const char   *password);
/* The message dialog shown now, or NULL. */
AdwMessageDialog *lp_gui_find_message_dialog (void);
/* What a click on a response button of @dialog does: the response, then it closes. */
void          lp_gui_respond        (AdwMessageDialog *dialog,
                                     const char       *response);

#define LP_GUI_TIMEOUT_SECONDS 30

#define lp_gui_wait_for(expr) \
  G_STMT_START { \
    gint64 _lp_end = g_get_monotonic_time () + LP_GUI_TIMEOUT_SECONDS * G_USEC_PER_SEC; \
    while (!(expr)) \
      { \
        if (g_get_monotonic_time () > _lp_end) \
          g_error ("%s:%d: timed out waiting for %s", __FILE__, __LINE__, #expr); \
        lp_gui_iterate (); \
      } \
  } G_STMT_END

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpGuiApp, lp_gui_app_free)

G_END_DECLS
