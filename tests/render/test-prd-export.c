/* test-prd-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PRD export without a display: the Markdown of the example's first
 * product against a checked-in file (in English, whatever the machine's
 * language), the same bytes twice, escaping and empty sections, the PDF's
 * pages, bookmarks, repeated table headers and text (read back with
 * poppler-utils), and the command line's errors. Run again with
 * LANGUAGE=zh_CN, it checks that the export is in Chinese.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "ipms-document.h"
#include "ipms-example.h"
#include "ipms-prd.h"
#include "ipms-prd-render.h"
#include "ipms-record.h"
#include "ipms-schema.h"
#include "ipms-test-utils.h"

/* The sections every PRD names, in English. */
static const char * const section_titles[] = {
  "1. Overview",
  "2. User Scenarios and Needs",
  "3. Strategy and Positioning",
  "4. Technical Specifications",
  "5. Selling Points and Features",
  "6. Certifications and Sales Regions",
  "7. After-Sales FAQ and Box Contents",
};

static gboolean
in_chinese (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "zh_CN") == 0;
}

static IpmsDocument *
open_example (void)
{
  g_autoptr(GError) error = NULL;
  IpmsDocument *document = ipms_example_new_draft (in_chinese () ? "zh_CN" : "en", &error);

  g_assert_no_error (error);
  return document;
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
export_to_temp (IpmsDocument *document,
                gint64        product_id,
                const char   *basename)
{
  g_autoptr(GError) error = NULL;
  char *path = ipms_test_make_temp_path (basename);

  g_assert_true (ipms_prd_export (document, product_id, path, &error));
  g_assert_no_error (error);
  return path;
}

/* Markdown */

static void
test_markdown_expected (void)
{
  g_autoptr(IpmsDocument) document = open_example ();
  g_autofree char *path = export_to_temp (document, 1, "feeder.md");
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "expected", "prd-1.en.md", NULL);
  g_autofree char *written = read_file (path, NULL);
  g_autofree char *expected = read_file (expected_path, NULL);

  g_assert_cmpstr (written, ==, expected);
  ipms_document_close (document);
}

/* Not inlined: GCC 12 at -O3 then takes `p` for a pointer into
 * read_file()'s local variable (a false -Wdangling-pointer). */
G_GNUC_NO_INLINE static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint count = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    count++;
  return count;
}

static void
test_markdown_deterministic (void)
{
  g_autoptr(IpmsDocument) document = open_example ();
  g_autofree char *first_path = export_to_temp (document, 0, "first.md");
  g_autofree char *second_path = export_to_temp (document, 0, "second.md");
  gsize first_length, second_length;
  g_autofree char *first = read_file (first_path, &first_length);
  g_autofree char *second = read_file (second_path, &second_length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = ipms_document_query (document, "product", NULL, 0, NULL);

  g_assert_cmpmem (first, first_length, second, second_length);

  /* Every product, each with its seven sections, after the contents. */
  g_assert_true (g_str_has_prefix (first, "# "));
  for (guint i = 0; i < products->len; i++)
    g_assert_nonnull (strstr (first, ipms_record_get_string (g_ptr_array_index (products, i), "name")));
  if (!in_chinese ())
    for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
      {
        g_autofree char *heading = g_strdup_printf ("\n## %s\n", section_titles[i]);

        g_assert_cmpuint (count_occurrences (first, heading), ==, products->len);
      }

  ipms_document_close (document);
}

/* A row of a PRD table whose first columns are product_id and a text. */
static gint64
insert_prd_row (IpmsDocument *document,
                const char   *table,
                gint64        product_id,
                const char   *text)
{
  const IpmsTable *info = ipms_schema_lookup_table (table);
  g_autofree GValue *values = g_new0 (GValue, info->n_columns);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_value_set_int64 (g_value_init (&values[0], G_TYPE_INT64), product_id);
  g_value_set_string (g_value_init (&values[1], G_TYPE_STRING), text);
  id = ipms_document_insert (document, table, 0, values, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < info->n_columns; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);

  return id;
}

/* A product with only a name: every block says it is empty; a cell's |
 * and line breaks do not break the table. */
static void
test_markdown_empty_and_escaped (void)
{
  g_autoptr(IpmsDocument) document = open_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  g_assert_true (ipms_document_begin_edit (document, "test", NULL, &error));
  id = ipms_document_insert (document, "product", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ipms_document_set_string (document, "product", id, "name", "Bare\nProduct", &error));
  insert_prd_row (document, "product_competitor", id, "Pipe | Corp\r\nSecond line");
  g_assert_true (ipms_document_commit_edit (document, &error));
  g_assert_no_error (error);

  path = export_to_temp (document, id, "bare.md");
  text = read_file (path, NULL);

  /* The name is one heading line. */
  g_assert_true (g_str_has_prefix (text, "# Bare Product\n"));
  g_assert_nonnull (strstr (text, "| Pipe \\| Corp<br>Second line |"));
  if (!in_chinese ())
    {
      g_assert_nonnull (strstr (text, "### Concept\n\n_Not written yet._\n"));
      g_assert_nonnull (strstr (text, "### Box Contents\n\n_None yet._\n"));
      g_assert_nonnull (strstr (text, "- **Series:** —\n"));
    }
  /* Every table row has as many cells as its header. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "| Pipe"))
        {
          guint bars = 0;

          for (const char *p = lines[i]; *p != '\0'; p++)
            bars += *p == '|' && (p == lines[i] || p[-1] != '\\');
          g_assert_cmpuint (bars, ==, 5);
        }
  }

  ipms_document_close (document);
}

/* PDF, read back with poppler-utils */

static char *
run_tool (const char *tool,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) tool);
  va_start (args, tool);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  return out;
}

