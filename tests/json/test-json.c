/* test-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON import and export, the example plans and the command-line modes,
 * all without a display.
 */

#include "config.h"

#include <string.h>

#include "ipms-document.h"
#include "ipms-example.h"
#include "ipms-json.h"
#include "ipms-record.h"
#include "ipms-test-utils.h"

static IpmsDocument *
new_document (const char *name)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *unique = g_strdup_printf ("%u-%s", counter++, name);
  g_autofree char *path = ipms_test_make_temp_path (unique);
  IpmsDocument *document = ipms_document_create (path, "Test", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static char *
export (IpmsDocument *document)
{
  g_autoptr(GError) error = NULL;
  char *data = ipms_json_export_data (document, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);

  return data;
}

static char *
example_json (const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *resource = g_strdup_printf ("/io/github/ipmsplanner/Planner/examples/pet-products.%s.json",
                                               language);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, &error);

  g_assert_no_error (error);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Round trip */

static void
test_round_trip (void)
{
  const char *languages[] = { "en", "zh_CN" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IpmsDocument) first = new_document ("first.ipms");
      g_autoptr(IpmsDocument) second = new_document ("second.ipms");
      g_autofree char *source = example_json (languages[i]);
      g_autofree char *exported = NULL;
      g_autofree char *again = NULL;

      ipms_json_import_data (first, source, -1, "Import", &error);
      g_assert_no_error (error);
      exported = export (first);

      /* The bundled files are written in the canonical form. */
      g_assert_cmpstr (exported, ==, source);

      ipms_json_import_data (second, exported, -1, "Import", &error);
      g_assert_no_error (error);
      again = export (second);

      g_assert_cmpstr (again, ==, exported);

      /* The import is one undo step: undoing it gives back the empty plan. */
      g_assert_cmpstr (ipms_document_get_undo_label (second), ==, "Import");
      ipms_document_undo (second, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ipms_document_count_rows (second, "product"), ==, 0);
      ipms_document_redo (second, &error);
      g_assert_no_error (error);
      g_free (again);
      again = export (second);
      g_assert_cmpstr (again, ==, exported);

      ipms_document_close (first);
      ipms_document_close (second);
    }
}

static void
test_round_trip_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = new_document ("values.ipms");
  g_autoptr(IpmsDocument) copy = new_document ("copy.ipms");
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  IpmsRecord *product;
  /* Text that needs escaping, numbers that need all their digits, nulls. */
  const char *input =
    "{\"format\": \"ipms-planner\", \"version\": 1,\n"
    " \"projects\": [{\"id\": 1, \"name\": \"Quote \\\" back\\\\slash\\n\\ttab \\u0001 中文\"}],\n"
    " \"products\": [{\"id\": 42, \"name\": \"P\", \"grade\": \"S\", \"status\": \"idea\",\n"
    "                 \"price\": 0.1, \"cost\": 1234567.891011, \"cell_order\": 3,\n"
    "                 \"launch_date\": \"2028-02-29\", \"concept\": null}]}";

  ipms_json_import_data (document, input, -1, "Import", &error);
  g_assert_no_error (error);

  product = ipms_document_get_record (document, "product", 42);
  g_assert_nonnull (product);
  g_assert_cmpfloat (ipms_record_get_double (product, "price"), ==, 0.1);
  g_assert_cmpfloat (ipms_record_get_double (product, "cost"), ==, 1234567.891011);
  g_assert_cmpint (ipms_record_get_int (product, "cell_order"), ==, 3);
  g_assert_true (ipms_record_is_null (product, "concept"));
  g_assert_true (ipms_record_is_null (product, "series_id"));
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==,
                   "Quote \" back\\slash\n\ttab \001 中文");

  exported = export (document);
  g_assert_nonnull (strstr (exported, "\"price\": 0.1,"));
  g_assert_nonnull (strstr (exported, "\"concept\": null,"));
  g_assert_nonnull (strstr (exported, "\\u0001"));

  ipms_json_import_data (copy, exported, -1, "Import", &error);
  g_assert_no_error (error);
  again = export (copy);
  g_assert_cmpstr (again, ==, exported);
}

