/* test-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON import and export, the example plans and the command-line modes,
 * all without a display.
 */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ipms-document.h"
#include "ipms-example.h"
#include "ipms-json.h"
#include "ipms-record.h"
#include "ipms-record-list.h"
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
/* A member given twice is refused: cases that change a member of PRODUCT
 * spell out the whole row. */
#define PRODUCT_ROW(members) \
  BASE_HEAD " \"products\": [{\"id\": 1, " members "}]}"

typedef struct
{
  const char    *name;
  const char    *json;
  IpmsJsonError  code;
  const char    *path;   /* the message starts with it, for INVALID */
  gboolean       hostile; /* read wrongly by json-glib: also run through the program */
} BadCase;

static const BadCase bad_cases[] = {
  { "syntax", "{\"format\": \"ipms-planner\",", IPMS_JSON_ERROR_SYNTAX, NULL },
  { "empty", "", IPMS_JSON_ERROR_SYNTAX, NULL },
  { "not-utf8", PRODUCT (", \"concept\": \"A\xff\""), IPMS_JSON_ERROR_INVALID, "$.products[0].concept", TRUE },
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
  { "bad-enum", PRODUCT_ROW ("\"name\": \"A\", \"grade\": \"Q\", \"status\": \"idea\""), IPMS_JSON_ERROR_INVALID, "$.products[0].grade" },
  { "bad-reference", PRODUCT (", \"series_id\": 99"), IPMS_JSON_ERROR_INVALID, "$.products[0].series_id" },
  /* 7 is a series id, not a segment id. */
  { "reference-wrong-table", PRODUCT (", \"segment_id\": 7"), IPMS_JSON_ERROR_INVALID, "$.products[0].segment_id" },
  { "reference-as-string", PRODUCT (", \"series_id\": \"7\""), IPMS_JSON_ERROR_INVALID, "$.products[0].series_id" },
  { "missing-required", BASE_HEAD " \"products\": [{\"id\": 1, \"grade\": \"R\", \"status\": \"idea\"}]}",
    IPMS_JSON_ERROR_INVALID, "$.products[0].name" },
  { "null-required", PRODUCT_ROW ("\"name\": null, \"grade\": \"R\", \"status\": \"idea\""), IPMS_JSON_ERROR_INVALID, "$.products[0].name" },
  { "unknown-member", PRODUCT (", \"colour\": \"red\""), IPMS_JSON_ERROR_INVALID, "$.products[0].colour" },
  { "missing-id", BASE_HEAD " \"products\": [{\"name\": \"A\", \"grade\": \"R\", \"status\": \"idea\"}]}",
    IPMS_JSON_ERROR_INVALID, "$.products[0]" },
  { "zero-id", BASE_HEAD " \"products\": [{\"id\": 0, \"name\": \"A\", \"grade\": \"R\", \"status\": \"idea\"}]}",
    IPMS_JSON_ERROR_INVALID, "$.products[0].id" },
  { "duplicate-id", BASE_HEAD " \"products\": [{\"id\": 1, \"name\": \"A\", \"grade\": \"R\", \"status\": \"idea\"},"
    " {\"id\": 1, \"name\": \"B\", \"grade\": \"R\", \"status\": \"idea\"}]}", IPMS_JSON_ERROR_INVALID, "$.products[1].id" },
  /* Wrong in the last table, after every other row was read. */
  { "late-error", NULL, IPMS_JSON_ERROR_INVALID, NULL },

  /* What json-glib would read as something else: dropped, cut or wrapped
   * values, or a crash (ipms-json-check.c). */
  { "nul-in-string", PRODUCT (", \"concept\": \"before\\u0000after\""), IPMS_JSON_ERROR_INVALID, "$.products[0].concept", TRUE },
  { "nul-in-name", PRODUCT (", \"con\\u0000cept\": \"x\""), IPMS_JSON_ERROR_INVALID, "$.products[0]", TRUE },
  { "integer-2^64", PRODUCT (", \"cell_order\": 18446744073709551616"), IPMS_JSON_ERROR_INVALID, "$.products[0].cell_order", TRUE },
  { "integer-2^63", PRODUCT (", \"cell_order\": 9223372036854775808"), IPMS_JSON_ERROR_INVALID, "$.products[0].cell_order", TRUE },
  { "integer-below-int64", PRODUCT (", \"cell_order\": -9223372036854775809"), IPMS_JSON_ERROR_INVALID, "$.products[0].cell_order", TRUE },
  { "integer-many-digits", PRODUCT (", \"cell_order\": 1000000000000000000000000000000000000000000000000000"),
    IPMS_JSON_ERROR_INVALID, "$.products[0].cell_order", TRUE },
  { "duplicate-member", PRODUCT (", \"name\": \"B\""), IPMS_JSON_ERROR_INVALID, "$.products[0].name", TRUE },
  { "duplicate-member-escaped", PRODUCT (", \"n\\u0061me\": \"B\""), IPMS_JSON_ERROR_INVALID, "$.products[0].name", TRUE },
  { "duplicate-table", BASE_HEAD " \"series\": []}", IPMS_JSON_ERROR_INVALID, "$.series", TRUE },
  { "trailing-document", PRODUCT ("") "\n" PRODUCT (""), IPMS_JSON_ERROR_INVALID, "$", TRUE },
  { "trailing-text", PRODUCT ("") " x", IPMS_JSON_ERROR_INVALID, "$", TRUE },
  { "lone-low-surrogate", PRODUCT (", \"concept\": \"\\udc00\""), IPMS_JSON_ERROR_INVALID, "$.products[0].concept", TRUE },
  { "lone-high-surrogate", PRODUCT (", \"concept\": \"\\ud83d x\""), IPMS_JSON_ERROR_INVALID, "$.products[0].concept", TRUE },
  { "not-utf8-overlong", PRODUCT (", \"concept\": \"\xc0\xaf\""), IPMS_JSON_ERROR_INVALID, "$.products[0].concept", TRUE },
  { "not-utf8-surrogate", PRODUCT (", \"concept\": \"\xed\xa0\x80\""), IPMS_JSON_ERROR_INVALID, "$.products[0].concept", TRUE },
  { "not-utf8-cut", PRODUCT (", \"concept\": \"\xe4\xb8\""), IPMS_JSON_ERROR_INVALID, "$.products[0].concept", TRUE },
  { "not-utf8-name", PRODUCT (", \"c\xff\": 1"), IPMS_JSON_ERROR_INVALID, "$.products[0]", TRUE },
  { "id-2^53", BASE_HEAD " \"products\": [{\"id\": 9007199254740992, \"name\": \"A\", \"grade\": \"R\", \"status\": \"idea\"}]}",
    IPMS_JSON_ERROR_INVALID, "$.products[0].id", TRUE },
  { "id-int64-max", BASE_HEAD " \"products\": [{\"id\": 9223372036854775807, \"name\": \"A\", \"grade\": \"R\", \"status\": \"idea\"}]}",
    IPMS_JSON_ERROR_INVALID, "$.products[0].id", TRUE },
  /* 2^62 + 1 is 2^62 as a double, which the bound allows. */
  { "integer-bound-exact", "{\"format\": \"ipms-planner\", \"version\": 1,\n"
    " \"projects\": [{\"id\": 1, \"name\": \"P\"}],\n"
    " \"axis_items\": [{\"id\": 1, \"axis\": \"x\", \"position\": 0, \"label\": \"X\"},\n"
    "                {\"id\": 2, \"axis\": \"y\", \"position\": 0, \"label\": \"Y\"}],\n"
    " \"segments\": [{\"id\": 1, \"x_item_id\": 1, \"y_item_id\": 2, \"role\": \"core\", \"size\": 4611686018427387905}]}",
    IPMS_JSON_ERROR_INVALID, "$.segments[0].size", TRUE },
  /* Not JSON, though json-glib takes it. */
  { "comment", "/* plan */ " PRODUCT (""), IPMS_JSON_ERROR_SYNTAX, NULL, TRUE },
  { "single-quotes", PRODUCT (", 'concept': 'x'"), IPMS_JSON_ERROR_SYNTAX, NULL, TRUE },
  { "leading-zero", PRODUCT (", \"cell_order\": 01"), IPMS_JSON_ERROR_SYNTAX, NULL, TRUE },
  { "hex-number", PRODUCT (", \"cell_order\": 0x10"), IPMS_JSON_ERROR_SYNTAX, NULL, TRUE },
  { "raw-tab", PRODUCT (", \"concept\": \"a\tb\""), IPMS_JSON_ERROR_SYNTAX, NULL, TRUE },
  { "raw-nul", BASE_HEAD "\0 \"products\": []}", IPMS_JSON_ERROR_SYNTAX, NULL, TRUE },
  /* Made by generated_json(): 100000 levels overflowed json-glib's stack. */
  { "deep-arrays", NULL, IPMS_JSON_ERROR_INVALID, "$[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]", TRUE },
  { "deep-objects", NULL, IPMS_JSON_ERROR_INVALID, "$.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a", TRUE },
  { "deep-in-plan", NULL, IPMS_JSON_ERROR_INVALID, "$.products[0].name[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]", TRUE },
  /* Past 32 members names are kept in a hash set: repeated after that. */
  { "duplicate-member-many", NULL, IPMS_JSON_ERROR_INVALID, "$.products[0].m5", TRUE },
};

