/* ipms-deck-setup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ipms-deck-setup.h"

static void
entry_clear (gpointer data)
{
  IpmsDeckEntry *entry = data;

  g_clear_pointer (&entry->notes, g_free);
}

static GArray *
entries_new (void)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (IpmsDeckEntry));

  g_array_set_clear_func (entries, entry_clear);
  return entries;
}

/* The static string of ipms_slide_kinds[] equal to `kind`, or NULL. */
static const char *
intern_kind (const char *kind)
{
  for (guint i = 0; ipms_slide_kinds[i].code != NULL; i++)
    if (g_strcmp0 (ipms_slide_kinds[i].code, kind) == 0)
      return ipms_slide_kinds[i].code;

  return NULL;
}

static int
grade_rank (const char *grade)
{
  for (int i = 0; ipms_grade_codes[i] != NULL; i++)
    if (g_strcmp0 (ipms_grade_codes[i], grade) == 0)
      return i;

  return G_MAXINT;
}

static int
compare_products_by_grade (gconstpointer a,
                           gconstpointer b)
{
  IpmsRecord *pa = *(IpmsRecord * const *) a;
  IpmsRecord *pb = *(IpmsRecord * const *) b;
  int ra = grade_rank (ipms_record_get_string (pa, "grade"));
  int rb = grade_rank (ipms_record_get_string (pb, "grade"));

  if (ra != rb)
    return ra < rb ? -1 : 1;

  return ipms_record_get_id (pa) < ipms_record_get_id (pb) ? -1 : 1;
}

static GArray *
default_entries (IpmsDocument *document)
{
  GArray *entries = entries_new ();

  for (guint i = 0; ipms_slide_kinds[i].code != NULL; i++)
    {
      if (strcmp (ipms_slide_kinds[i].code, "product") == 0)
        {
          /* A review looks at the flagships: the R and S grade products. */
          g_autoptr(GPtrArray) products = ipms_document_query (document, "product", NULL, 0, NULL);

          g_ptr_array_sort (products, compare_products_by_grade);
          for (guint p = 0; p < products->len; p++)
            {
              IpmsRecord *product = g_ptr_array_index (products, p);
              IpmsDeckEntry entry = { ipms_slide_kinds[i].code, 0, 0, FALSE, NULL };

              if (grade_rank (ipms_record_get_string (product, "grade")) > 1)
                continue;

              entry.product_id = ipms_record_get_id (product);
              entry.notes = g_strdup ("");
              g_array_append_val (entries, entry);
            }
        }
      else
        {
          IpmsDeckEntry entry = { ipms_slide_kinds[i].code, 0, 0, FALSE, g_strdup ("") };

          g_array_append_val (entries, entry);
        }
    }

  return entries;
}

gboolean
ipms_deck_setup_is_custom (IpmsDocument *document)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  return ipms_document_count_rows (document, "deck_slide") > 0;
}

GArray *
ipms_deck_setup_list (IpmsDocument *document)
{
  g_autoptr(GPtrArray) slides = NULL;
  GArray *entries;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  if (!ipms_deck_setup_is_custom (document))
    return default_entries (document);

  entries = entries_new ();
  slides = ipms_document_query (document, "deck_slide", NULL, 0, "position");
  for (guint i = 0; i < slides->len; i++)
    {
      IpmsRecord *slide = g_ptr_array_index (slides, i);
      IpmsDeckEntry entry = { 0 };

      entry.kind = intern_kind (ipms_record_get_string (slide, "kind"));
      entry.slide_id = ipms_record_get_id (slide);
      entry.product_id = ipms_record_get_int (slide, "product_id");
      entry.hidden = ipms_record_get_int (slide, "hidden") != 0;
      entry.notes = g_strdup (ipms_record_get_string (slide, "notes"));

      /* The schema only admits known kinds; a product slide without its
       * product has nothing to show. */
      if (entry.kind == NULL ||
          (strcmp (entry.kind, "product") == 0) != (entry.product_id != IPMS_NULL_ID))
        {
          g_free (entry.notes);
          continue;
        }

      g_array_append_val (entries, entry);
    }

  return entries;
}

/* Inside an edit: writes the default deck into the table when the project
 * has no set-up of its own yet, and returns the entries with their rows. */
static GArray *
materialize (IpmsDocument  *document,
             GError       **error)
{
  g_autoptr(GArray) entries = NULL;

  if (ipms_deck_setup_is_custom (document))
    return ipms_deck_setup_list (document);

  entries = default_entries (document);
  for (guint i = 0; i < entries->len; i++)
    {
      IpmsDeckEntry *entry = &g_array_index (entries, IpmsDeckEntry, i);
      gint64 id = ipms_document_insert (document, "deck_slide", 0, NULL, error);

      if (id == 0 ||
          !ipms_document_set_string (document, "deck_slide", id, "kind", entry->kind, error) ||
          !ipms_document_set_int (document, "deck_slide", id, "position", i, error) ||
          (entry->product_id != 0 &&
           !ipms_document_set_int (document, "deck_slide", id, "product_id", entry->product_id, error)))
        return NULL;

      entry->slide_id = id;
    }

  return g_steal_pointer (&entries);
}

static gboolean
finish (IpmsDocument  *document,
        gboolean       ok,
        GError       **error)
{
  if (!ok)
    {
      ipms_document_rollback_edit (document);
      return FALSE;
    }

  return ipms_document_commit_edit (document, error);
}

static gboolean
check_index (GArray   *entries,
             guint     index,
             GError  **error)
{
  if (index < entries->len)
    return TRUE;

  g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW,
               "The deck has no slide %u", index);
  return FALSE;
}

