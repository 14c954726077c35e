/* test-form-specs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The forms as data, without a display: every column of the project record
 * and of the strategy and planning tables can be reached from some form,
 * and the example plan fills every field and table of every form, in both
 * languages.
 */

#include "config.h"

#include <string.h>

#include "ipms-example.h"
#include "ipms-form-specs.h"
#include "ipms-test-utils.h"

/* The tables of the strategy and planning steps of the method, which the
 * forms must reach whole. (Grades, axis items, products and their PRD
 * tables and price bands belong to the charts and the PRD editor.) */
static const char * const planning_tables[] = {
  "member", "segment", "need", "series", "series_segment", "competitor", "gap",
  "initiative", "objective", "key_result", "review", "region", "supplier",
  "channel", "yearly_target", "campaign", "plan_line", "sub_category",
  NULL
};

/* Columns edited outside the forms, and where. */
static const char * const edited_elsewhere[] = {
  "project.price_step",  /* the roadmap page's price step */
  NULL
};

static gboolean
in_list (const char * const *list,
         const char         *table,
         const char         *column)
{
  g_autofree char *qualified = g_strdup_printf ("%s.%s", table, column);

  return g_strv_contains (list, table) || g_strv_contains (list, qualified);
}

/* Whether some form shows that column: as a field, as a table column, as
 * the owner a detail table fills in, or as the order its move actions keep. */
static gboolean
is_reachable (const char *table,
              const char *column)
{
  const IpmsFormSpec * const *specs = ipms_form_specs_get_all ();
  const IpmsTable *t = ipms_schema_lookup_table (table);

  for (guint i = 0; specs[i] != NULL; i++)
    for (const IpmsFormSection *section = specs[i]->sections; section->title != NULL; section++)
      {
        if (!g_str_equal (section->table, table))
          continue;

        if (g_strcmp0 (section->owner_column, column) == 0 || g_strcmp0 (t->order_column, column) == 0)
          return TRUE;

        for (const IpmsFieldSpec *field = section->fields; field->column != NULL; field++)
          if (g_str_equal (field->column, column) && field->kind == IPMS_FIELD_KIND_AUTO)
            return TRUE;
      }

  return FALSE;
}

static void
check_table (const char *table,
             guint      *n_checked)
{
  const IpmsTable *t = ipms_schema_lookup_table (table);

  g_assert_nonnull (t);

  for (guint c = 0; c < t->n_columns; c++)
    {
      const char *column = t->columns[c].name;
      gboolean reachable = is_reachable (table, column);

      if (in_list (edited_elsewhere, table, column))
        continue;

      if (!reachable)
        g_error ("%s.%s is stored in the file but no form shows it", table, column);
      (*n_checked)++;
    }
}

static void
test_every_column_is_reachable (void)
{
  guint n_checked = 0;

  check_table ("project", &n_checked);
  for (guint i = 0; planning_tables[i] != NULL; i++)
    check_table (planning_tables[i], &n_checked);

  g_test_message ("%u columns reachable from the forms", n_checked);
  g_assert_cmpuint (n_checked, >, 80);
}

/* Every spec names real columns, once per section, and a registered page. */
static void
test_specs_are_valid (void)
{
  const IpmsFormSpec * const *specs = ipms_form_specs_get_all ();

  g_assert_nonnull (specs[0]);

  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_assert_nonnull (specs[i]->id);
      g_assert_nonnull (specs[i]->empty_title);
      g_assert_nonnull (specs[i]->empty_description);

      for (const IpmsFormSection *section = specs[i]->sections; section->title != NULL; section++)
        {
          const IpmsTable *table = ipms_schema_lookup_table (section->table);
          g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

          g_assert_nonnull (table);
          if (!g_str_equal (section->table, "project"))
            g_assert_nonnull (section->empty_text);

          for (const IpmsFieldSpec *field = section->fields; field->column != NULL; field++)
            {
              g_assert_nonnull (ipms_table_lookup_column (table, field->column));
              if (field->kind == IPMS_FIELD_KIND_PROGRESS)
                g_assert_nonnull (ipms_table_lookup_column (table, field->extra));
              else
                g_assert_true (g_hash_table_add (seen, (gpointer) field->column));
            }
        }
    }
}

static gboolean
value_is_set (IpmsRecord *record,
              const char *column)
{
  const IpmsColumn *c = ipms_table_lookup_column (ipms_record_get_table (record), column);

  if (ipms_record_is_null (record, column))
    return FALSE;
  if (c->type == IPMS_COLUMN_TEXT || c->type == IPMS_COLUMN_DATE || c->type == IPMS_COLUMN_ENUM)
    return ipms_record_get_string (record, column)[0] != '\0';

  return TRUE;
}

static void
check_example (const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft (language, &error);
  const IpmsFormSpec * const *specs = ipms_form_specs_get_all ();
  IpmsRecord *project;

  g_assert_no_error (error);
  project = ipms_document_get_project (document);

  for (guint i = 0; specs[i] != NULL; i++)
    for (const IpmsFormSection *section = specs[i]->sections; section->title != NULL; section++)
      {
        g_autoptr(GPtrArray) rows = NULL;

        if (g_str_equal (section->table, "project"))
          {
            for (const IpmsFieldSpec *field = section->fields; field->column != NULL; field++)
              if (!value_is_set (project, field->column))
                g_error ("The %s example leaves %s empty (%s)", language, field->column, specs[i]->id);
            continue;
          }

        rows = ipms_document_query (document, section->table, NULL, 0, NULL);
        if (rows->len < 2)
          g_error ("The %s example has %u rows of %s", language, rows->len, section->table);

        /* Each column filled in some row, so the example shows every column at work. */
        for (const IpmsFieldSpec *field = section->fields; field->column != NULL; field++)
          {
            gboolean set = FALSE;

            for (guint r = 0; r < rows->len && !set; r++)
              set = value_is_set (g_ptr_array_index (rows, r), field->column);
            if (!set)
              g_error ("The %s example never fills %s.%s", language, section->table, field->column);
          }
      }

  ipms_document_close (document);
}

static void
test_example_fills_every_form (void)
{
  check_example ("en_US.UTF-8");
  check_example ("zh_CN.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  ipms_test_init (&argc, &argv);

  g_test_add_func ("/forms/specs/valid", test_specs_are_valid);
  g_test_add_func ("/forms/specs/every-column-reachable", test_every_column_is_reachable);
  g_test_add_func ("/forms/specs/example-fills-every-form", test_example_fills_every_form);

  return g_test_run ();
}
