/* lp-gui-test.c — driving the real app in-process for GUI tests.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-gui-test"

#include "config.h"

#include "lp-gui-test.h"

#include "lp-i18n.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#define BUS_CONFIG \
  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n" \
  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n" \
  "<busconfig>\n" \
  "  <type>session</type>\n" \
  "  <listen>unix:tmpdir=/tmp</listen>\n" \
  "  <auth>EXTERNAL</auth>\n" \
  "  <servicedir>%s</servicedir>\n" \
  "  <policy context=\"default\">\n" \
  "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n" \
  "    <allow eavesdrop=\"true\"/>\n" \
  "    <allow own=\"*\"/>\n" \
  "  </policy>\n" \
  "</busconfig>\n"

static GSubprocess *display_process;
static GSubprocess *bus_process;
static GSubprocess *keyring_process;
static char *private_dir;

static void
child_setup (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
stop_helpers (void)
{
  if (keyring_process != NULL)
    g_subprocess_send_signal (keyring_process, SIGTERM);
  if (bus_process != NULL)
    g_subprocess_send_signal (bus_process, SIGTERM);
  if (display_process != NULL)
    g_subprocess_send_signal (display_process, SIGTERM);
  g_clear_object (&keyring_process);
  g_clear_object (&bus_process);
  g_clear_object (&display_process);
  lp_test_remove_tree (private_dir);
  g_clear_pointer (&private_dir, g_free);
}

/* An X server of our own, so that the screenshots have the same size and colour depth
 * whatever display the test runner offers (xvfb-run's default is 640x480 at 8 bits). */
static void
start_private_display (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *xvfb = g_find_program_in_path ("Xvfb");
  g_autofree char *display = NULL;
  char buffer[32] = { 0 };
  gsize length = 0;
  int fds[2];

  if (xvfb == NULL)
    return;
  g_unix_open_pipe (fds, FD_CLOEXEC, &error);
  g_assert_no_error (error);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  g_subprocess_launcher_take_fd (launcher, fds[1], 3);
  display_process = g_subprocess_launcher_spawn (launcher, &error, xvfb, "-displayfd", "3",
                                                 "-screen", "0", "1400x900x24",
                                                 "-nolisten", "tcp", "-noreset", NULL);
  g_assert_no_error (error);
  g_clear_object (&launcher);   /* closes our copy of the pipe's writing end */
  while (length < sizeof buffer - 1 && strchr (buffer, '\n') == NULL)
    {
      gssize n = read (fds[0], buffer + length, sizeof buffer - 1 - length);

      g_assert_cmpint (n, >, 0);
      length += (gsize) n;
    }
  close (fds[0]);
  display = g_strdup_printf (":%d", atoi (buffer));
  g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_unsetenv ("WAYLAND_DISPLAY");
}

/* Only the accessibility bus may be started on demand, as on a desktop: GTK talks to
 * it, and the tests should see the app as assistive technology would. */
static void
add_a11y_service (const char *service_dir)
{
  const char *source = "/usr/share/dbus-1/services/org.a11y.Bus.service";
  g_autofree char *contents = NULL;
  g_autofree char *target = g_build_filename (service_dir, "org.a11y.Bus.service", NULL);

  if (!g_file_get_contents (source, &contents, NULL, NULL))
    {
      /* No AT-SPI on this machine: GTK must not look for it. */
      g_setenv ("GTK_A11Y", "none", TRUE);
      return;
    }
  g_file_set_contents (target, contents, -1, NULL);
}

/* A session bus of our own, with no keyring or other desktop service on it. */
static void
start_private_bus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_arg = NULL;
  g_autofree char *address = NULL;
  g_autofree char *service_dir = NULL;
  g_autofree char *config_text = NULL;

  private_dir = lp_test_make_tmp_dir ();
  service_dir = g_build_filename (private_dir, "services", NULL);
  g_mkdir_with_parents (service_dir, 0700);
  add_a11y_service (service_dir);
  config = g_build_filename (private_dir, "bus.conf", NULL);
  config_text = g_strdup_printf (BUS_CONFIG, service_dir);
  g_file_set_contents (config, config_text, -1, &error);
  g_assert_no_error (error);
  config_arg = g_strdup_printf ("--config-file=%s", config);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  bus_process = g_subprocess_launcher_spawn (launcher, &error, "dbus-daemon", config_arg,
                                             "--nofork", "--print-address=1", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (bus_process));
  address = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  atexit (stop_helpers);
}