static void
test_export_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = new_document ("order.ipms");
  g_autofree char *exported = NULL;
  const char *input =
    "{\"format\": \"ipms-planner\", \"version\": 1,\n"
    " \"products\": [{\"id\": 9, \"name\": \"C\", \"status\": \"idea\", \"grade\": \"F\"},\n"
    "              {\"id\": 2, \"name\": \"A\", \"grade\": \"R\", \"status\": \"idea\"},\n"
    "              {\"name\": \"B\", \"id\": 5, \"grade\": \"S\", \"status\": \"idea\"}],\n"
    " \"projects\": [{\"name\": \"P\", \"id\": 3}]}";
  const char *a, *b, *c, *project, *price_band;

  ipms_json_import_data (document, input, -1, "Import", &error);
  g_assert_no_error (error);
  exported = export (document);

  /* Tables in schema order whatever the input's order, rows by id, and
   * within a row "id" first, then the columns in schema order. */
  project = strstr (exported, "\"projects\": [\n    {\n      \"id\": 3,\n      \"name\": \"P\",");
  a = strstr (exported, "\"id\": 2,\n      \"series_id\": null,\n      \"name\": \"A\"");
  b = strstr (exported, "\"id\": 5,");
  c = strstr (exported, "\"id\": 9,");
  price_band = strstr (exported, "\"price_bands\": [],\n  \"deck_slides\": []\n}\n");
  g_assert_nonnull (project);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_nonnull (c);
  g_assert_nonnull (price_band);
  g_assert_true (project < a && a < b && b < c && c < price_band);
  g_assert_true (g_str_has_prefix (exported, "{\n  \"format\": \"ipms-planner\",\n  \"version\": 2,\n"));
}

/* Malformed input */

#define BASE_HEAD \
  "{\"format\": \"ipms-planner\", \"version\": 1,\n" \
  " \"projects\": [{\"id\": 1, \"name\": \"P\"}],\n" \
  " \"axis_items\": [{\"id\": 1, \"axis\": \"x\", \"position\": 0, \"label\": \"X\"},\n" \
  "                {\"id\": 2, \"axis\": \"y\", \"position\": 0, \"label\": \"Y\"}],\n" \
  " \"segments\": [{\"id\": 1, \"x_item_id\": 1, \"y_item_id\": 2, \"role\": \"core\"}],\n" \
  " \"series\": [{\"id\": 7, \"name\": \"S\"}],\n"
#define PRODUCT(extra) \
  BASE_HEAD " \"products\": [{\"id\": 1, \"name\": \"A\", \"grade\": \"R\", \"status\": \"idea\"" extra "}]}"

typedef struct
{
  const char    *name;
  const char    *json;
  IpmsJsonError  code;
  const char    *path;   /* the message starts with it, for INVALID */
} BadCase;