static char *
repeat (const char *piece,
        guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, piece);

  return g_string_free (out, FALSE);
}

/* Nesting 100000 deep, or a row with 1000 members, generated rather than
 * kept in the tree. */
static char *
generated_json (const char *name)
{
  const guint depth = 100000;

  if (strcmp (name, "duplicate-member-many") == 0)
    {
      GString *json = g_string_new (BASE_HEAD " \"products\": [{\"id\": 1");

      for (guint i = 0; i < 1000; i++)
        g_string_append_printf (json, ", \"m%u\": %u", i, i);
      g_string_append (json, ", \"m5\": 0}]}");

      return g_string_free (json, FALSE);
    }

  if (strcmp (name, "deep-arrays") == 0)
    return repeat ("[", depth);

  if (strcmp (name, "deep-objects") == 0)
    {
      g_autofree char *open = repeat ("{\"a\": ", depth);
      g_autofree char *close = repeat ("}", depth);

      return g_strconcat (open, "1", close, NULL);
    }

  if (strcmp (name, "deep-in-plan") == 0)
    {
      g_autofree char *open = repeat ("[", depth);
      g_autofree char *close = repeat ("]", depth);

      return g_strconcat (BASE_HEAD " \"products\": [{\"id\": 1, \"name\": ", open, close,
                          ", \"grade\": \"R\", \"status\": \"idea\"}]}", NULL);
    }

  return NULL;
}