static guint
pdf_count_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path, NULL);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  /* Every page is A4 portrait. */
  g_assert_nonnull (strstr (info, "Page size:       595.28 x 841.89 pts (A4)"));
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  if (page == 0)
    return run_tool ("pdftotext", "-layout", path, "-", NULL);

  return run_tool ("pdftotext", "-layout", "-f", number, "-l", number, path, "-", NULL);
}

/* In binary data, which may hold NUL bytes. */
static guint
count_in_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + needle_length <= length; i++)
    count += memcmp (data + i, needle, needle_length) == 0;
  return count;
}

/* Pages: the export of all is the contents and each product's own export,
 * and every footer knows the total. Bookmarks: each product with its
 * sections. Text: every section of every product. */
static void
test_pdf (void)
{
  g_autoptr(IpmsDocument) document = open_example ();
  g_autoptr(GPtrArray) products = ipms_document_query (document, "product", NULL, 0, NULL);
  g_autofree char *all_path = export_to_temp (document, 0, "all.pdf");
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  guint pages, single_pages = 0;
  gsize length;

  g_assert_nonnull (pdfinfo);

  for (guint i = 0; i < products->len; i++)
    {
      gint64 id = ipms_record_get_id (g_ptr_array_index (products, i));
      g_autofree char *name = g_strdup_printf ("product-%" G_GINT64_FORMAT ".pdf", id);
      g_autofree char *path = export_to_temp (document, id, name);

      single_pages += pdf_count_pages (path);
    }
  pages = pdf_count_pages (all_path);
  /* Sixteen entries fit on one page of contents. */
  g_assert_cmpuint (pages, ==, 1 + single_pages);
  g_assert_cmpuint (pages, >, products->len);

  last_page = pdf_text (all_path, pages);
  footer = g_strdup_printf (in_chinese () ? "第 %u 页，共 %u 页" : "Page %u of %u", pages, pages);
  g_assert_nonnull (strstr (last_page, footer));

  text = pdf_text (all_path, 0);
  for (guint i = 0; i < products->len; i++)
    g_assert_nonnull (strstr (text, ipms_record_get_string (g_ptr_array_index (products, i), "name")));
  if (!in_chinese ())
    for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
      g_assert_cmpuint (count_occurrences (text, section_titles[i]), ==, products->len);

  /* cairo writes the outline as plain dictionaries, an ASCII title as a
   * literal string. */
  raw = read_file (all_path, &length);
  g_assert_true (g_str_has_prefix (raw, "%PDF-"));
  g_assert_cmpuint (count_in_bytes (raw, length, "/Type /Outlines"), ==, 1);
  if (!in_chinese ())
    {
      g_assert_cmpuint (count_in_bytes (raw, length, "/Title (Contents)"), ==, 1);
      g_assert_cmpuint (count_in_bytes (raw, length, "/Title (PawSmart Feeder Pro)"), ==, 1);
      for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
        {
          g_autofree char *title = g_strdup_printf ("/Title (%s)", section_titles[i]);

          g_assert_cmpuint (count_in_bytes (raw, length, title), ==, products->len);
        }
    }

  ipms_document_close (document);
}

/* A table longer than a page goes on over the next, its header row
 * repeated at the top. */
static void
test_pdf_long_table (void)
{
  g_autoptr(IpmsDocument) document = open_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint pages, pages_with_header = 0;

  g_assert_true (ipms_document_begin_edit (document, "test", NULL, &error));
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *question = g_strdup_printf ("Question number %u about the feeder?", i);

      insert_prd_row (document, "faq", 1, question);
    }
  g_assert_true (ipms_document_commit_edit (document, &error));

  path = export_to_temp (document, 1, "long.pdf");
  pages = pdf_count_pages (path);
  g_assert_cmpuint (pages, >=, 3);

  for (guint page = 1; page <= pages; page++)
    {
      g_autofree char *text = pdf_text (path, page);

      /* The header row: the two column names alone on a line. */
      if (strstr (text, "Question number") != NULL &&
          g_regex_match_simple (in_chinese () ? "^\\s*问题\\s+回答\\s*$" : "^\\s*Question\\s+Answer\\s*$",
                                text, G_REGEX_MULTILINE, 0))
        pages_with_header++;
    }
  g_assert_cmpuint (pages_with_header, >=, 2);

  ipms_document_close (document);
}

/* A write that fails midway (the file size limit) leaves the old file as
 * it was and nothing else. */
