/* lp-api-object.h — the base of the API's data objects.
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * A data object of the API (an item, a loan, a complaint, …; lp-data-objects.h) is a
 * final subclass that only declares its properties, one per JSON member ("stock-total"
 * is "stock_total"), with LP_API_OBJECT_DEFINE() and the lp_api_param_*() below. The base keeps their values, decodes
 * them from a reply in lp_api_object_new_from_json(), and updates an object in place
 * from a newer copy (notifying only what changed), so rows and pages bind to the
 * properties in their .ui and follow live changes.
 *
 * Decoding is strict and never gives a partial object: a missing member that is not
 * LP_API_NULLABLE, a wrong JSON type, an unknown enum string or a malformed date or time
 * is LP_ERROR_BAD_REQUEST naming the members. Unknown members are ignored. Supported
 * value types: strings, int, int64, boolean, enums and flags (by nick), GDate,
 * GDateTime, GStrv, JsonNode (any JSON), another data object, and a GListModel of data
 * objects (lp_api_param_list()).
 *
 * An object made with g_object_new() is a placeholder: :loaded is FALSE until
 * lp_api_object_update() fills it.
 */

#define LP_TYPE_API_OBJECT (lp_api_object_get_type ())

G_DECLARE_DERIVABLE_TYPE (LpApiObject, lp_api_object, LP, API_OBJECT, GObject)

struct _LpApiObjectClass
{
  GObjectClass   parent_class;

  /*< private >*/
  GParamSpec   **pspecs;
  guint          n_pspecs;
};

/* The member may be null or absent; its value is then the property's default. */
#define LP_API_NULLABLE (1 << G_PARAM_USER_SHIFT)

GParamSpec  *lp_api_param_string      (const char   *name,
                                       GParamFlags   flags);
GParamSpec  *lp_api_param_int         (const char   *name,
                                       gint64        min,
                                       gint64        max,
                                       GParamFlags   flags);
/* Counts and money: 0 or more. */
GParamSpec  *lp_api_param_int64       (const char   *name,
                                       GParamFlags   flags);
GParamSpec  *lp_api_param_boolean     (const char   *name,
                                       GParamFlags   flags);
/* An enum or flags type whose nicks are the wire strings (lp-enums.h). */
GParamSpec  *lp_api_param_enum        (const char   *name,
                                       GType         type,
                                       GParamFlags   flags);
/* G_TYPE_DATE, G_TYPE_DATE_TIME, G_TYPE_STRV or JSON_TYPE_NODE. */
GParamSpec  *lp_api_param_boxed       (const char   *name,
                                       GType         type,
                                       GParamFlags   flags);
/* A nested data object of @type. */
GParamSpec  *lp_api_param_object      (const char   *name,
                                       GType         type,
                                       GParamFlags   flags);
/* A JSON array of data objects of @element_type, as a GListModel. */
GParamSpec  *lp_api_param_list        (const char   *name,
                                       GType         element_type,
                                       GParamFlags   flags);

/* For class_init: installs @pspecs (a copy of the array is kept) as the class's members. */
void         lp_api_object_class_install (gpointer      klass,
                                          GParamSpec  **pspecs,
                                          guint         n_pspecs);

/* Defines a final data object type (declared with G_DECLARE_FINAL_TYPE) whose members
 * are the lp_api_param_*() given, in order. */
#define LP_API_OBJECT_DEFINE(TypeName, type_name, ...)                                 \
  struct _##TypeName { LpApiObject parent_instance; };                                 \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, LP_TYPE_API_OBJECT)                        \
  static void type_name##_init (TypeName *self) { }                                    \
  static void type_name##_class_init (TypeName##Class *klass)                          \
  {                                                                                    \
    GParamSpec *members[] = { __VA_ARGS__ };                                           \
    lp_api_object_class_install (klass, members, G_N_ELEMENTS (members));              \
  }

/* Returns: (transfer full) (type LpApiObject): a new object of @type, or NULL. */
gpointer     lp_api_object_new_from_json (GType         type,
                                          JsonObject   *object,
                                          GError      **error);

gboolean     lp_api_object_get_loaded    (gpointer      self);
/* Takes the values of @source (of the same type) and notifies each that changed. */
void         lp_api_object_update        (gpointer      self,
                                          gpointer      source);

/* Reading a member by property name, without a GValue: (transfer none), valid while the
 * object holds the value. Asking for a property the type lacks is a programming error. */
const char  *lp_api_object_get_string    (gpointer      self,
                                          const char   *name);
gint64       lp_api_object_get_int       (gpointer      self,
                                          const char   *name);
gboolean     lp_api_object_get_boolean   (gpointer      self,
                                          const char   *name);
/* An enum's or flags' value. */
int          lp_api_object_get_enum      (gpointer      self,
                                          const char   *name);
gpointer     lp_api_object_get_boxed     (gpointer      self,
                                          const char   *name);
gpointer     lp_api_object_get_object    (gpointer      self,
                                          const char   *name);
/* The "id" member every data object has. */
const char  *lp_api_object_get_id        (gpointer      self);

G_END_DECLS
