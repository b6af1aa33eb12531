/* lp-loan-row.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-loan-row"

#include "config.h"

#include "lp-loan-row.h"

#include "lp-format.h"
#include "lp-validation.h"

#include <glib/gi18n-lib.h>

struct _LpLoanRow
{
  AdwBin        parent_instance;

  LpLoanObject *loan;
  gboolean      show_status;
};

G_DEFINE_FINAL_TYPE (LpLoanRow, lp_loan_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOAN,
  PROP_SHOW_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Template callbacks of lp-loan-row.ui. */

static char *
item_text (LpLoanRow   *self,
           gboolean     loaded,
           LpRefObject *item,
           int          quantity)
{
  const char *name = item != NULL ? lp_api_object_get_string (item, "name") : NULL;

  if (!loaded)
    return g_strdup (_("Loading…"));
  /* Translators: an item and how many units of it a loan is for, e.g. "Mikroskop × 2". */
  return quantity > 1 ? g_strdup_printf (_("%s × %d"), name, quantity) : g_strdup (name);
}

static char *
member_text (LpLoanRow   *self,
             LpRefObject *user,
             const char  *code)
{
  const char *name = user != NULL ? lp_api_object_get_string (user, "full-name") : NULL;

  if (name == NULL)
    return g_strdup (code);
  return code != NULL ? g_strdup_printf ("%s · %s", name, code) : g_strdup (name);
}

static char *
dates_text (LpLoanRow *self,
            GDate     *start,
            GDate     *due)
{
  g_autofree char *from = start != NULL ? lp_format_date_long (start) : NULL;
  g_autofree char *to = due != NULL ? lp_format_date_long (due) : NULL;

  if (from == NULL || to == NULL)
    return NULL;
  /* Translators: a range of dates, from the first to the last. */
  return g_strdup_printf (_("%s – %s"), from, to);
}

#define FIT_DAYS_SHOWN 3

/* Whether a pending request still fits beside the loans approved since it was made: the
 * desk sees it before pressing Approve. NULL (no line) for any other loan. */
static char *
fit_text (LpLoanRow *self,
          JsonNode  *conflicts)
{
  g_autoptr(GString) days = NULL;
  JsonArray *array;
  guint n;

  if (conflicts == NULL || !JSON_NODE_HOLDS_ARRAY (conflicts))
    return NULL;
  array = json_node_get_array (conflicts);
  n = json_array_get_length (array);
  if (n == 0)
    return g_strdup (_("Still fits: enough units are free on every day."));
  days = g_string_new (NULL);
  for (guint i = 0; i < MIN (n, FIT_DAYS_SHOWN); i++)
    {
      JsonObject *day = json_array_get_object_element (array, i);
      g_autofree char *date_text = NULL;
      GDate date;

      g_date_clear (&date, 1);
      if (day == NULL || !lp_parse_date (json_object_get_string_member_with_default (day, "date", ""),
                                         &date))
        continue;
      date_text = lp_format_date_long (&date);
      if (days->len > 0)
        g_string_append (days, ", ");
      /* Translators: a day a request does not fit and how many units are free then,
       * e.g. "5 December 2026 (1 free)". */
      g_string_append_printf (days, _("%s (%d free)"), date_text,
                              (int) json_object_get_int_member_with_default (day, "free", 0));
    }
  if (n > FIT_DAYS_SHOWN)
    /* Translators: after the first days a request does not fit: how many more there are. */
    g_string_append_printf (days, g_dngettext (GETTEXT_PACKAGE, " and %u more day",
                                               " and %u more days", n - FIT_DAYS_SHOWN),
                            n - FIT_DAYS_SHOWN);
  /* Translators: %s lists the days, e.g. "5 December 2026 (0 free)". */
  return g_strdup_printf (_("No longer fits on %s."), days->str);
}