static void
test_file_too_large (gconstpointer data)
{
  const char *extension = data;
  g_autofree char *name = g_strdup_printf ("prds.%s", extension);
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) folder = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(IpmsDocument) document = open_example ();
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 8192, 8192 };

      /* Writes past the limit fail with EFBIG instead of killing the
       * process with SIGXFSZ. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (ipms_prd_export (document, 0, g_getenv ("IPMS_TEST_EXPORT_PATH"), &error));
      g_assert_nonnull (error);
      g_printerr ("%s\n", error->message);
      ipms_document_close (document);
      return;
    }

  path = ipms_test_make_temp_path (name);
  g_assert_true (g_file_set_contents (path, "the old PRDs", -1, NULL));
  g_setenv ("IPMS_TEST_EXPORT_PATH", path, TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*prds.*");

  contents = read_file (path, NULL);
  g_assert_cmpstr (contents, ==, "the old PRDs");
  dir = g_path_get_dirname (path);
  folder = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (folder), ==, name);
  g_assert_null (g_dir_read_name (folder));
}

/* The command line */

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

  /* Without a display, as in a script or over ssh. */
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

static void
assert_fails (Run        *run,
              const char *message_part)
{
  g_assert_cmpint (run->status, !=, 0);
  g_test_message ("stderr: %s", run->err);
  g_assert_nonnull (strstr (run->err, message_part));
}

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *project = ipms_test_make_temp_path ("plan.ipms");
  g_autofree char *md = ipms_test_make_temp_path ("out.md");
  g_autofree char *pdf = ipms_test_make_temp_path ("out.pdf");
  g_autofree char *txt = ipms_test_make_temp_path ("out.txt");
  g_autofree char *missing = ipms_test_make_temp_path ("missing.ipms");
  g_autofree char *project_md = ipms_test_make_temp_path ("plan.md");
  g_autoptr(IpmsDocument) document = ipms_example_create (project, in_chinese () ? "zh_CN" : "en", &error);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  g_assert_no_error (error);

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "--export-prd"));
  }

  {
    g_autoptr(GPtrArray) prds = ipms_prd_collect (document, 1, &error);

    g_assert_no_error (error);
    expected = ipms_prd_to_markdown (document, prds, FALSE);
  }
  ipms_document_close (document);

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-prd", "1", "--output", md, project, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    written = read_file (md, NULL);
    g_assert_cmpstr (written, ==, expected);
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-prd", "all", "--output", pdf, project, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (pdf_count_pages (pdf), >, 16);
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-prd", "feeder", "--output", md, project, NULL);
    assert_fails (&run, "feeder");
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-prd", "999", "--output", md, project, NULL);
    assert_fails (&run, "999");
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-prd", "1", "--output", md, missing, NULL);
    assert_fails (&run, "missing.ipms");
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-prd", "1", "--output", txt, project, NULL);
    assert_fails (&run, "out.txt");
    g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(Run) run = { 0 };

    run_planner (&run, "--export-prd", "1", project, NULL);
    assert_fails (&run, "--output");
  }

  {
    g_auto(Run) run = { 0 };

    /* A file name that looks like an export, but is the project. */
    g_assert_cmpint (g_rename (project, project_md), ==, 0);
    before = read_file (project_md, &before_length);
    run_planner (&run, "--export-prd", "1", "--output", project_md, project_md, NULL);
    assert_fails (&run, "plan.md");
    after = read_file (project_md, &after_length);
    g_assert_cmpmem (before, before_length, after, after_length);
  }
}

/* zh_CN */

static void
test_chinese (void)
{
  g_autoptr(IpmsDocument) document = open_example ();
  g_autoptr(GPtrArray) prds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  prds = ipms_prd_collect (document, 1, &error);
  g_assert_no_error (error);
  text = ipms_prd_to_markdown (document, prds, FALSE);
  g_assert_nonnull (strstr (text, "## 1. 产品概述\n"));
  g_assert_nonnull (strstr (text, "## 7. "));
  g_assert_null (strstr (text, "Overview"));

  ipms_document_close (document);
}

int
main (int   argc,
      char *argv[])
{
  /* The expected file is English with the C locale's dates, whatever the
   * machine's language; the program run from here inherits it. */
  if (!in_chinese ())
    g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  ipms_test_init (&argc, &argv);

  if (in_chinese ())
    g_test_add_func ("/prd-export/chinese", test_chinese);
  else
    g_test_add_func ("/prd-export/markdown/expected", test_markdown_expected);
  g_test_add_func ("/prd-export/markdown/deterministic", test_markdown_deterministic);
  g_test_add_func ("/prd-export/markdown/empty-and-escaped", test_markdown_empty_and_escaped);
  g_test_add_func ("/prd-export/pdf", test_pdf);
  g_test_add_func ("/prd-export/pdf/long-table", test_pdf_long_table);
  g_test_add_data_func ("/prd-export/file-too-large/md", "md", test_file_too_large);
  g_test_add_data_func ("/prd-export/file-too-large/pdf", "pdf", test_file_too_large);
  g_test_add_func ("/prd-export/cli", test_cli);

  return g_test_run ();
}
