/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The static description of every table of a project file. It is the single
 * source of the column names that SQL statements, JSON import/export and
 * validation use: a column name coming from a caller is only ever matched
 * against these strings, never pasted into SQL.
 *
 * Every table has an implicit first column "id" (INTEGER PRIMARY KEY NOT NULL),
 * which is not listed in `columns`.
 */

typedef enum
{
  IPMS_COLUMN_INTEGER,
  IPMS_COLUMN_REAL,
  IPMS_COLUMN_TEXT,
  IPMS_COLUMN_DATE,       /* TEXT "YYYY-MM-DD" or NULL */
  IPMS_COLUMN_ENUM,       /* TEXT, one of `choices` */
  IPMS_COLUMN_REFERENCE,  /* INTEGER id of a row of `references`, or NULL */
} IpmsColumnType;

typedef enum
{
  IPMS_COLUMN_FLAG_NONE     = 0,
  /* A NULL is refused. */
  IPMS_COLUMN_FLAG_REQUIRED = 1 << 0,
  /* For references: the row belongs to the referenced row and is deleted
   * with it. Without the flag the reference is cleared instead. */
  IPMS_COLUMN_FLAG_OWNED_BY = 1 << 1,
  /* For numbers: `min` and `max` apply. */
  IPMS_COLUMN_FLAG_BOUNDED  = 1 << 2,
} IpmsColumnFlags;

typedef struct
{
  const char          *name;
  IpmsColumnType       type;
  IpmsColumnFlags      flags;
  const char          *references;   /* table name, for IPMS_COLUMN_REFERENCE */
  const char * const  *choices;      /* NULL-terminated, for IPMS_COLUMN_ENUM */
  double               min;
  double               max;
} IpmsColumn;

typedef struct
{
  const char       *name;      /* SQL table name, singular: "product" */
  const char       *plural;    /* JSON member name: "products" */
  const IpmsColumn *columns;
  guint             n_columns;
} IpmsTable;

/* Tables in dependency order: a table only references tables before it. */
const IpmsTable  *ipms_schema_get_tables       (guint            *n_tables);
const IpmsTable  *ipms_schema_lookup_table     (const char       *name);
const IpmsTable  *ipms_schema_lookup_plural    (const char       *plural);
int               ipms_table_find_column       (const IpmsTable  *table,
                                                const char       *column);
const IpmsColumn *ipms_table_lookup_column     (const IpmsTable  *table,
                                                const char       *column);
gboolean          ipms_column_accepts_choice   (const IpmsColumn *column,
                                                const char       *value);
gboolean          ipms_date_is_valid           (const char       *iso_date);

/* Product grades, from flagship to filler. */
extern const char * const ipms_grade_codes[];   /* "R", "S", "A", "B", "F", NULL */

/* The kinds of review slide, in the order of a new deck ("title" ... "changes"). */
extern const char * const ipms_slide_kinds[];

G_END_DECLS