/* The text of a case, its length ("raw-nul" holds a NUL byte) and the
 * JSON path its message starts with. */
static char *
bad_case_json (const BadCase  *bad,
               gsize          *length,
               const char    **path)
{
  char *json = generated_json (bad->name);

  *path = bad->path;

  if (strcmp (bad->name, "late-error") == 0)
    {
      /* A valid plan but for its very last row. */
      g_autofree char *source = example_json ("en");
      const char *tail = strstr (source, "\"max_price\": 600");

      g_assert_nonnull (tail);
      json = g_strdup_printf ("%.*s\"max_price\": \"600\"%s", (int) (tail - source), source,
                              tail + strlen ("\"max_price\": 600"));
      *path = "$.price_bands[2].max_price";
    }

  if (json != NULL)
    *length = strlen (json);
  else if (strcmp (bad->name, "raw-nul") == 0)
    {
      *length = strlen (BASE_HEAD) + 1 + strlen (" \"products\": []}");
      json = g_memdup2 (bad->json, *length);
    }
  else
    {
      json = g_strdup (bad->json);
      *length = strlen (json);
    }

  return json;
}

/* A message fit for one line of a terminal: no raw bytes, no newline. */
static void
assert_printable (const char *message)
{
  g_assert_true (g_utf8_validate (message, -1, NULL));

  for (const char *p = message; *p != '\0'; p++)
    g_assert_cmpint ((guchar) *p, >=, 0x20);
}

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
  g_autofree char *undo_label = NULL;
  const char *path;
  gsize length;
  g_autofree char *json = bad_case_json (bad, &length, &path);

  ipms_json_import_data (document, source, -1, "Example", &error);
  g_assert_no_error (error);
  before = export (document);
  undo_label = g_strdup (ipms_document_get_undo_label (document));

  g_assert_false (ipms_json_import_data (document, json, (gssize) length, "Bad", &error));
  g_assert_error (error, IPMS_JSON_ERROR, (int) bad->code);
  g_test_message ("%s: %s", bad->name, error->message);
  assert_printable (error->message);

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

/* Hostile samples kept in tests/json/corpus (also seeds for a fuzzer). */
static void
test_corpus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = new_document ("corpus.ipms");
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "json", "corpus", NULL);
  g_autofree char *source = example_json ("en");
  g_autofree char *before = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  ipms_json_import_data (document, source, -1, "Example", &error);
  g_assert_no_error (error);
  before = export (document);

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *after = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;

      path = g_build_filename (folder, name, NULL);
      g_assert_false (ipms_json_import_file (document, path, "Bad", &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == IPMS_JSON_ERROR);
      g_test_message ("%s: %s", name, error->message);
      assert_printable (error->message);
      g_clear_error (&error);

      after = export (document);
      g_assert_cmpstr (after, ==, before);
      n_files++;
    }

  g_assert_cmpuint (n_files, >=, 10);
}

static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = new_document ("messages.ipms");

  ipms_json_import_data (document, PRODUCT (", \"price\": \"12\""), -1, "Bad", &error);
  g_assert_cmpstr (error->message, ==, "$.products[0].price: expected a number, found a string");
  g_clear_error (&error);

  ipms_json_import_data (document, PRODUCT_ROW ("\"name\": \"A\", \"grade\": \"Q\", \"status\": \"idea\""),
                         -1, "Bad", &error);
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

static void
test_messages_escaped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = new_document ("escaped.ipms");

  /* Names and values from the file are quoted, never printed raw: a
   * newline or a right-to-left override would reshape the message. */
  ipms_json_import_data (document, PRODUCT (", \"a\\nb\\u202e\\\"\": 1"), -1, "Bad", &error);
  g_assert_cmpstr (error->message, ==, "$.products[0][\"a\\nb\\u202E\\\"\"]: unknown member");
  g_clear_error (&error);

  ipms_json_import_data (document, PRODUCT (", \"launch_date\": \"2027\\n01\\u000101\""), -1, "Bad", &error);
  g_assert_cmpstr (error->message, ==,
                   "$.products[0].launch_date: “2027\\n01\\u000101” is not a valid date (expected YYYY-MM-DD)");
  g_clear_error (&error);

  ipms_json_import_data (document, "[1,\n\xff]", -1, "Bad", &error);
  g_assert_cmpstr (error->message, ==, "Not valid JSON at 2:1: expected a value, found the byte 0xFF");
  g_clear_error (&error);

  ipms_json_import_data (document, "[\"\n\"]", -1, "Bad", &error);
  g_assert_cmpstr (error->message, ==, "Not valid JSON at 1:3: a control character in a string must be written as \\u000A");
}

