/* ipms-example.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The example plans are JSON files in the examples GResource, imported with
 * the ordinary importer, so they are checked like any user file and the
 * tests can hold them to the format.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ipms-example.h"
#include "ipms-json.h"

#define EXAMPLES_PATH "/io/github/ipmsplanner/Planner/examples/"

static gboolean
language_is_chinese (const char *language)
{
  if (language == NULL)
    language = g_get_language_names ()[0];

  return g_str_has_prefix (language, "zh");
}

static gboolean
import_example (IpmsDocument  *document,
                const char    *language,
                GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *resource;
  const char *data;
  gsize length;

  resource = language_is_chinese (language) ? EXAMPLES_PATH "pet-products.zh_CN.json"
                                             : EXAMPLES_PATH "pet-products.en.json";
  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);

  /* The import is one edit like any other; the plan it makes was never the
   * user's work, so undo must not offer to empty it. */
  return ipms_json_import_data (document, data, (gssize) length, "Load example plan", error) &&
         ipms_document_forget_history (document, error);
}

static IpmsDocument *
finish (IpmsDocument  *document,
        const char    *language,
        GError       **error)
{
  g_autofree char *path = NULL;

  if (import_example (document, language, error))
    return document;

  /* Leave no half-made file behind: the caller asked for the example. */
  path = g_strdup (ipms_document_get_path (document));
  ipms_document_close (document);
  g_object_unref (document);
  if (path != NULL)
    g_unlink (path);

  return NULL;
}

IpmsDocument *
ipms_example_new_draft (const char  *language,
                        GError     **error)
{
  IpmsDocument *document;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(document = ipms_document_new_draft ("PawSmart", error)))
    return NULL;

  return finish (document, language, error);
}

IpmsDocument *
ipms_example_create (const char  *path,
                     const char  *language,
                     GError     **error)
{
  IpmsDocument *document;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(document = ipms_document_create (path, "PawSmart", error)))
    return NULL;

  return finish (document, language, error);
}
