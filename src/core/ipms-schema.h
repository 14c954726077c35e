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

/* How a value is shown and typed, beyond its storage type: forms pick
 * their widget from it. */
typedef enum
{
  IPMS_COLUMN_FORMAT_PLAIN,
  IPMS_COLUMN_FORMAT_MULTILINE,  /* TEXT that wraps and grows */
  IPMS_COLUMN_FORMAT_MONEY,      /* REAL in the project's currency */
  IPMS_COLUMN_FORMAT_PERCENT,    /* REAL, 42 means 42 % */
  IPMS_COLUMN_FORMAT_YEAR,       /* INTEGER, shown without grouping */
  IPMS_COLUMN_FORMAT_COLOR,      /* TEXT "#rrggbb" */
} IpmsColumnFormat;

/* One value of an ENUM column: the code stored in the file and its label,
 * marked for translation with its context (the NC_ macro) and translated
 * with ipms_choice_get_label(). A NULL context means the label is not
 * translated (grade codes). Arrays end with a { NULL } entry. */
typedef struct
{
  const char *code;
  const char *context;
  const char *label;
} IpmsChoice;

typedef struct
{
  const char          *name;
  IpmsColumnType       type;
  IpmsColumnFlags      flags;
  const char          *references;   /* table name, for IPMS_COLUMN_REFERENCE */
  const IpmsChoice    *choices;      /* for IPMS_COLUMN_ENUM */
  double               min;
  double               max;
  const char          *label;        /* untranslated, see ipms_column_get_label() */
  const char          *help;         /* untranslated or NULL: what to write there */
  IpmsColumnFormat     format;
} IpmsColumn;

typedef struct
{
  const char       *name;      /* SQL table name, singular: "product" */
  const char       *plural;    /* JSON member name: "products" */
  const IpmsColumn *columns;
  guint             n_columns;
  const char       *label;     /* untranslated: what one row is called, "Competitor" */
  /* The column that names a row in pickers and messages, or NULL. */
  const char       *display_column;
  /* The POSITION column that orders the rows, or NULL (id order). */
  const char       *order_column;
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

/* Labels and choices, translated for display. */
const char       *ipms_table_get_label         (const IpmsTable  *table);
const char       *ipms_column_get_label        (const IpmsColumn *column);
/* NULL when the column has no help. */
const char       *ipms_column_get_help         (const IpmsColumn *column);
guint             ipms_column_get_n_choices    (const IpmsColumn *column);
/* Index of `code` in the column's choices, or -1. */
int               ipms_column_find_choice      (const IpmsColumn *column,
                                                const char       *code);
const char       *ipms_choice_get_label        (const IpmsChoice *choice);
/* The codes joined with `separator`, for messages. */
char             *ipms_column_dup_choice_codes (const IpmsColumn *column,
                                                const char       *separator);

/* Product grades, from flagship to filler. */
extern const char * const ipms_grade_codes[];   /* "R", "S", "A", "B", "F", NULL */

/* The kinds of review slide, in the order of a new deck ("title" ...
 * "changes"), ended by { NULL }. */
extern const IpmsChoice ipms_slide_kinds[];

G_END_DECLS