static gboolean
name_has_owner (GDBusConnection *bus,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* gnome-keyring with a fresh, unlocked login keyring, as a desktop session has. */
static void
start_keyring (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *home = g_build_filename (private_dir, "home", NULL);
  g_autofree char *runtime = g_build_filename (private_dir, "run", NULL);
  GOutputStream *in;
  gint64 end;

  g_mkdir_with_parents (home, 0700);
  g_mkdir_with_parents (runtime, 0700);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  keyring_process = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon",
                                                 "--foreground", "--unlock",
                                                 "--components=secrets", NULL);
  g_assert_no_error (error);
  in = g_subprocess_get_stdin_pipe (keyring_process);
  g_output_stream_write_all (in, "lp-test-keyring\n", 16, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (in, NULL, NULL);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!name_has_owner (bus, "org.freedesktop.secrets"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_usleep (50 * 1000);
    }
}

void
lp_gui_init (int       *argc,
             char    ***argv,
             gboolean   with_keyring)
{
  /* The same set-up as the app's main(). */
  lp_i18n_init (FALSE);

  g_test_init (argc, argv, NULL);
  start_private_display ();
  start_private_bus ();
  if (with_keyring)
    start_keyring ();

  if (!gtk_init_check ())
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("No display: GUI tests must run under xvfb-run in CI");
      g_printerr ("No display; skipping GUI tests (run them under xvfb-run)\n");
      exit (77);
    }
}

char *
lp_gui_server_url (LpTestServer *server)
{
  return g_strdup_printf ("http://127.0.0.1:%u/", lp_test_server_get_port (server));
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
lp_gui_iterate (void)
{
  /* A wake-up, so that a wait never blocks longer than this on an idle context. */
  guint id = g_timeout_add (10, wake_up, NULL);

  g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

void
lp_gui_spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    lp_gui_iterate ();
}

/* The window's default size includes the margins GTK keeps around a window for its
 * shadow and resize handles; what we want is a window @width wide. */
static gboolean
shown_is_target (GtkWindow *window,
                 int        target)
{
  return gtk_widget_get_width (GTK_WIDGET (window)) == target;
}

/* Waits until the window is @target wide, or its width has not changed for a while (a
 * busy machine may take some time to apply a new default size); returns the width. */
static int
settled_width (GtkWindow *window,
               int        target)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  int last = -1, same = 0;

  while (same < 3 && g_get_monotonic_time () < end)
    {
      int shown;

      lp_gui_spin (shown_is_target (window, target) ? 0 : 50);
      shown = gtk_widget_get_width (GTK_WIDGET (window));
      if (shown == target)
        return shown;
      same = shown == last ? same + 1 : 0;
      last = shown;
    }
  return last;
}

static void
resize (GtkWindow *window,
        int        width,
        int        height)
{
  /* The margins GTK keeps around a window are the same for every window: measured once,
   * then a new size is asked for with them at once. */
  static int margin = -1;
  int asked = width + MAX (margin, 0);

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      int shown;

      gtk_window_set_default_size (window, asked, height + (asked - width));
      shown = settled_width (window, width);
      if (shown == width)
        {
          margin = asked - width;
          break;
        }
      asked = MAX (width, asked + width - shown);
    }
  if (gtk_widget_get_width (GTK_WIDGET (window)) != width)
    {
      int minimum = 0;

      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                          NULL, NULL, NULL);
      g_error ("The window is %d wide instead of %d: it needs at least %d",
               gtk_widget_get_width (GTK_WIDGET (window)), width, minimum);
    }
}

void
lp_gui_set_width (LpGuiApp *gui,
                  int       width)
{
  resize (GTK_WINDOW (gui->window), width, 720);
  lp_gui_spin (100);
}