static const BadCase bad_cases[] = {
  { "syntax", "{\"format\": \"ipms-planner\",", IPMS_JSON_ERROR_SYNTAX, NULL },
  { "empty", "", IPMS_JSON_ERROR_SYNTAX, NULL },
  { "not-utf8", PRODUCT (", \"concept\": \"A\xff\""), IPMS_JSON_ERROR_SYNTAX, NULL },
  { "array", "[1, 2]", IPMS_JSON_ERROR_FORMAT, NULL },
  { "other-format", "{\"format\": \"other\", \"version\": 1}", IPMS_JSON_ERROR_FORMAT, NULL },
  { "no-version", "{\"format\": \"ipms-planner\"}", IPMS_JSON_ERROR_FORMAT, NULL },
  { "newer", "{\"format\": \"ipms-planner\", \"version\": 3, \"projects\": []}", IPMS_JSON_ERROR_TOO_NEW, NULL },
  { "unknown-table", BASE_HEAD " \"productz\": []}", IPMS_JSON_ERROR_INVALID, "$.productz" },
  { "table-not-array", BASE_HEAD " \"products\": {}}", IPMS_JSON_ERROR_INVALID, "$.products" },
  { "row-not-object", BASE_HEAD " \"products\": [3]}", IPMS_JSON_ERROR_INVALID, "$.products[0]" },
  { "no-project", "{\"format\": \"ipms-planner\", \"version\": 1}", IPMS_JSON_ERROR_INVALID, "$.projects" },
  { "two-projects", "{\"format\": \"ipms-planner\", \"version\": 1, \"projects\": "
    "[{\"id\": 1, \"name\": \"A\"}, {\"id\": 2, \"name\": \"B\"}]}", IPMS_JSON_ERROR_INVALID, "$.projects" },
  { "text-not-string", PRODUCT (", \"concept\": 12"), IPMS_JSON_ERROR_INVALID, "$.products[0].concept" },
  { "number-as-string", PRODUCT (", \"price\": \"12\""), IPMS_JSON_ERROR_INVALID, "$.products[0].price" },
  { "number-as-bool", PRODUCT (", \"price\": true"), IPMS_JSON_ERROR_INVALID, "$.products[0].price" },
  { "integer-as-real", PRODUCT (", \"cell_order\": 1.5"), IPMS_JSON_ERROR_INVALID, "$.products[0].cell_order" },
  { "below-bounds", PRODUCT (", \"price\": -1"), IPMS_JSON_ERROR_INVALID, "$.products[0].price" },
  { "above-bounds", BASE_HEAD " \"objectives\": [{\"id\": 1, \"title\": \"O\", "
    "\"module\": \"sales\", \"year\": 3000}]}", IPMS_JSON_ERROR_INVALID, "$.objectives[0].year" },
  { "bad-date", PRODUCT (", \"launch_date\": \"2027-02-30\""), IPMS_JSON_ERROR_INVALID, "$.products[0].launch_date" },
  { "date-format", PRODUCT (", \"dev_start\": \"1/3/2027\""), IPMS_JSON_ERROR_INVALID, "$.products[0].dev_start" },
  { "bad-enum", PRODUCT (", \"grade\": \"Q\""), IPMS_JSON_ERROR_INVALID, "$.products[0].grade" },
  { "bad-reference", PRODUCT (", \"series_id\": 99"), IPMS_JSON_ERROR_INVALID, "$.products[0].series_id" },
  /* 7 is a series id, not a segment id. */
  { "reference-wrong-table", PRODUCT (", \"segment_id\": 7"), IPMS_JSON_ERROR_INVALID, "$.products[0].segment_id" },
  { "reference-as-string", PRODUCT (", \"series_id\": \"7\""), IPMS_JSON_ERROR_INVALID, "$.products[0].series_id" },
  { "missing-required", BASE_HEAD " \"products\": [{\"id\": 1, \"grade\": \"R\", \"status\": \"idea\"}]}",
    IPMS_JSON_ERROR_INVALID, "$.products[0].name" },
  { "null-required", PRODUCT (", \"name\": null"), IPMS_JSON_ERROR_INVALID, "$.products[0].name" },
  { "unknown-member", PRODUCT (", \"colour\": \"red\""), IPMS_JSON_ERROR_INVALID, "$.products[0].colour" },
  { "missing-id", BASE_HEAD " \"products\": [{\"name\": \"A\", \"grade\": \"R\", \"status\": \"idea\"}]}",
    IPMS_JSON_ERROR_INVALID, "$.products[0]" },
  { "zero-id", BASE_HEAD " \"products\": [{\"id\": 0, \"name\": \"A\", \"grade\": \"R\", \"status\": \"idea\"}]}",
    IPMS_JSON_ERROR_INVALID, "$.products[0].id" },
  { "duplicate-id", BASE_HEAD " \"products\": [{\"id\": 1, \"name\": \"A\", \"grade\": \"R\", \"status\": \"idea\"},"
    " {\"id\": 1, \"name\": \"B\", \"grade\": \"R\", \"status\": \"idea\"}]}", IPMS_JSON_ERROR_INVALID, "$.products[1].id" },
  /* Wrong in the last table, after every other row was read. */
  { "late-error", NULL, IPMS_JSON_ERROR_INVALID, NULL },
};

static void
test_base_is_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = new_document ("base.ipms");

  /* The malformed cases are this file with one thing wrong. */
  ipms_json_import_data (document, PRODUCT (", \"series_id\": 7, \"segment_id\": 1"), -1, "Import", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, 1);
  g_assert_cmpuint (ipms_document_count_rows (document, "segment"), ==, 1);
}

