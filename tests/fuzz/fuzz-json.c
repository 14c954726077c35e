/* fuzz-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON importer on any bytes: each input is imported into a fresh copy
 * of an empty project. It must refuse or accept with no crash, leak or
 * sanitizer report; what it accepts must export again; what the strict
 * pre-check refuses, import must refuse too.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "ipms-document.h"
#include "ipms-json.h"

/* The strict pass before json-glib (src/core/ipms-json-check.c), checked
 * on its own where this tree has it. */
#if __has_include ("ipms-json-check.h")
#include "ipms-json-check.h"
#define HAVE_JSON_CHECK 1
#endif

/* An empty project made once; each input gets its own copy of the bytes,
 * which is much faster than creating the schema every time. */
static GBytes *empty_project;
static char *document_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template_path = g_build_filename (fuzz_get_work_dir (), "empty.ipms", NULL);
  g_autoptr(IpmsDocument) document = ipms_document_create (template_path, "Fuzz", &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  ipms_document_close (document);
  g_assert_true (g_file_get_contents (template_path, &contents, &length, &error));
  empty_project = g_bytes_new_take (g_steal_pointer (&contents), length);
  fuzz_remove_database (template_path);

  document_path = g_build_filename (fuzz_get_work_dir (), "import.ipms", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = NULL;
  gsize template_size;
  const void *template_data = g_bytes_get_data (empty_project, &template_size);
  gboolean imported;

  fuzz_write_file (document_path, template_data, template_size);
  document = ipms_document_open (document_path, &error);
  g_assert_no_error (error);

  imported = ipms_json_import_data (document, (const char *) data, (gssize) size, "Fuzz", &error);
  g_assert_true (imported == (error == NULL));

#ifdef HAVE_JSON_CHECK
  {
    g_autoptr(GError) check_error = NULL;

    if (!ipms_json_check ((const char *) data, size, &check_error))
      g_assert_false (imported);
  }
#endif

  if (imported)
    {
      g_autofree char *exported = ipms_json_export_data (document, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (exported);
    }

  ipms_document_close (document);
  g_clear_object (&document);
  fuzz_remove_database (document_path);
  return 0;
}
