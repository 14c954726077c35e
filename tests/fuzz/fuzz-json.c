/* fuzz-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON importer on any bytes, imported into an empty project. It must
 * refuse or accept with no crash, leak or sanitizer report; what it refuses
 * leaves the project empty; what it accepts must export again; what the
 * strict pre-check refuses, import must refuse too.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "ipms-document.h"
#include "ipms-json.h"

/* The strict pass before json-glib (src/core/ipms-json-check.c) is also
 * checked on its own: what it refuses, the import must refuse. */
#include "ipms-json-check.h"

/* An empty project made once; each input gets its own copy of its bytes,
 * much faster than creating the schema every time. A refused import leaves
 * the document as it was (import is all or nothing), so the copy is kept
 * open for the next input until an import succeeds; the check that it is
 * still empty makes that promise part of what is fuzzed. */
static GBytes *empty_project;
static char *document_path;
static IpmsDocument *document;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template_path = g_build_filename (fuzz_get_work_dir (), "empty.ipms", NULL);
  g_autoptr(IpmsDocument) template = ipms_document_create (template_path, "Fuzz", &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  ipms_document_close (template);
  g_assert_true (g_file_get_contents (template_path, &contents, &length, &error));
  empty_project = g_bytes_new_take (g_steal_pointer (&contents), length);
  fuzz_remove_database (template_path);

  document_path = g_build_filename (fuzz_get_work_dir (), "import.ipms", NULL);
  return 0;
}

static void
open_empty_document (void)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const void *data = g_bytes_get_data (empty_project, &size);

  fuzz_write_file (document_path, data, size);
  document = ipms_document_open (document_path, &error);
  g_assert_no_error (error);
}

static void
close_document (void)
{
  ipms_document_close (document);
  g_clear_object (&document);
  fuzz_remove_database (document_path);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  gboolean imported;

  if (document == NULL)
    open_empty_document ();

  imported = ipms_json_import_data (document, (const char *) data, (gssize) size, "Fuzz", &error);
  g_assert_true (imported == (error == NULL));

  {
    g_autoptr(GError) check_error = NULL;

    if (!ipms_json_check ((const char *) data, size, &check_error))
      g_assert_false (imported);
  }

  if (!imported)
    {
      g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, 0);
      g_assert_cmpuint (ipms_document_count_rows (document, "project"), ==, 1);
      g_assert_false (ipms_document_can_undo (document));
      return 0;
    }

  {
    g_autofree char *exported = ipms_json_export_data (document, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (exported);
  }

  close_document ();
  return 0;
}