void
lp_gui_app_new_window (LpGuiApp *gui,
                       int       width)
{
  gui->window = lp_window_new (gui->app);
  gtk_window_set_default_size (GTK_WINDOW (gui->window), width, 720);
  gtk_window_present (GTK_WINDOW (gui->window));
  lp_gui_wait_for (gtk_widget_get_mapped (GTK_WIDGET (gui->window)));
  resize (GTK_WINDOW (gui->window), width, 720);
}

LpGuiApp *
lp_gui_app_new (const char *server_url,
                int         width)
{
  LpGuiApp *gui = g_new0 (LpGuiApp, 1);
  g_autoptr(GError) error = NULL;

  gui->app = lp_application_new (G_APPLICATION_NON_UNIQUE);
  lp_application_set_server_override (gui->app, server_url);
  g_application_register (G_APPLICATION (gui->app), NULL, &error);
  g_assert_no_error (error);
  lp_gui_app_new_window (gui, width);
  return gui;
}

static void
destroy_window (LpGuiApp *gui)
{
  GObject *window = G_OBJECT (gui->window);

  g_object_add_weak_pointer (window, (gpointer *) &gui->window);
  gtk_window_destroy (GTK_WINDOW (window));
  /* Callbacks still on their way hold the window until they land (cancelled). */
  lp_gui_wait_for (gui->window == NULL);
}

void
lp_gui_app_free (LpGuiApp *gui)
{
  if (gui == NULL)
    return;
  if (gui->window != NULL)
    destroy_window (gui);
  lp_gui_spin (50);
  /* GtkApplication keeps references of its own until a shutdown that only
   * g_application_run() performs; a process creates one app, and it goes with it. */
  g_clear_object (&gui->app);
  g_free (gui);
}

static char *
screenshot_path (const char *name,
                 int         width)
{
  const char *dir = g_getenv ("LP_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *lang_dir = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%d.png", name, width);
  gboolean indonesian = language != NULL && g_str_has_prefix (language, "id");

  if (dir == NULL)
    dir = "screenshots";
  lang_dir = g_build_filename (dir, indonesian ? "id" : "en", NULL);
  g_mkdir_with_parents (lang_dir, 0755);
  return g_build_filename (lang_dir, file, NULL);
}

char *
lp_gui_output_path (const char *name)
{
  const char *dir = g_getenv ("LP_SCREENSHOT_DIR");
  g_autofree char *file = g_strdup_printf ("%s-%s", g_getenv ("LANGUAGE"), name);

  g_assert_nonnull (dir);
  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, file, NULL);
}

char *
lp_gui_run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_strstrip (g_steal_pointer (&out));
}

void
lp_gui_screenshot (GtkWidget  *window,
                   const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  /* Let transitions (stack slides, revealers, spinners' first frame) finish. */
  lp_gui_spin (400);
  paintable = gtk_widget_paintable_new (window);
  for (int attempt = 0; texture == NULL; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;

      g_assert_cmpint (attempt, <, 200);
      width = gdk_paintable_get_intrinsic_width (paintable);
      height = gdk_paintable_get_intrinsic_height (paintable);
      if (width > 0 && height > 0)
        gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                               node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      else
        lp_gui_iterate ();
    }
  path = screenshot_path (name, gtk_widget_get_width (window));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
lp_gui_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

GtkWidget *
lp_gui_find_label (GtkWidget  *root,
                   const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lp_gui_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gpointer
lp_gui_child (gpointer    widget,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), G_OBJECT_TYPE (widget),
                                                  name);

  if (child == NULL)
    g_error ("%s has no template child \"%s\"", G_OBJECT_TYPE_NAME (widget), name);
  return child;
}

const char *
lp_gui_stack_page (gpointer    widget,
                   const char *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (lp_gui_child (widget, stack)));
}

const char *
lp_gui_shown_text (gpointer    widget,
                   const char *label)
{
  GtkWidget *child = lp_gui_child (widget, label);

  return gtk_widget_is_visible (child) ? gtk_label_get_label (GTK_LABEL (child)) : NULL;
}