static void
test_id_bounds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = new_document ("ids.ipms");
  g_autofree char *exported = NULL;
  /* The largest id, and a reference to it. */
  const char *input =
    "{\"format\": \"ipms-planner\", \"version\": 1,\n"
    " \"projects\": [{\"id\": 1, \"name\": \"P\"}],\n"
    " \"products\": [{\"id\": 9007199254740991, \"name\": \"A\", \"grade\": \"R\", \"status\": \"idea\"}],\n"
    " \"faqs\": [{\"id\": 1, \"product_id\": 9007199254740991, \"question\": \"Q\"}]}";

  ipms_json_import_data (document, input, -1, "Import", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ipms_document_get_record (document, "product", G_GINT64_CONSTANT (9007199254740991)));

  exported = export (document);
  g_assert_nonnull (strstr (exported, "\"product_id\": 9007199254740991,"));
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

/* Hostile input, kills, races and limits, through the real program */

static GSubprocessLauncher *
planner_launcher (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");

  return launcher;
}

static GSubprocess *
spawn_import (const char *input,
              const char *output)
{
  g_autoptr(GSubprocessLauncher) launcher = planner_launcher (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                              G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_assert_nonnull (g_getenv ("IPMS_PLANNER"));
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("IPMS_PLANNER"),
                                         "--import-json", input, output, NULL);
  g_assert_no_error (error);

  return process;
}

static char *
make_folder (const char *name)
{
  char *dir = ipms_test_make_temp_path (name);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);

  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in `dir`, sorted and joined by spaces. */
static char *
list_folder (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);

  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
read_bytes (const char *path,
            gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);

  return data;
}

/* One line of printable text and its newline. */
static void
assert_one_line (const char *message)
{
  gsize length = strlen (message);
  g_autofree char *line = NULL;

  g_assert_cmpuint (length, >, 1);
  g_assert_cmpint (message[length - 1], ==, '\n');
  line = g_strndup (message, length - 1);
  assert_printable (line);
}

static void
test_cli_hostile (void)
{
  guint n_checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *bad = &bad_cases[i];
      g_auto(Run) run = { 0 };
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("%s.json", bad->name);
      g_autofree char *input = ipms_test_make_temp_path (name);
      g_autofree char *folder_name = g_strdup_printf ("out-%u", i);
      g_autofree char *folder = make_folder (folder_name);
      g_autofree char *output = g_build_filename (folder, "plan.ipms", NULL);
      g_autofree char *listing = NULL;
      const char *path;
      gsize length;
      g_autofree char *json = NULL;

      if (!bad->hostile)
        continue;

      json = bad_case_json (bad, &length, &path);
      g_file_set_contents (input, json, (gssize) length, &error);
      g_assert_no_error (error);

      run_planner (&run, "--import-json", input, output, NULL);
      g_test_message ("%s: %s", bad->name, run.err);
      g_assert_cmpint (run.status, ==, 1);
      assert_one_line (run.err);

      if (path != NULL)
        {
          g_autofree char *where = g_strdup_printf (": %s: ", path);

          g_assert_nonnull (strstr (run.err, where));
        }

      /* Nothing at all was left in the output's folder. */
      listing = list_folder (folder);
      g_assert_cmpstr (listing, ==, "");
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >=, 30);
}

/* A plan whose import takes long enough to be killed in its middle. */
static char *
big_plan (guint n_products)
{
  GString *json = g_string_new ("{\"format\": \"ipms-planner\", \"version\": 1,\n"
                                " \"projects\": [{\"id\": 1, \"name\": \"Big\"}],\n"
                                " \"products\": [");

  for (guint i = 1; i <= n_products; i++)
    g_string_append_printf (json, "%s\n  {\"id\": %u, \"name\": \"Product %u\", \"grade\": \"A\", "
                            "\"status\": \"planned\", \"price\": %u.5, \"concept\": \"A camera feeder "
                            "that never misses a meal, even offline.\", \"features\": \"Scheduled meals, "
                            "anti-jam auger, night vision, two-way audio.\"}",
                            i > 1 ? "," : "", i, i, i);

  g_string_append (json, "],\n \"faqs\": [");

  for (guint i = 1; i <= n_products; i++)
    g_string_append_printf (json, "%s\n  {\"id\": %u, \"product_id\": %u, \"question\": \"Why?\", "
                            "\"answer\": \"Because the device needs 2.4 GHz Wi-Fi.\"}",
                            i > 1 ? "," : "", i, i);

  g_string_append (json, "]}\n");

  return g_string_free (json, FALSE);
}

static char *
write_big_plan (guint n_products)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = big_plan (n_products);
  char *path = ipms_test_make_temp_path ("big.json");

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* The project opens and holds the whole plan, and no undo step. */
static void
assert_complete (const char *path,
                 guint       n_products)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_document_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, n_products);
  g_assert_cmpuint (ipms_document_count_rows (document, "faq"), ==, n_products);
  g_assert_false (ipms_document_can_undo (document));
  ipms_document_close (document);
}