static GStrv
fit_classes (LpLoanRow *self,
             JsonNode  *conflicts)
{
  gboolean fits = conflicts == NULL || !JSON_NODE_HOLDS_ARRAY (conflicts) ||
                  json_array_get_length (json_node_get_array (conflicts)) == 0;
  const char * const classes[] = { "caption", fits ? "success" : "error", NULL };

  return g_strdupv ((char **) classes);
}

static gboolean
fit_visible (LpLoanRow *self,
             JsonNode  *conflicts)
{
  return conflicts != NULL && JSON_NODE_HOLDS_ARRAY (conflicts);
}

/* Days from @due to today; 0 when it is not past. */
static int
days_late (const GDate *due)
{
  GDate today;

  if (due == NULL || !g_date_valid (due))
    return 0;
  lp_format_today (&today);
  return MAX (0, g_date_days_between (due, &today));
}

char *
lp_loan_status_text (LpLoanStatus  status,
                     const GDate  *due_date,
                     gint64        fine)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int late = days_late (due_date);

  switch (status)
    {
    case LP_LOAN_STATUS_APPROVED:
      g_string_append (text, _("Approved — to hand over"));
      break;
    case LP_LOAN_STATUS_OVERDUE:
      /* Translators: an overdue loan and how long it is late. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Overdue · %d day late",
                                                 "Overdue · %d days late", late), late);
      break;
    default:
      g_string_append (text, _(lp_loan_status_label (status)));
      break;
    }
  if (fine > 0)
    {
      g_autofree char *amount = lp_format_count ((guint) MIN (fine, G_MAXUINT));

      /* Translators: the fine of a late loan, in whole rupiah, e.g. "Fine: Rp 3.000". */
      g_string_append_printf (text, _(" · Fine: Rp %s"), amount);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
status_text (LpLoanRow    *self,
             LpLoanStatus  status,
             GDate        *due,
             gint64        fine)
{
  return lp_loan_status_text (status, due, fine);
}

static GStrv
status_classes (LpLoanRow    *self,
                LpLoanStatus  status)
{
  const char * const classes[] = {
    "caption-heading",
    status == LP_LOAN_STATUS_OVERDUE ? "error"
    : status == LP_LOAN_STATUS_APPROVED ? "accent" : "dim-label",
    NULL
  };

  return g_strdupv ((char **) classes);
}

static void
lp_loan_row_dispose (GObject *object)
{
  LpLoanRow *self = (LpLoanRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_LOAN_ROW);
  g_clear_object (&self->loan);

  G_OBJECT_CLASS (lp_loan_row_parent_class)->dispose (object);
}

static void
lp_loan_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOAN:
      g_value_set_object (value, LP_LOAN_ROW (object)->loan);
      break;
    case PROP_SHOW_STATUS:
      g_value_set_boolean (value, LP_LOAN_ROW (object)->show_status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_loan_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LpLoanRow *self = LP_LOAN_ROW (object);

  switch (prop_id)
    {
    case PROP_LOAN:
      if (g_set_object (&self->loan, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SHOW_STATUS:
      if (self->show_status != g_value_get_boolean (value))
        {
          self->show_status = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_loan_row_class_init (LpLoanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_loan_row_dispose;
  object_class->get_property = lp_loan_row_get_property;
  object_class->set_property = lp_loan_row_set_property;

  properties[PROP_LOAN] =
    g_param_spec_object ("loan", NULL, NULL, LP_TYPE_LOAN_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_STATUS] =
    g_param_spec_boolean ("show-status", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/lenterapustaka/Lentera/desk/lp-loan-row.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "item_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "fit_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "status_label", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, item_text);
  gtk_widget_class_bind_template_callback (widget_class, member_text);
  gtk_widget_class_bind_template_callback (widget_class, dates_text);
  gtk_widget_class_bind_template_callback (widget_class, fit_text);
  gtk_widget_class_bind_template_callback (widget_class, fit_classes);
  gtk_widget_class_bind_template_callback (widget_class, fit_visible);
  gtk_widget_class_bind_template_callback (widget_class, status_text);
  gtk_widget_class_bind_template_callback (widget_class, status_classes);
}

static void
lp_loan_row_init (LpLoanRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