LpPagedModel *
lp_gui_paged_model (gpointer    widget,
                    const char *list_view)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (lp_gui_child (widget, list_view));
  g_autoptr(GListModel) model = NULL;

  g_assert_nonnull (selection);
  /* Any selection model: each has its :model. */
  g_object_get (selection, "model", &model, NULL);
  return LP_PAGED_MODEL (model);   /* the selection keeps it */
}

gpointer
lp_gui_page (LpGuiApp   *gui,
             const char *name)
{
  return lp_gui_child (gui->window, name);
}

gboolean
lp_gui_toast_shown (LpGuiApp   *gui,
                    const char *title)
{
  return lp_gui_find_label (lp_gui_child (gui->window, "toast_overlay"), title) != NULL;
}

GtkWidget *
lp_gui_find_type (GtkWidget *root,
                  GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lp_gui_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
run_sql (LpTestServer *server,
         const char   *sql)
{
  g_autofree char *ignored = lp_test_server_sql_value (server, sql);
}

void
lp_gui_seed_catalog (LpTestServer *server,
                     guint         n_more)
{
  g_autofree char *generated = NULL;

  run_sql (server,
           "INSERT INTO categories (name, description) VALUES"
           " ('Buku', 'Buku pelajaran dan bacaan'),"
           " ('Alat Lab', 'Peralatan laboratorium IPA'),"
           " ('Perangkat TIK', 'Komputer, proyektor dan jaringan'),"
           " ('Furnitur', 'Meja, kursi dan papan tulis')");
  run_sql (server,
           "INSERT INTO items (code, name, category_id, location, stock_total, stock_available,"
           " condition, status, description, author, publisher, year, isbn)"
           " SELECT v.code, v.name, c.id, v.location, v.total, v.available, v.condition, v.status,"
           "  v.description, v.author, v.publisher, v.year, v.isbn"
           " FROM (VALUES"
           "  ('BK-0001', 'Laskar Pelangi', 'Buku', 'Perpustakaan, rak B3', 5, 3, 'good',"
           "   'available',"
           "   'Novel tentang sepuluh anak Belitung dan sekolah mereka.', 'Andrea Hirata',"
           "   'Bentang Pustaka', 2005, '9789793062792'),"
           "  ('BK-0002', 'Bumi Manusia', 'Buku', 'Perpustakaan, rak B3', 3, 0, 'good',"
           "   'available',"
           "   '', 'Pramoedya Ananta Toer', 'Hasta Mitra', 1980, NULL),"
           "  ('BK-0003', 'Kamus Besar Bahasa Indonesia', 'Buku', 'Perpustakaan, rak referensi',"
           "   4, 4,"
           "   'good', 'available', '', 'Badan Bahasa', 'Balai Pustaka', 2016, NULL),"
           "  ('BK-0004', 'Atlas Indonesia dan Dunia', 'Buku', 'Perpustakaan, rak referensi', 6, 5,"
           "   'good', 'available', '', NULL, NULL, NULL, NULL),"
           "  ('BK-0005', 'Matematika untuk SMA Kelas X', 'Buku', 'Perpustakaan, rak A1', 40, 32,"
           "   'good', 'available', 'Buku paket kurikulum 2013.', 'Kemendikbud', NULL, 2017, NULL),"
           "  ('BK-0006', 'Ensiklopedia Sains untuk Pelajar', 'Buku', 'Perpustakaan, rak A4', 2, 2,"
           "   'minor_damage', 'available', '', NULL, NULL, 2012, NULL),"
           "  ('LAB-001', 'Mikroskop Binokuler', 'Alat Lab', 'Laboratorium IPA, lemari 2', 2, 1,"
           "   'minor_damage', 'needs_maintenance',"
           "   'Mikroskop cahaya, perbesaran 40–1000 kali. Lensa okuler kanan agak buram.',"
           "   NULL, NULL, NULL, NULL),"
           "  ('LAB-002', 'Neraca Digital Ohaus', 'Alat Lab', 'Laboratorium IPA, meja 1', 4, 4,"
           "   'good', 'available', '', NULL, NULL, NULL, NULL),"
           "  ('LAB-003', 'Kit Praktikum Listrik Dinamis', 'Alat Lab', 'Laboratorium Fisika', 6, 2,"
           "   'good', 'available', '', NULL, NULL, NULL, NULL),"
           "  ('LAB-004', 'Gelas Ukur 100 ml', 'Alat Lab', 'Laboratorium Kimia', 20, 18,"
           "   'good', 'available', '', NULL, NULL, NULL, NULL),"
           "  ('TIK-001', 'Laptop Lenovo ThinkPad E14', 'Perangkat TIK', 'Ruang TIK, lemari A',"
           "   15, 11,"
           "   'good', 'available', '', NULL, NULL, NULL, NULL),"
           "  ('TIK-007', 'Proyektor Epson EB-X06', 'Perangkat TIK', 'Ruang TIK', 3, 0,"
           "   'major_damage', 'maintenance', 'Lampu proyektor mati; sedang diperbaiki.',"
           "   NULL, NULL, NULL, NULL),"
           "  ('TIK-010', 'Kamera DSLR Canon EOS 1500D', 'Perangkat TIK', 'Ruang TIK, lemari B',"
           "   2, 1,"
           "   'good', 'available', '', NULL, NULL, NULL, NULL),"
           "  ('TIK-012', 'Tablet Samsung Galaxy Tab A8', 'Perangkat TIK', 'Ruang TIK', 1, 0,"
           "   'lost', 'unavailable', '', NULL, NULL, NULL, NULL),"
           "  ('FUR-001', 'Kursi Lipat', 'Furnitur', 'Gudang aula', 50, 50,"
           "   'good', 'available', '', NULL, NULL, NULL, NULL),"
           "  ('FUR-002', 'Papan Tulis Beroda', 'Furnitur', 'Gudang aula', 2, 2,"
           "   'good', 'available', '', NULL, NULL, NULL, NULL)"
           " ) AS v (code, name, category, location, total, available, condition, status,"
           "         description, author, publisher, year, isbn)"
           " JOIN categories c ON c.name = v.category");
  generated = g_strdup_printf (
    "INSERT INTO items (code, name, category_id, location, stock_total, stock_available)"
    " SELECT 'TR-' || lpad(g::text, 6, '0'), 'Tabung Reaksi 20 ml no. ' || lpad(g::text, 6, '0'),"
    "  c.id, 'Laboratorium Kimia, rak ' || (g %% 12 + 1), 10, g %% 11"
    " FROM generate_series(1, %u) AS g, categories c WHERE c.name = 'Alat Lab'",
    n_more);
  run_sql (server, generated);
}

void
lp_gui_seed_desk (LpTestServer  *server,
                  char         **member_token,
                  char         **staff_token)
{
  g_autofree char *member_id = NULL;
  g_autofree char *staff_id = NULL;

  lp_gui_seed_catalog (server, 0);
  member_id = lp_test_server_create_user (server, "siswa.andi", "Siswa#2026", "member");
  staff_id = lp_test_server_create_user (server, "petugas.rina", "Petugas#2026", "staff");
  *member_token = lp_test_server_login (server, "siswa.andi", "Siswa#2026");
  *staff_token = lp_test_server_login (server, "petugas.rina", "Petugas#2026");
}

static void
on_logged_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

void
lp_gui_log_in (LpGuiApp   *gui,
               const char *username,
               const char *password)
{
  LpApiClient *client = lp_application_get_client (gui->app);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LpUserObject) user = NULL;
  g_autoptr(GError) error = NULL;

  lp_api_client_login_async (client, username, password, NULL, on_logged_in, &result);
  lp_gui_wait_for (result != NULL);
  user = lp_api_client_login_finish (client, result, &error);
  g_assert_no_error (error);
}

AdwMessageDialog *
lp_gui_find_message_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

void
lp_gui_respond (AdwMessageDialog *dialog,
                const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}