static void
test_malformed (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = new_document ("bad.ipms");
  g_autofree char *source = example_json ("en");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *late = NULL;
  g_autofree char *undo_label = NULL;
  const char *json = bad->json;
  const char *path = bad->path;

  if (strcmp (bad->name, "late-error") == 0)
    {
      /* A valid plan but for its very last row. */
      const char *tail = strstr (source, "\"max_price\": 600");

      g_assert_nonnull (tail);
      late = g_strdup_printf ("%.*s\"max_price\": \"600\"%s", (int) (tail - source), source,
                              tail + strlen ("\"max_price\": 600"));
      json = late;
      path = "$.price_bands[2].max_price";
    }

  ipms_json_import_data (document, source, -1, "Example", &error);
  g_assert_no_error (error);
  before = export (document);
  undo_label = g_strdup (ipms_document_get_undo_label (document));

  g_assert_false (ipms_json_import_data (document, json, -1, "Bad", &error));
  g_assert_error (error, IPMS_JSON_ERROR, (int) bad->code);
  g_test_message ("%s: %s", bad->name, error->message);

  if (path != NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("%s: ", path);

      g_assert_true (g_str_has_prefix (error->message, prefix));
    }

  after = export (document);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, undo_label);
  g_assert_false (ipms_document_in_edit (document));
}

static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = new_document ("messages.ipms");

  ipms_json_import_data (document, PRODUCT (", \"price\": \"12\""), -1, "Bad", &error);
  g_assert_cmpstr (error->message, ==, "$.products[0].price: expected a number, found a string");
  g_clear_error (&error);

  ipms_json_import_data (document, PRODUCT (", \"grade\": \"Q\""), -1, "Bad", &error);
  g_assert_cmpstr (error->message, ==, "$.products[0].grade: expected one of R, S, A, B, F");
  g_clear_error (&error);

  ipms_json_import_data (document, PRODUCT (", \"series_id\": 99"), -1, "Bad", &error);
  g_assert_cmpstr (error->message, ==, "$.products[0].series_id: no row of “series” has the id 99");
  g_clear_error (&error);

  ipms_json_import_data (document, "{\n  \"format\": 1,,\n}", -1, "Bad", &error);
  g_assert_error (error, IPMS_JSON_ERROR, IPMS_JSON_ERROR_SYNTAX);
  /* The line of the mistake, not a made-up file name. */
  g_assert_true (g_str_has_prefix (error->message, "Not valid JSON at 2:"));
}

/* The example plans */

static guint
count_where (IpmsDocument *document,
             const char   *table,
             const char   *column,
             const char   *value)
{
  g_autoptr(GPtrArray) rows = ipms_document_query (document, table, NULL, 0, NULL);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (ipms_record_get_string (g_ptr_array_index (rows, i), column), value) == 0)
      n++;

  return n;
}

static void
check_example (IpmsDocument *document)
{
  g_autoptr(GPtrArray) products = ipms_document_query (document, "product", NULL, 0, NULL);
  g_autoptr(GPtrArray) series = ipms_document_query (document, "series", NULL, 0, NULL);
  guint placed = 0;
  guint with_prd = 0;

  g_assert_cmpuint (count_where (document, "axis_item", "axis", "x"), ==, 3);
  g_assert_cmpuint (count_where (document, "axis_item", "axis", "y"), ==, 4);
  g_assert_cmpuint (ipms_document_count_rows (document, "segment"), ==, 12);
  g_assert_cmpuint (count_where (document, "segment", "role", "core"), ==, 1);
  g_assert_cmpuint (count_where (document, "segment", "role", "radiating"), >=, 2);
  g_assert_cmpuint (series->len, ==, 3);
  g_assert_cmpuint (products->len, >=, 14);
  g_assert_cmpuint (products->len, <=, 17);

  for (guint i = 0; i < series->len; i++)
    {
      IpmsRecord *record = g_ptr_array_index (series, i);

      g_assert_false (ipms_record_is_null (record, "color"));
      g_assert_false (ipms_record_is_null (record, "entry_date"));
      g_assert_false (ipms_record_is_null (record, "first_launch_date"));
      g_assert_false (ipms_record_is_null (record, "owner_id"));
    }

  for (guint i = 0; i < products->len; i++)
    {
      IpmsRecord *record = g_ptr_array_index (products, i);

      if (!ipms_record_is_null (record, "segment_id"))
        placed++;
      if (*ipms_record_get_string (record, "concept") != '\0' &&
          *ipms_record_get_string (record, "selling_points") != '\0')
        with_prd++;
    }

  /* Most on the panorama, a few waiting to be placed. */
  g_assert_cmpuint (placed, >, products->len / 2);
  g_assert_cmpuint (placed, <, products->len);
  g_assert_cmpuint (with_prd, ==, products->len);

  for (guint i = 0; ipms_grade_codes[i] != NULL; i++)
    g_assert_cmpuint (count_where (document, "product", "grade", ipms_grade_codes[i]), >, 0);

  g_assert_cmpuint (count_where (document, "member", "role", "pm"), >, 0);
  g_assert_cmpuint (count_where (document, "member", "role", "mm"), >, 0);
  g_assert_cmpuint (count_where (document, "member", "role", "cm"), >, 0);
  g_assert_cmpuint (count_where (document, "plan_line", "kind", "hc"), >, 0);
  g_assert_cmpuint (count_where (document, "plan_line", "kind", "pnl"), >, 0);
  g_assert_cmpuint (count_where (document, "plan_line", "kind", "budget"), >, 0);
  g_assert_cmpuint (ipms_document_count_rows (document, "need"), >=, 3);
  g_assert_cmpuint (ipms_document_count_rows (document, "yearly_target"), >=, 3);
  g_assert_cmpuint (ipms_document_count_rows (document, "price_band"), ==, 3);
  g_assert_cmpuint (ipms_document_count_rows (document, "grade"), ==, 5);

  {
    const char *tables[] = {
      "product_competitor", "product_spec", "certification", "faq", "box_item", "competitor",
      "gap", "initiative", "objective", "key_result", "review", "region", "supplier",
      "channel", "campaign", "sub_category", "series_segment",
    };

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      g_assert_cmpuint (ipms_document_count_rows (document, tables[i]), >, 0);
  }
}