static void
test_cli_killed (void)
{
  const guint n_products = 2000;
  g_autofree char *input = write_big_plan (n_products);
  g_autofree char *folder = make_folder ("out");
  g_autofree char *output = g_build_filename (folder, "plan.ipms", NULL);
  guint before = 0, after = 0;
  gint64 duration;

  /* How long a whole import takes on this machine. */
  {
    g_auto(Run) run = { 0 };
    gint64 start = g_get_monotonic_time ();

    run_planner (&run, "--import-json", input, output, NULL);
    duration = g_get_monotonic_time () - start;
    g_assert_cmpint (run.status, ==, 0);
    assert_complete (output, n_products);
    g_assert_cmpint (g_unlink (output), ==, 0);
  }

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GSubprocess) process = spawn_import (input, output);
      g_autoptr(GError) error = NULL;
      g_autofree char *listing = NULL;

      g_usleep ((gulong) g_test_rand_int_range (0, (gint32) MIN (duration * 6 / 5, G_MAXINT32)));
      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);

      /* Nothing, or the complete project: never an empty or partial one,
       * never a temporary file or a journal. */
      listing = list_folder (folder);
      if (g_strcmp0 (listing, "") == 0)
        before++;
      else
        {
          g_assert_cmpstr (listing, ==, "plan.ipms");
          assert_complete (output, n_products);
          g_assert_cmpint (g_unlink (output), ==, 0);
          after++;
        }
    }

  g_test_message ("killed %u times before the project appeared, %u times after", before, after);

  /* Whatever a killed run left, a retry succeeds. */
  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--import-json", input, output, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    assert_complete (output, n_products);
  }
}

static void
test_cli_race (void)
{
  const guint n_products = 500;
  g_autofree char *input = write_big_plan (n_products);
  g_autofree char *folder = make_folder ("out");
  g_autofree char *output = g_build_filename (folder, "plan.ipms", NULL);

  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(GSubprocess) first = spawn_import (input, output);
      g_autoptr(GSubprocess) second = spawn_import (input, output);
      g_autoptr(GError) error = NULL;
      g_autofree char *first_err = NULL;
      g_autofree char *second_err = NULL;
      g_autofree char *listing = NULL;
      const char *loser_err;
      int first_status, second_status;

      g_subprocess_communicate_utf8 (first, NULL, NULL, NULL, &first_err, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (second, NULL, NULL, NULL, &second_err, &error);
      g_assert_no_error (error);

      g_assert_true (g_subprocess_get_if_exited (first));
      g_assert_true (g_subprocess_get_if_exited (second));
      first_status = g_subprocess_get_exit_status (first);
      second_status = g_subprocess_get_exit_status (second);

      /* Exactly one wins; the other says why it did not. */
      g_assert_cmpint (first_status + second_status, ==, 1);
      loser_err = first_status != 0 ? first_err : second_err;
      g_assert_nonnull (strstr (loser_err, "already exists"));
      g_assert_cmpstr (first_status == 0 ? first_err : second_err, ==, "");

      listing = list_folder (folder);
      g_assert_cmpstr (listing, ==, "plan.ipms");
      assert_complete (output, n_products);
      g_assert_cmpint (g_unlink (output), ==, 0);
    }
}

