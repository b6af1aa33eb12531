/* lp-api-object.c
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lp-api-object"

#include "config.h"

#include "lp-api-object.h"

#include "lp-error.h"
#include "lp-json.h"

typedef struct
{
  GValue   *values;     /* one per member, allocated on first use */
  gboolean  loaded;
} LpApiObjectPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LpApiObject, lp_api_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark element_type_quark;

#define MEMBER_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/*
 * Declaring members
 */

GParamSpec *
lp_api_param_string (const char  *name,
                     GParamFlags  flags)
{
  return g_param_spec_string (name, NULL, NULL, NULL, MEMBER_FLAGS | flags);
}

GParamSpec *
lp_api_param_int (const char  *name,
                  gint64       min,
                  gint64       max,
                  GParamFlags  flags)
{
  g_return_val_if_fail (min >= G_MININT && max <= G_MAXINT, NULL);

  return g_param_spec_int (name, NULL, NULL, (int) min, (int) max, CLAMP (0, (int) min, (int) max),
                           MEMBER_FLAGS | flags);
}

GParamSpec *
lp_api_param_int64 (const char  *name,
                    GParamFlags  flags)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, MEMBER_FLAGS | flags);
}

GParamSpec *
lp_api_param_boolean (const char  *name,
                      GParamFlags  flags)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, MEMBER_FLAGS | flags);
}

GParamSpec *
lp_api_param_enum (const char  *name,
                   GType        type,
                   GParamFlags  flags)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  if (G_TYPE_IS_FLAGS (type))
    return g_param_spec_flags (name, NULL, NULL, type, 0, MEMBER_FLAGS | flags);
  return g_param_spec_enum (name, NULL, NULL, type, G_ENUM_CLASS (klass)->values[0].value,
                            MEMBER_FLAGS | flags);
}

GParamSpec *
lp_api_param_boxed (const char  *name,
                    GType        type,
                    GParamFlags  flags)
{
  return g_param_spec_boxed (name, NULL, NULL, type, MEMBER_FLAGS | flags);
}

GParamSpec *
lp_api_param_object (const char  *name,
                     GType        type,
                     GParamFlags  flags)
{
  return g_param_spec_object (name, NULL, NULL, type, MEMBER_FLAGS | flags);
}

GParamSpec *
lp_api_param_list (const char  *name,
                   GType        element_type,
                   GParamFlags  flags)
{
  GParamSpec *pspec = g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL,
                                           MEMBER_FLAGS | flags);

  g_param_spec_set_qdata (pspec, element_type_quark, GSIZE_TO_POINTER (element_type));
  return pspec;
}

static void lp_api_object_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec);
static void lp_api_object_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec);

void
lp_api_object_class_install (gpointer     klass,
                             GParamSpec **pspecs,
                             guint        n_pspecs)
{
  LpApiObjectClass *api_class = LP_API_OBJECT_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* GObject gives every class its own accessors (NULL until set): the base keeps the
   * values of every subclass. */
  object_class->get_property = lp_api_object_get_property;
  object_class->set_property = lp_api_object_set_property;
  api_class->pspecs = g_memdup2 (pspecs, n_pspecs * sizeof (GParamSpec *));
  api_class->n_pspecs = n_pspecs;
  for (guint i = 0; i < n_pspecs; i++)
    g_object_class_install_property (G_OBJECT_CLASS (klass), i + 1, pspecs[i]);
}

/*
 * Values
 */

static GValue *
get_values (LpApiObject *self)
{
  LpApiObjectPrivate *priv = lp_api_object_get_instance_private (self);
  LpApiObjectClass *klass = LP_API_OBJECT_GET_CLASS (self);

  if (priv->values == NULL && klass->n_pspecs > 0)
    {
      priv->values = g_new0 (GValue, klass->n_pspecs);
      for (guint i = 0; i < klass->n_pspecs; i++)
        {
          g_value_init (&priv->values[i], klass->pspecs[i]->value_type);
          g_param_value_set_default (klass->pspecs[i], &priv->values[i]);
        }
    }
  return priv->values;
}

static const GValue *
lookup (gpointer    self,
        const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), name);

  g_return_val_if_fail (pspec != NULL && pspec->owner_type == G_OBJECT_TYPE (self), NULL);

  return &get_values (LP_API_OBJECT (self))[pspec->param_id - 1];
}

static void
lp_api_object_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LpApiObject *self = LP_API_OBJECT (object);
  LpApiObjectPrivate *priv = lp_api_object_get_instance_private (self);

  if (pspec->owner_type == LP_TYPE_API_OBJECT)
    g_value_set_boolean (value, priv->loaded);
  else
    g_value_copy (&get_values (self)[prop_id - 1], value);
}

static void
lp_api_object_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GValue *slot;

  if (pspec->owner_type == LP_TYPE_API_OBJECT)
    return;
  slot = &get_values (LP_API_OBJECT (object))[prop_id - 1];
  if (g_param_values_cmp (pspec, slot, value) == 0)
    return;
  g_value_copy (value, g_value_reset (slot));
  g_object_notify_by_pspec (object, pspec);
}