gboolean
ipms_deck_setup_set_hidden (IpmsDocument  *document,
                            guint          index,
                            gboolean       hidden,
                            GError       **error)
{
  g_autoptr(GArray) entries = NULL;
  IpmsDeckEntry *entry;
  gboolean ok;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  if (!ipms_document_begin_edit (document, hidden ? _("Hide Slide") : _("Show Slide"), NULL, error))
    return FALSE;

  ok = (entries = materialize (document, error)) != NULL && check_index (entries, index, error);
  if (ok)
    {
      entry = &g_array_index (entries, IpmsDeckEntry, index);
      ok = ipms_document_set_int (document, "deck_slide", entry->slide_id, "hidden", hidden ? 1 : 0, error);
    }

  return finish (document, ok, error);
}

static gboolean
write_positions (IpmsDocument  *document,
                 GArray        *entries,
                 GError       **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      IpmsDeckEntry *entry = &g_array_index (entries, IpmsDeckEntry, i);
      IpmsRecord *slide = ipms_document_get_record (document, "deck_slide", entry->slide_id);

      /* Only the rows whose place changed go into the undo step. */
      if (slide != NULL && ipms_record_get_int (slide, "position") == i)
        continue;

      if (!ipms_document_set_int (document, "deck_slide", entry->slide_id, "position", i, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
ipms_deck_setup_move (IpmsDocument  *document,
                      guint          index,
                      guint          new_index,
                      GError       **error)
{
  g_autoptr(GArray) entries = NULL;
  gboolean ok;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  if (!ipms_document_begin_edit (document, _("Move Slide"), NULL, error))
    return FALSE;

  ok = (entries = materialize (document, error)) != NULL &&
       check_index (entries, index, error) && check_index (entries, new_index, error);
  if (ok)
    {
      IpmsDeckEntry moved = g_array_index (entries, IpmsDeckEntry, index);

      /* Moved by value: the notes string changes hands, nothing is freed. */
      g_array_index (entries, IpmsDeckEntry, index).notes = NULL;
      g_array_remove_index (entries, index);
      g_array_insert_val (entries, new_index, moved);
      ok = write_positions (document, entries, error);
    }

  return finish (document, ok, error);
}

gboolean
ipms_deck_setup_set_notes (IpmsDocument  *document,
                           guint          index,
                           const char    *notes,
                           GError       **error)
{
  g_autoptr(GArray) entries = NULL;
  g_autofree char *merge_key = g_strdup_printf ("deck:%u:notes", index);
  gboolean ok;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  if (!ipms_document_begin_edit (document, _("Edit Speaker Notes"), merge_key, error))
    return FALSE;

  ok = (entries = materialize (document, error)) != NULL && check_index (entries, index, error);
  if (ok)
    {
      IpmsDeckEntry *entry = &g_array_index (entries, IpmsDeckEntry, index);

      ok = ipms_document_set_string (document, "deck_slide", entry->slide_id, "notes",
                                     notes != NULL && *notes != '\0' ? notes : NULL, error);
    }

  return finish (document, ok, error);
}

gboolean
ipms_deck_setup_set_product (IpmsDocument  *document,
                             gint64         product_id,
                             gboolean       has_slide,
                             GError       **error)
{
  g_autoptr(GArray) entries = NULL;
  gboolean ok;
  guint insert_at = G_MAXUINT;
  gint64 existing = 0;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  if (ipms_document_get_record (document, "product", product_id) == NULL)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW,
                   "No product %" G_GINT64_FORMAT, product_id);
      return FALSE;
    }

  if (!ipms_document_begin_edit (document,
                                 has_slide ? _("Add Product Slide") : _("Remove Product Slide"),
                                 NULL, error))
    return FALSE;

  ok = (entries = materialize (document, error)) != NULL;

  for (guint i = 0; ok && i < entries->len; i++)
    {
      IpmsDeckEntry *entry = &g_array_index (entries, IpmsDeckEntry, i);

      if (entry->product_id == product_id)
        existing = entry->slide_id;
      if (strcmp (entry->kind, "product") == 0)
        insert_at = i + 1;
      else if (insert_at == G_MAXUINT && strcmp (entry->kind, "team") == 0)
        insert_at = i;
    }

  if (ok && !has_slide && existing != 0)
    ok = ipms_document_delete (document, "deck_slide", existing, error);
  else if (ok && has_slide && existing == 0)
    {
      IpmsDeckEntry entry = { intern_kind ("product"), 0, product_id, FALSE, NULL };

      /* Placed last for now; write_positions() gives it its place. */
      entry.slide_id = ipms_document_insert (document, "deck_slide", 0, NULL, error);
      ok = entry.slide_id != 0 &&
           ipms_document_set_string (document, "deck_slide", entry.slide_id, "kind", "product", error) &&
           ipms_document_set_int (document, "deck_slide", entry.slide_id, "position", G_MAXINT32, error) &&
           ipms_document_set_int (document, "deck_slide", entry.slide_id, "product_id", product_id, error);
      if (ok)
        {
          g_array_insert_val (entries, MIN (insert_at, entries->len), entry);
          ok = write_positions (document, entries, error);
        }
    }

  return finish (document, ok, error);
}

gboolean
ipms_deck_setup_reset (IpmsDocument  *document,
                       GError       **error)
{
  g_autoptr(GPtrArray) slides = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  if (!ipms_document_begin_edit (document, _("Reset Deck"), NULL, error))
    return FALSE;

  slides = ipms_document_query (document, "deck_slide", NULL, 0, NULL);
  for (guint i = 0; ok && i < slides->len; i++)
    ok = ipms_document_delete (document, "deck_slide",
                               ipms_record_get_id (g_ptr_array_index (slides, i)), error);

  return finish (document, ok, error);
}