static void
test_cli_no_history (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(IpmsDocument) reference = new_document ("reference.ipms");
  g_autofree char *input = write_example ("en");
  g_autofree char *source = example_json ("en");
  g_autofree char *output = ipms_test_make_temp_path ("new.ipms");
  g_autofree char *exported = NULL;

  run_planner (&run, "--import-json", input, output, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* Like the example: a new project from JSON has nothing to undo, and
   * its file holds the plan once, not again as an undo step. */
  document = ipms_document_open (output, &error);
  g_assert_no_error (error);
  g_assert_false (ipms_document_can_undo (document));
  g_assert_false (ipms_document_can_redo (document));
  g_assert_null (ipms_document_get_undo_label (document));
  exported = export (document);
  g_assert_cmpstr (exported, ==, source);

  /* Imported into a document, the plan is one undo step: a file that
   * carried it twice would be about twice the size. */
  {
    GStatBuf new_file, with_step;

    ipms_json_import_data (reference, source, -1, "Import", &error);
    g_assert_no_error (error);
    g_assert_true (ipms_document_can_undo (reference));
    g_assert_cmpint (g_stat (output, &new_file), ==, 0);
    g_assert_cmpint (g_stat (ipms_document_get_path (reference), &with_step), ==, 0);
    g_assert_cmpint (new_file.st_size, <, with_step.st_size);
  }
}

static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { 16 * 1024, 16 * 1024 };

  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
test_cli_file_size_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = write_example ("en");
  g_autofree char *folder = make_folder ("out");
  g_autofree char *output = g_build_filename (folder, "plan.ipms", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { g_getenv ("IPMS_PLANNER"), "--import-json", input, output, NULL };
  int wait_status = 0;

  g_assert_nonnull (argv[0]);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  /* ulimit -f 16: the project is larger. */
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, limit_file_size, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("%s", err);

  /* Not killed by SIGXFSZ: a clear message and a clean exit. */
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
  g_assert_nonnull (strstr (err, "size limit"));
  assert_one_line (err);

  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_cli_export_targets (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = write_example ("en");
  g_autofree char *expected = example_json ("en");
  g_autofree char *project = ipms_test_make_temp_path ("project.ipms");
  g_autofree char *other = ipms_test_make_temp_path ("other.ipms");
  g_autofree char *link = ipms_test_make_temp_path ("link.json");
  g_autofree char *folder = make_folder ("exports");
  g_autofree char *output = g_build_filename (folder, "plan.json", NULL);
  const struct { const char *path; const char *message; } refused[] = {
    { project, "is the project being exported" },
    { link, "is the project being exported" },
    { other, "is a project or another database" },
    { folder, "not a regular file" },
  };

  {
    g_auto(Run) first = { 0 };
    g_auto(Run) second = { 0 };

    run_planner (&first, "--import-json", input, project, NULL);
    g_assert_cmpint (first.status, ==, 0);
    run_planner (&second, "--import-json", input, other, NULL);
    g_assert_cmpint (second.status, ==, 0);
  }
  g_assert_cmpint (symlink (project, link), ==, 0);

  /* A slip of the file name must not turn a plan into its JSON. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *project_before = NULL;
      g_autofree char *other_before = NULL;
      g_autofree char *project_after = NULL;
      g_autofree char *other_after = NULL;
      gsize project_length, other_length, length;

      project_before = read_bytes (project, &project_length);
      other_before = read_bytes (other, &other_length);

      run_planner (&run, "--export-json", refused[i].path, project, NULL);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, refused[i].message));

      project_after = read_bytes (project, &length);
      g_assert_cmpmem (project_before, project_length, project_after, length);
      other_after = read_bytes (other, &length);
      g_assert_cmpmem (other_before, other_length, other_after, length);
    }

  /* An older export is replaced whole, and nothing else is left. */
  g_file_set_contents (output, "{\"old\": true}", -1, &error);
  g_assert_no_error (error);

  {
    g_auto(Run) run = { 0 };
    g_autofree char *written = NULL;
    g_autofree char *listing = NULL;

    run_planner (&run, "--export-json", output, project, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    written = read_bytes (output, NULL);
    g_assert_cmpstr (written, ==, expected);
    listing = list_folder (folder);
    g_assert_cmpstr (listing, ==, "plan.json");
  }
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* A damaged file never gives invalid JSON, nor a plan the import would
 * refuse: text that is not UTF-8 is repaired as the document reads it (and
 * said once on stderr), an id outside the format's range is refused with
 * the table, row and column. */
static void
test_export_damaged (void)
{
  g_autofree char *input = write_example ("en");
  g_autofree char *project = ipms_test_make_temp_path ("damaged.ipms");
  g_autofree char *folder = make_folder ("exports");
  g_autofree char *output = g_build_filename (folder, "plan.json", NULL);
  const char *id_message =
    "The project is damaged: table “product”, row 9007199254740992, column “id” is outside the range of ids";

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--import-json", input, project, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  {
    g_auto(Run) run = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(IpmsDocument) document = NULL;
    g_autofree char *json = NULL;
    g_autofree char *name = NULL;
    g_autofree char *reimported = ipms_test_make_temp_path ("reimported.ipms");

    exec_raw (project, "UPDATE product SET name = CAST(x'41FF42' AS TEXT) WHERE id = 3");

    run_planner (&run, "--export-json", output, project, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "row 3 of “product”"));
    g_assert_true (g_file_get_contents (output, &json, NULL, NULL));
    g_assert_true (g_utf8_validate (json, -1, NULL));

    document = ipms_document_create (reimported, "Re", &error);
    g_assert_no_error (error);
    ipms_json_import_data (document, json, -1, "Import", &error);
    g_assert_no_error (error);
    name = g_strdup (ipms_record_get_string (ipms_document_get_record (document, "product", 3), "name"));
    g_assert_cmpstr (name, ==, "A\xef\xbf\xbd" "B");

    g_unlink (output);
    exec_raw (project, "UPDATE product SET name = 'B' WHERE id = 3");
  }

  {
    g_auto(Run) run = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(IpmsDocument) document = NULL;
    g_autofree char *listing = NULL;
    char *data;

    exec_raw (project, "UPDATE product SET id = 9007199254740992 WHERE id = 3");

    document = ipms_document_open (project, &error);
    g_assert_no_error (error);
    data = ipms_json_export_data (document, NULL, &error);
    g_assert_null (data);
    g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_CORRUPT);
    g_assert_true (g_str_has_prefix (error->message, id_message));
    ipms_document_close (document);

    run_planner (&run, "--export-json", output, project, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, id_message));
    listing = list_folder (folder);
    g_assert_cmpstr (listing, ==, "");

    exec_raw (project, "UPDATE product SET id = 3 WHERE id = 9007199254740992");
  }

  /* A segment whose column is gone reads with no column at all, which the
   * import would refuse: the export says which row, instead of writing it. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *listing = NULL;

    exec_raw (project, "UPDATE segment SET x_item_id = 999999 WHERE id = (SELECT min(id) FROM segment)");

    run_planner (&run, "--export-json", output, project, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "column “x_item_id” is empty or refers to a row that is missing"));
    listing = list_folder (folder);
    g_assert_cmpstr (listing, ==, "");
  }
}

/* Bulk steps */

typedef struct
{
  guint row_changed;
  guint reloaded;
  guint changes_done;
} SignalCounts;

static void
count_row_changed (IpmsDocument *document,
                   const char   *table,
                   gint64        id,
                   int           change,
                   SignalCounts *counts)
{
  counts->row_changed++;
}

static void
count_reloaded (SignalCounts *counts)
{
  counts->reloaded++;
}

static void
count_changes_done (SignalCounts *counts)
{
  counts->changes_done++;
}

/* A plan of `n_products` products and nothing else but its project. */
static char *
plan_with_products (guint n_products)
{
  GString *json = g_string_new ("{\"format\": \"ipms-planner\", \"version\": 2,\n"
                                " \"projects\": [{\"id\": 1, \"name\": \"Bulk\"}],\n"
                                " \"products\": [");

  for (guint i = 1; i <= n_products; i++)
    g_string_append_printf (json, "%s{\"id\": %u, \"name\": \"P%u\", \"grade\": \"S\", \"status\": \"idea\"}",
                            i > 1 ? ",\n" : "", i, i);
  g_string_append (json, "]}");

  return g_string_free (json, FALSE);
}

/* An import and its undo and redo touch more rows than are worth telling
 * one by one: each is one "reloaded", and lists still follow. The undo and
 * the redo are applied in slices from the main loop, told once done; a
 * read of the file completes one at once. A small edit keeps its
 * "row-changed". */
static void
test_import_bulk_signals (void)
{
  const guint n_products = IPMS_DOCUMENT_BULK_ROWS + 200;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = new_document ("bulk.ipms");
  g_autoptr(IpmsRecordList) products = ipms_record_list_new (document, "product", NULL, IPMS_NULL_ID, NULL);
  g_autofree char *json = plan_with_products (n_products);
  SignalCounts counts = { 0 };

  g_signal_connect (document, "row-changed", G_CALLBACK (count_row_changed), &counts);
  g_signal_connect_swapped (document, "reloaded", G_CALLBACK (count_reloaded), &counts);
  g_signal_connect_swapped (document, "changes-done", G_CALLBACK (count_changes_done), &counts);

  ipms_json_import_data (document, json, -1, "Import", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.row_changed, ==, 0);
  g_assert_cmpuint (counts.reloaded, ==, 1);
  g_assert_cmpuint (counts.changes_done, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (products)), ==, n_products);

  counts = (SignalCounts) { 0 };
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  g_assert_true (ipms_document_get_busy (document));
  g_assert_cmpuint (counts.reloaded, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (products)), ==, n_products);
  while (ipms_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (counts.row_changed, ==, 0);
  g_assert_cmpuint (counts.reloaded, ==, 1);
  g_assert_cmpuint (counts.changes_done, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (products)), ==, 0);

  counts = (SignalCounts) { 0 };
  ipms_document_redo (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.reloaded, ==, 0);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, n_products);
  g_assert_false (ipms_document_get_busy (document));
  g_assert_cmpuint (counts.row_changed, ==, 0);
  g_assert_cmpuint (counts.reloaded, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (products)), ==, n_products);

  counts = (SignalCounts) { 0 };
  ipms_document_begin_edit (document, "Rename", NULL, &error);
  g_assert_no_error (error);
  ipms_document_set_string (document, "product", 7, "name", "Seven", &error);
  g_assert_no_error (error);
  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.row_changed, ==, 1);
  g_assert_cmpuint (counts.reloaded, ==, 0);
  g_assert_cmpuint (counts.changes_done, ==, 1);

  counts = (SignalCounts) { 0 };
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.row_changed, ==, 1);
  g_assert_cmpuint (counts.reloaded, ==, 0);

  ipms_document_close (document);
}