static void
lp_api_object_finalize (GObject *object)
{
  LpApiObject *self = LP_API_OBJECT (object);
  LpApiObjectPrivate *priv = lp_api_object_get_instance_private (self);

  if (priv->values != NULL)
    for (guint i = 0; i < LP_API_OBJECT_GET_CLASS (self)->n_pspecs; i++)
      g_value_unset (&priv->values[i]);
  g_free (priv->values);

  G_OBJECT_CLASS (lp_api_object_parent_class)->finalize (object);
}

static void
lp_api_object_class_init (LpApiObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lp_api_object_finalize;
  object_class->get_property = lp_api_object_get_property;
  object_class->set_property = lp_api_object_set_property;

  element_type_quark = g_quark_from_static_string ("lp-api-element-type");

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_api_object_init (LpApiObject *self)
{
}

/*
 * Decoding
 */

static gboolean
read_list (JsonObject  *object,
           const char  *member,
           GParamSpec  *pspec,
           GValue      *value,
           GError     **error)
{
  GType element_type = GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, element_type_quark));
  g_autoptr(GListStore) store = g_list_store_new (element_type);
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_value_set_object (value, store);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      lp_json_bad_request (error, "'%s' must be an array", member);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GObject) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          lp_json_bad_request (error, "'%s' must hold objects", member);
          return FALSE;
        }
      item = lp_api_object_new_from_json (element_type, json_node_get_object (element), error);
      if (item == NULL)
        return FALSE;
      g_list_store_append (store, item);
    }
  g_value_set_object (value, store);
  return TRUE;
}

static gboolean
read_boxed (JsonObject  *object,
            const char  *member,
            gboolean     required,
            GValue      *value,
            GError     **error)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_DATE)
    {
      GDate date;

      g_date_clear (&date, 1);
      if (!lp_json_get_date (object, member, required, &date, error))
        return FALSE;
      if (g_date_valid (&date))
        g_value_set_boxed (value, &date);
      return TRUE;
    }
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = NULL;

      if (!lp_json_get_timestamp (object, member, required, &time, error))
        return FALSE;
      g_value_take_boxed (value, time);
      return TRUE;
    }
  if (type == G_TYPE_STRV)
    {
      GStrv strv = NULL;

      if (!lp_json_get_string_array (object, member, required, &strv, error))
        return FALSE;
      g_value_take_boxed (value, strv);
      return TRUE;
    }
  g_assert (type == JSON_TYPE_NODE);
  if (json_object_get_member (object, member) != NULL)
    g_value_set_boxed (value, json_object_get_member (object, member));
  return TRUE;
}

static gboolean
read_object (JsonObject  *object,
             const char  *member,
             gboolean     required,
             GValue      *value,
             GError     **error)
{
  JsonObject *nested = NULL;
  g_autoptr(GObject) child = NULL;

  if (!lp_json_get_object (object, member, required, &nested, error))
    return FALSE;
  if (nested == NULL)
    return TRUE;
  child = lp_api_object_new_from_json (G_VALUE_TYPE (value), nested, error);
  g_value_set_object (value, child);
  return child != NULL;
}

static gboolean
read_flags (JsonObject  *object,
            const char  *member,
            gboolean     required,
            GValue      *value,
            GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (G_VALUE_TYPE (value));
  const char *str = NULL;
  GFlagsValue *flag;

  if (!lp_json_get_string (object, member, required, &str, error) || str == NULL)
    return str == NULL;
  flag = g_flags_get_value_by_nick (G_FLAGS_CLASS (klass), str);
  if (flag == NULL)
    {
      lp_json_bad_request (error, "'%s' has an unknown value", member);
      return FALSE;
    }
  g_value_set_flags (value, flag->value);
  return TRUE;
}

/* Reads one member into @value (initialised to the default); on failure @error holds
 * why, with lp_json's precedence. */
static gboolean
read_member (JsonObject  *object,
             GParamSpec  *pspec,
             GValue      *value,
             GError     **error)
{
  g_autofree char *member = g_strdelimit (g_strdup (pspec->name), "-", '_');
  gboolean required = (pspec->flags & LP_API_NULLABLE) == 0;
  GType type = G_VALUE_TYPE (value);
  const char *str = NULL;
  gint64 number = 0;
  gboolean flag = FALSE;
  int choice = 0;

  if (type == G_TYPE_STRING)
    {
      if (!lp_json_get_string (object, member, required, &str, error))
        return FALSE;
      g_value_set_string (value, str);
    }
  else if (type == G_TYPE_INT || type == G_TYPE_INT64)
    {
      gboolean is_int = type == G_TYPE_INT;
      gint64 min = is_int ? G_PARAM_SPEC_INT (pspec)->minimum : G_PARAM_SPEC_INT64 (pspec)->minimum;
      gint64 max = is_int ? G_PARAM_SPEC_INT (pspec)->maximum : G_PARAM_SPEC_INT64 (pspec)->maximum;

      if (!lp_json_get_int (object, member, required, min, max, &number, error))
        return FALSE;
      if (is_int)
        g_value_set_int (value, (int) number);
      else
        g_value_set_int64 (value, number);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (!lp_json_get_bool (object, member, required, &flag, error))
        return FALSE;
      g_value_set_boolean (value, flag);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      choice = g_value_get_enum (value);
      if (!lp_json_get_enum (object, member, required, type, &choice, error))
        return FALSE;
      g_value_set_enum (value, choice);
    }
  else if (G_TYPE_IS_FLAGS (type))
    return read_flags (object, member, required, value, error);
  else if (type == G_TYPE_LIST_MODEL)
    return read_list (object, member, pspec, value, error);
  else if (g_type_is_a (type, LP_TYPE_API_OBJECT))
    return read_object (object, member, required, value, error);
  else
    return read_boxed (object, member, required, value, error);
  return TRUE;
}