static gboolean
has_han (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;

  return FALSE;
}

static void
test_example_create (void)
{
  /* NULL asks for the user's language, here from $LANGUAGE. */
  const struct { const char *language; const char *env; gboolean chinese; } cases[] = {
    { "en_US.UTF-8", NULL, FALSE },
    { "zh_CN", NULL, TRUE },
    { "zh_TW.UTF-8", NULL, TRUE },
    { "de_DE", NULL, FALSE },
    { "C", NULL, FALSE },
    { NULL, "zh_CN:en", TRUE },
    { NULL, "fr_FR:en", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("example-%u.ipms", i);
      g_autofree char *path = ipms_test_make_temp_path (name);
      g_autoptr(IpmsDocument) document = NULL;
      IpmsRecord *project;

      if (cases[i].env != NULL)
        g_setenv ("LANGUAGE", cases[i].env, TRUE);
      document = ipms_example_create (path, cases[i].language, &error);
      g_unsetenv ("LANGUAGE");

      g_assert_no_error (error);
      g_assert_nonnull (document);
      check_example (document);

      project = ipms_document_get_project (document);
      g_assert_cmpint (has_han (ipms_record_get_string (project, "mission")), ==, cases[i].chinese);
      g_assert_cmpint (has_han (ipms_record_get_string (project, "x_axis_title")), ==, cases[i].chinese);

      ipms_document_close (document);
    }
}

static void
test_example_draft (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("zh_CN.UTF-8", &error);
  g_autofree char *drafts = ipms_document_get_drafts_dir ();

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (ipms_document_get_is_draft (document));
  g_assert_true (g_str_has_prefix (ipms_document_get_path (document), drafts));
  check_example (document);
  g_assert_true (has_han (ipms_record_get_string (ipms_document_get_project (document), "name")));

  ipms_document_close (document);
}

/* The command line, run as the real binary with no display */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_planner (Run *run,
             ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("IPMS_PLANNER");
  const char *arg;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);

  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static char *
write_example (const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("in-%s.json", language);
  char *path = ipms_test_make_temp_path (name);
  g_autofree char *json = example_json (language);

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_cli_help (void)
{
  g_auto(Run) run = { 0 };
  const char *options[] = {
    "--export-json", "--import-json", "--export-chart", "--output", "--page", "--from", "--to", "--dark",
  };

  run_planner (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_test_message ("%s", options[i]);
      g_assert_nonnull (strstr (run.out, options[i]));
    }
}

static void
test_cli_json (void)
{
  g_auto(Run) import = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) export_run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *input = write_example ("zh_CN");
  g_autofree char *project = ipms_test_make_temp_path ("cli.ipms");
  g_autofree char *output = ipms_test_make_temp_path ("cli.json");
  g_autofree char *expected = example_json ("zh_CN");
  g_autofree char *written = NULL;
  g_autofree char *project_before = NULL;
  g_autofree char *project_after = NULL;
  gsize before_length, after_length;

  run_planner (&import, "--import-json", input, project, NULL);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);
  g_assert_true (g_file_test (project, G_FILE_TEST_IS_REGULAR));

  /* An existing project is never overwritten. */
  g_file_get_contents (project, &project_before, &before_length, &error);
  g_assert_no_error (error);
  run_planner (&again, "--import-json", input, project, NULL);
  g_assert_cmpint (again.status, !=, 0);
  g_assert_nonnull (strstr (again.err, "already exists"));
  g_file_get_contents (project, &project_after, &after_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (project_before, before_length, project_after, after_length);

  run_planner (&export_run, "--export-json", output, project, NULL);
  g_assert_cmpstr (export_run.err, ==, "");
  g_assert_cmpint (export_run.status, ==, 0);

  g_file_get_contents (output, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
}

static void
test_cli_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = ipms_test_make_temp_path ("bad.json");
  g_autofree char *project = ipms_test_make_temp_path ("bad.ipms");
  g_autofree char *not_a_project = ipms_test_make_temp_path ("not-a-project.ipms");
  g_autofree char *output = ipms_test_make_temp_path ("out.json");

  g_file_set_contents (input, PRODUCT (", \"launch_date\": \"2027-13-01\""), -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (not_a_project, "hello", -1, &error);
  g_assert_no_error (error);

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--import-json", input, project, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "$.products[0].launch_date"));
    /* No half-made project left behind. */
    g_assert_false (g_file_test (project, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-json", output, not_a_project, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, not_a_project));
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(Run) run = { 0 };

    /* No project file given. */
    run_planner (&run, "--export-json", output, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "--export-json"));
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-json", output, "--import-json", input, project, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_cmpstr (run.err, !=, "");
  }
}

static void
test_cli_chart (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = write_example ("en");
  g_autofree char *project = ipms_test_make_temp_path ("chart.ipms");
  g_autofree char *png = ipms_test_make_temp_path ("chart.png");
  g_autofree char *data = NULL;
  gsize length;

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--import-json", input, project, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-chart", "panorama", "--output", png, "--page", "a4", "--dark", project, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_file_get_contents (png, &data, &length, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (length, >, 8);
    g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
    g_clear_pointer (&data, g_free);
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-chart", "pie", "--output", png, project, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_cmpstr (run.err, !=, "");
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-chart", "panorama", "--output", png, "--page", "letter", project, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "letter"));
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-chart", "panorama", "--output", png, "--from", "2027-02-30", project, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "2027-02-30"));
  }

  {
    g_auto(Run) run = { 0 };
    g_autofree char *pdf = ipms_test_make_temp_path ("range.pdf");

    /* A timeline chart takes the range; the panorama says it has none. */
    run_planner (&run, "--export-chart", "new-products", "--output", pdf, "--from", "2027-01-01",
                 "--to", "2027-12-31", "--page", "a3", "--landscape", project, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_file_get_contents (pdf, &data, &length, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (data, "%PDF"));
    g_clear_pointer (&data, g_free);
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-chart", "panorama", "--output", png, "--from", "2027-01-01", project, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "--from"));
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-chart", "roadmap", "--output", png, "--from", "2027-12-01",
                 "--to", "2027-01-01", project, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "2027-12-01"));
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-chart", "panorama", "--output", "chart.gif", project, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "chart.gif"));
  }
}

int
main (int   argc,
      char *argv[])
{
  ipms_test_init (&argc, &argv);

  g_test_add_func ("/json/round-trip", test_round_trip);
  g_test_add_func ("/json/round-trip-values", test_round_trip_values);
  g_test_add_func ("/json/export-order", test_export_order);
  g_test_add_func ("/json/base-is-valid", test_base_is_valid);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/json/malformed/%s", bad_cases[i].name);

      g_test_add_data_func (name, &bad_cases[i], test_malformed);
    }
  g_test_add_func ("/json/messages", test_messages);
  g_test_add_func ("/json/example/create", test_example_create);
  g_test_add_func ("/json/example/draft", test_example_draft);
  g_test_add_func ("/json/cli/help", test_cli_help);
  g_test_add_func ("/json/cli/json", test_cli_json);
  g_test_add_func ("/json/cli/bad-input", test_cli_bad_input);
  g_test_add_func ("/json/cli/chart", test_cli_chart);

  return g_test_run ();
}