static void
count_reloaded_once (gboolean *reloaded)
{
  g_assert_false (*reloaded);
  *reloaded = TRUE;
}

/* Undoing an import that replaced the example plan (rows of every table
 * deleted, inserted and updated) runs in several slices of the main loop.
 * Until it is told, the records and lists show the imported plan whole;
 * then the plan is exactly the example again, and a redo brings back
 * exactly the import: a slice lost or applied twice would show in the
 * exports. */
static void
test_import_undo_in_slices (void)
{
  const guint n_products = 4 * IPMS_DOCUMENT_BULK_ROWS;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipms_test_make_temp_path ("slices.ipms");
  g_autoptr(IpmsDocument) document = ipms_example_create (path, "en", &error);
  g_autoptr(IpmsRecordList) products = NULL;
  g_autofree char *json = plan_with_products (n_products);
  g_autofree char *before = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(IpmsRecord) last = NULL;
  gboolean reloaded = FALSE;
  double progress = 0;
  guint slices = 0;

  g_assert_no_error (error);
  before = export (document);

  ipms_json_import_data (document, json, -1, "Import", &error);
  g_assert_no_error (error);
  imported = export (document);
  products = ipms_record_list_new (document, "product", NULL, IPMS_NULL_ID, NULL);
  last = g_object_ref (ipms_record_list_get_record (products, n_products - 1));
  g_signal_connect_swapped (document, "reloaded", G_CALLBACK (count_reloaded_once), &reloaded);

  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  while (ipms_document_get_busy (document))
    {
      g_assert_false (reloaded);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (products)), ==, n_products);
      g_assert_true (ipms_record_is_alive (last));
      g_assert_cmpfloat (ipms_document_get_progress (document), >=, progress);
      progress = ipms_document_get_progress (document);
      g_main_context_iteration (NULL, TRUE);
      slices++;
    }
  g_assert_true (reloaded);
  g_assert_cmpuint (slices, >, 2);
  g_assert_cmpfloat (progress, >, 0);
  g_assert_false (ipms_record_is_alive (last));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (products)), ==,
                    ipms_document_count_rows (document, "product"));
  g_assert_true (ipms_document_can_redo (document));
  undone = export (document);
  g_assert_cmpstr (undone, ==, before);

  reloaded = FALSE;
  ipms_document_redo (document, &error);
  g_assert_no_error (error);
  while (ipms_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (reloaded);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (products)), ==, n_products);
  redone = export (document);
  g_assert_cmpstr (redone, ==, imported);

  ipms_document_close (document);
}