static char *
field_names (const GError *error)
{
  GHashTable *fields = lp_error_get_fields (error);
  g_autoptr(GList) names = fields != NULL ? g_hash_table_get_keys (fields) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (const GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", (const char *) l->data);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A reply is decoded whole or not at all, and never as a 422: a missing member or a bad
 * date in a server's reply is a broken reply, not a user's mistake. */
static void
finish_decode (GError  *local_error,
               GError **error)
{
  g_autofree char *names = NULL;

  if (!g_error_matches (local_error, LP_ERROR, LP_ERROR_VALIDATION_FAILED))
    {
      g_propagate_error (error, local_error);
      return;
    }
  names = field_names (local_error);
  g_set_error (error, LP_ERROR, LP_ERROR_BAD_REQUEST, "Missing or invalid members: %s", names);
  g_error_free (local_error);
}

gpointer
lp_api_object_new_from_json (GType        type,
                             JsonObject  *object,
                             GError     **error)
{
  g_autoptr(LpApiObject) self = NULL;
  LpApiObjectPrivate *priv;
  LpApiObjectClass *klass;
  GError *local_error = NULL;
  GValue *values;

  g_return_val_if_fail (g_type_is_a (type, LP_TYPE_API_OBJECT), NULL);
  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (type, NULL);
  klass = LP_API_OBJECT_GET_CLASS (self);
  values = get_values (self);
  /* Every member is read, so one error names every bad member at once. */
  for (guint i = 0; i < klass->n_pspecs; i++)
    read_member (object, klass->pspecs[i], &values[i], &local_error);
  if (local_error != NULL)
    {
      finish_decode (local_error, error);
      return NULL;
    }
  priv = lp_api_object_get_instance_private (self);
  priv->loaded = TRUE;
  return g_steal_pointer (&self);
}

gboolean
lp_api_object_get_loaded (gpointer self)
{
  LpApiObjectPrivate *priv;

  g_return_val_if_fail (LP_IS_API_OBJECT (self), FALSE);

  priv = lp_api_object_get_instance_private (self);
  return priv->loaded;
}

void
lp_api_object_update (gpointer self,
                      gpointer source)
{
  LpApiObjectPrivate *priv;
  LpApiObjectClass *klass;
  GValue *from;

  g_return_if_fail (LP_IS_API_OBJECT (self));
  g_return_if_fail (G_OBJECT_TYPE (source) == G_OBJECT_TYPE (self));

  klass = LP_API_OBJECT_GET_CLASS (self);
  from = get_values (source);
  g_object_freeze_notify (self);
  for (guint i = 0; i < klass->n_pspecs; i++)
    g_object_set_property (self, klass->pspecs[i]->name, &from[i]);
  priv = lp_api_object_get_instance_private (self);
  if (!priv->loaded)
    {
      priv->loaded = TRUE;
      g_object_notify_by_pspec (self, properties[PROP_LOADED]);
    }
  g_object_thaw_notify (self);
}

/*
 * Reading by name
 */

const char *
lp_api_object_get_string (gpointer    self,
                          const char *name)
{
  const GValue *value = lookup (self, name);

  return value != NULL ? g_value_get_string (value) : NULL;
}

gint64
lp_api_object_get_int (gpointer    self,
                       const char *name)
{
  const GValue *value = lookup (self, name);

  if (value == NULL)
    return 0;
  return G_VALUE_HOLDS_INT (value) ? g_value_get_int (value) : g_value_get_int64 (value);
}

gboolean
lp_api_object_get_boolean (gpointer    self,
                           const char *name)
{
  const GValue *value = lookup (self, name);

  return value != NULL && g_value_get_boolean (value);
}

int
lp_api_object_get_enum (gpointer    self,
                        const char *name)
{
  const GValue *value = lookup (self, name);

  if (value == NULL)
    return 0;
  return G_VALUE_HOLDS_FLAGS (value) ? (int) g_value_get_flags (value) : g_value_get_enum (value);
}

gpointer
lp_api_object_get_boxed (gpointer    self,
                         const char *name)
{
  const GValue *value = lookup (self, name);

  return value != NULL ? g_value_get_boxed (value) : NULL;
}

gpointer
lp_api_object_get_object (gpointer    self,
                          const char *name)
{
  const GValue *value = lookup (self, name);

  return value != NULL ? g_value_get_object (value) : NULL;
}

const char *
lp_api_object_get_id (gpointer self)
{
  return lp_api_object_get_string (self, "id");
}