/* A write that fails (here at a file size limit; SQLite reports a full
 * disk the same way, with another message) is reported as such, not
 * blamed on the row being written, and changes nothing. */
static void
test_import_write_fails (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IpmsDocument) document = new_document ("full.ipms");
      /* Beyond SQLite's page cache, so that rows are written (and fail)
       * while they are inserted, not only at commit. */
      g_autofree char *json = big_plan (8000);
      g_autofree char *before = export (document);
      g_autofree char *after = NULL;
      GStatBuf st;
      struct rlimit limit;

      g_assert_cmpint (g_stat (ipms_document_get_path (document), &st), ==, 0);
      limit.rlim_cur = limit.rlim_max = (rlim_t) st.st_size + 64 * 1024;
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (ipms_json_import_data (document, json, -1, "Import", &error));
      g_assert_nonnull (error);
      g_printerr ("%s\n", error->message);
      g_assert_true (error->domain == IPMS_DOCUMENT_ERROR);
      g_assert_false (g_str_has_prefix (error->message, "$"));

      after = export (document);
      g_assert_cmpstr (after, ==, before);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("Cannot write the project: *");
}

static void
test_export_one_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) exporting = NULL;
  g_autoptr(IpmsDocument) editing = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autofree char *path = ipms_test_make_temp_path ("shared.ipms");
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;
  g_auto(GValue) name = G_VALUE_INIT;
  gint64 product;

  exporting = ipms_example_create (path, "en", &error);
  g_assert_no_error (error);
  editing = ipms_document_open (path, &error);
  g_assert_no_error (error);
  products = ipms_document_query (editing, "product", NULL, 0, NULL);
  product = ipms_record_get_id (g_ptr_array_index (products, 0));
  g_value_init (&name, G_TYPE_STRING);
  g_value_set_static_string (&name, "Renamed meanwhile");

  /* While a read is open, another connection cannot commit, so every
   * table of an export comes from one state. The editor gives up after
   * its busy timeout, and its edit is rolled back whole. */
  g_assert_true (ipms_document_begin_read (exporting, &error));
  g_assert_no_error (error);
  during = export (exporting);
  g_assert_false (ipms_document_edit_value (editing, "Rename", NULL, "product", product, "name", &name, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_null (strstr (during, "Renamed meanwhile"));
  ipms_document_end_read (exporting);

  /* The export's own read has ended with it: the edit now goes through. */
  g_assert_true (ipms_document_edit_value (editing, "Rename", NULL, "product", product, "name", &name, &error));
  g_assert_no_error (error);
  after = export (exporting);
  g_assert_nonnull (strstr (after, "Renamed meanwhile"));

  /* Inside an edit, the export reads through the edit's transaction. */
  ipms_document_begin_edit (exporting, "Edit", NULL, &error);
  g_assert_no_error (error);
  g_free (after);
  after = export (exporting);
  g_assert_true (ipms_document_in_edit (exporting));
  ipms_document_rollback_edit (exporting);
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
  g_test_add_func ("/json/messages-escaped", test_messages_escaped);
  g_test_add_func ("/json/corpus", test_corpus);
  g_test_add_func ("/json/id-bounds", test_id_bounds);
  g_test_add_func ("/json/example/create", test_example_create);
  g_test_add_func ("/json/example/draft", test_example_draft);
  g_test_add_func ("/json/cli/help", test_cli_help);
  g_test_add_func ("/json/cli/json", test_cli_json);
  g_test_add_func ("/json/cli/bad-input", test_cli_bad_input);
  g_test_add_func ("/json/cli/chart", test_cli_chart);
  /* Many runs of the program: meson runs them as a test of their own. */
  g_test_add_func ("/json/process/hostile", test_cli_hostile);
  g_test_add_func ("/json/process/killed", test_cli_killed);
  g_test_add_func ("/json/process/race", test_cli_race);
  g_test_add_func ("/json/cli/no-history", test_cli_no_history);
  g_test_add_func ("/json/cli/file-size-limit", test_cli_file_size_limit);
  g_test_add_func ("/json/cli/export-targets", test_cli_export_targets);
  g_test_add_func ("/json/export/damaged", test_export_damaged);
  g_test_add_func ("/json/export/one-read", test_export_one_read);
  g_test_add_func ("/json/import/write-fails", test_import_write_fails);
  g_test_add_func ("/json/import/bulk-signals", test_import_bulk_signals);
  g_test_add_func ("/json/import/undo-in-slices", test_import_undo_in_slices);

  return g_test_run ();
}
