/* test-presentation-core.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review deck without a display: the slides made from the plan and
 * the set-up, long content continuing on the next slide, review baselines
 * and what changed, JSON versions 1 and 2, and the PDF export.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ipms-baseline.h"
#include "ipms-deck-setup.h"
#include "ipms-document.h"
#include "ipms-example.h"
#include "ipms-format.h"
#include "ipms-json.h"
#include "ipms-slide-content.h"
#include "ipms-slide-deck.h"
#include "ipms-slide-export.h"
#include "ipms-test-utils.h"

static IpmsDocument *
new_example (void)
{
  g_autoptr(GError) error = NULL;
  IpmsDocument *document = ipms_example_new_draft ("en_US.UTF-8", &error);

  g_assert_no_error (error);
  return document;
}

/* Slides of `kind`, counting a content that continues once. */
static guint
count_kind (IpmsSlideDeck *deck,
            IpmsSlideKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (deck)); i++)
    {
      IpmsSlide *slide = ipms_slide_deck_get_slide (deck, i);

      n += ipms_slide_get_kind (slide) == kind && ipms_slide_get_part (slide) == 0;
    }

  return n;
}

static gint64
product_named (IpmsDocument *document,
               const char   *name)
{
  g_autoptr(GPtrArray) products = ipms_document_query (document, "product", NULL, 0, NULL);

  for (guint i = 0; i < products->len; i++)
    if (g_strcmp0 (ipms_record_get_string (g_ptr_array_index (products, i), "name"), name) == 0)
      return ipms_record_get_id (g_ptr_array_index (products, i));

  g_assert_not_reached ();
}

/* Deck */

static void
test_default_deck (void)
{
  g_autoptr(IpmsDocument) document = new_example ();
  g_autoptr(IpmsSlideDeck) deck = ipms_slide_deck_new (document);
  IpmsSlideKind previous = IPMS_SLIDE_KIND_TITLE;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (deck));

  g_assert_false (ipms_deck_setup_is_custom (document));
  g_assert_cmpuint (n, >=, IPMS_SLIDE_N_KINDS);

  /* Every kind, in the method's order; the R and S products each get one. */
  for (guint kind = 0; kind < IPMS_SLIDE_N_KINDS; kind++)
    g_assert_cmpuint (count_kind (deck, kind), >=, 1);
  g_assert_cmpuint (count_kind (deck, IPMS_SLIDE_KIND_PRODUCT), ==, 4);

  for (guint i = 0; i < n; i++)
    {
      IpmsSlide *slide = ipms_slide_deck_get_slide (deck, i);

      g_assert_cmpint (ipms_slide_get_kind (slide), >=, previous);
      previous = ipms_slide_get_kind (slide);
    }

  g_assert_cmpstr (ipms_slide_get_title (ipms_slide_deck_get_slide (deck, 0)), ==, "PawSmart smart pet products");
  g_assert_cmpstr (ipms_slide_get_title (ipms_slide_deck_get_slide (deck, ipms_slide_deck_find_kind (deck, IPMS_SLIDE_KIND_PRODUCT))),
                   ==, "PawSmart Feeder Pro");
}

/* Slides write dates the locale's way, as every view does, not in ISO
 * form: the title slide's date, a product's launch, the campaigns'. */
static void
assert_slide_date (IpmsSlideDeck *deck,
                   guint          position,
                   const char    *iso)
{
  g_autofree char *text = ipms_slide_dup_text (ipms_slide_deck_get_slide (deck, position));
  g_autofree char *expected = ipms_format_date_iso (iso);

  g_assert_cmpstr (expected, !=, iso);
  g_assert_nonnull (strstr (text, expected));
  g_assert_null (strstr (text, iso));
}

static void
test_dates (void)
{
  g_autoptr(IpmsDocument) document = new_example ();
  g_autoptr(IpmsSlideDeck) deck = ipms_slide_deck_new (document);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gint64 feeder = product_named (document, "PawSmart Feeder Pro");
  IpmsRecord *product = ipms_document_get_record (document, "product", feeder);
  g_autoptr(GPtrArray) campaigns = ipms_document_query (document, "campaign", NULL, 0, "start_date");

  assert_slide_date (deck, 0, today);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (deck)); i++)
    if (ipms_slide_get_product_id (ipms_slide_deck_get_slide (deck, i)) == feeder &&
        ipms_slide_get_part (ipms_slide_deck_get_slide (deck, i)) == 0)
      assert_slide_date (deck, i, ipms_record_get_string (product, "launch_date"));
  g_assert_cmpuint (campaigns->len, >, 0);
  assert_slide_date (deck, ipms_slide_deck_find_kind (deck, IPMS_SLIDE_KIND_CAMPAIGNS),
                     ipms_record_get_string (g_ptr_array_index (campaigns, 0), "start_date"));
}

static void
test_setup_edits (void)
{
  g_autoptr(IpmsDocument) document = new_example ();
  g_autoptr(IpmsSlideDeck) deck = ipms_slide_deck_new (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = ipms_deck_setup_list (document);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (deck));
  guint team = G_MAXUINT;
  gint64 treat_cam = product_named (document, "PawSmart Treat Cam");
  IpmsSlide *slide;

  for (guint i = 0; i < entries->len; i++)
    if (strcmp (g_array_index (entries, IpmsDeckEntry, i).kind, "team") == 0)
      team = i;
  g_assert_cmpuint (team, !=, G_MAXUINT);

  /* Hiding: the slide leaves the deck, the set-up keeps it. */
  ipms_deck_setup_set_hidden (document, team, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (ipms_deck_setup_is_custom (document));
  g_assert_cmpuint (count_kind (deck, IPMS_SLIDE_KIND_TEAM), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (deck)), <, n);

  /* Undo returns to the default deck, redo to the hidden slide. */
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  g_assert_false (ipms_deck_setup_is_custom (document));
  g_assert_cmpuint (count_kind (deck, IPMS_SLIDE_KIND_TEAM), ==, 1);
  ipms_document_redo (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (deck, IPMS_SLIDE_KIND_TEAM), ==, 0);
  ipms_deck_setup_set_hidden (document, team, FALSE, &error);
  g_assert_no_error (error);

  /* Moving the team slide first. */
  ipms_deck_setup_move (document, team, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipms_slide_get_kind (ipms_slide_deck_get_slide (deck, 0)), ==, IPMS_SLIDE_KIND_TEAM);

  /* Notes show on the slide. */
  ipms_deck_setup_set_notes (document, 0, "Introduce the iron triangle.", &error);
  g_assert_no_error (error);
  slide = ipms_slide_deck_get_slide (deck, 0);
  g_assert_cmpstr (ipms_slide_get_notes (slide), ==, "Introduce the iron triangle.");
  g_assert_cmpuint (ipms_slide_get_setup_index (slide), ==, 0);

  /* A B-grade product gets its slide, and loses it again. */
  ipms_deck_setup_set_product (document, treat_cam, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (deck, IPMS_SLIDE_KIND_PRODUCT), ==, 5);
  ipms_deck_setup_set_product (document, treat_cam, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (deck, IPMS_SLIDE_KIND_PRODUCT), ==, 4);

  /* A product slide goes with its product. */
  ipms_document_begin_edit (document, "Delete", NULL, &error);
  ipms_document_delete (document, "product", product_named (document, "PawSmart Feeder Pro"), &error);
  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (deck, IPMS_SLIDE_KIND_PRODUCT), ==, 3);

  /* Reset */
  ipms_deck_setup_reset (document, &error);
  g_assert_no_error (error);
  g_assert_false (ipms_deck_setup_is_custom (document));
  g_assert_cmpint (ipms_slide_get_kind (ipms_slide_deck_get_slide (deck, 0)), ==, IPMS_SLIDE_KIND_TITLE);
}

/* An edit shows on the slides at once, and long content goes on. */
static void
test_live_and_continued (void)
{
  g_autoptr(IpmsDocument) document = new_example ();
  g_autoptr(IpmsSlideDeck) deck = ipms_slide_deck_new (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  IpmsRecord *project = ipms_document_get_project (document);
  guint first, parts_before, parts_after;
  gboolean found = FALSE;
  GValue value = G_VALUE_INIT;

  first = ipms_slide_deck_find_kind (deck, IPMS_SLIDE_KIND_CTMO);
  parts_before = ipms_slide_get_n_parts (ipms_slide_deck_get_slide (deck, first));

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (long_text, "Trend %u: pet owners want devices that keep working offline. ", i);
  g_string_append (long_text, "THE-LAST-SENTENCE");

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, long_text->str);
  ipms_document_edit_value (document, "Edit", NULL, "project", ipms_record_get_id (project),
                            "tech_trends", &value, &error);
  g_value_unset (&value);
  g_assert_no_error (error);

  first = ipms_slide_deck_find_kind (deck, IPMS_SLIDE_KIND_CTMO);
  parts_after = ipms_slide_get_n_parts (ipms_slide_deck_get_slide (deck, first));
  g_assert_cmpuint (parts_after, >, parts_before);

  /* Each part is its own slide with the same title, numbered in order. */
  for (guint p = 0; p < parts_after; p++)
    {
      IpmsSlide *slide = ipms_slide_deck_get_slide (deck, first + p);
      g_autofree char *text = ipms_slide_dup_text (slide);

      g_assert_cmpint (ipms_slide_get_kind (slide), ==, IPMS_SLIDE_KIND_CTMO);
      g_assert_cmpuint (ipms_slide_get_part (slide), ==, p);
      found |= strstr (text, "Trend 0:") != NULL;
    }
  g_assert_true (found);

  /* Undo puts the slides back. */
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  first = ipms_slide_deck_find_kind (deck, IPMS_SLIDE_KIND_CTMO);
  g_assert_cmpuint (ipms_slide_get_n_parts (ipms_slide_deck_get_slide (deck, first)), ==, parts_before);

  /* Many products: the team table stays legible and goes on. */
  ipms_document_begin_edit (document, "Members", NULL, &error);
  for (guint i = 0; i < 40; i++)
    {
      gint64 id = ipms_document_insert (document, "member", 0, NULL, &error);
      g_autofree char *name = g_strdup_printf ("Member %02u", i);

      ipms_document_set_string (document, "member", id, "name", name, &error);
    }
  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);
  first = ipms_slide_deck_find_kind (deck, IPMS_SLIDE_KIND_TEAM);
  g_assert_cmpuint (ipms_slide_get_n_parts (ipms_slide_deck_get_slide (deck, first)), >=, 3);
  {
    IpmsSlide *last = ipms_slide_deck_get_slide (deck, first + ipms_slide_get_n_parts (ipms_slide_deck_get_slide (deck, first)) - 1);
    g_autofree char *text = ipms_slide_dup_text (last);

    g_assert_nonnull (strstr (text, "Member 39"));
  }
}

/* Baselines */

static const IpmsChange *
find_change (IpmsBaselineComparison *comparison,
             IpmsChangeKind          kind,
             const char             *subject)
{
  for (guint i = 0; i < ipms_baseline_comparison_get_n_changes (comparison); i++)
    {
      const IpmsChange *change = ipms_baseline_comparison_get_change (comparison, i);

      if (change->kind == kind && g_strcmp0 (change->subject, subject) == 0)
        return change;
    }

  return NULL;
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
count_cb (IpmsSlide *slide,
          guint     *count)
{
  (*count)++;
}

static guint
slide_of_product (IpmsSlideDeck *deck,
                  gint64         product_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (deck)); i++)
    if (ipms_slide_get_product_id (ipms_slide_deck_get_slide (deck, i)) == product_id)
      return i;

  g_assert_not_reached ();
}

/* An edit makes again only the slides it touches: the others stay the
 * same objects (their renderings stay valid), only the changed span is
 * announced, and a chart slide is told when its chart changed. */
static void
test_only_touched (void)
{
  g_autoptr(IpmsDocument) document = new_example ();
  g_autoptr(IpmsSlideDeck) deck = ipms_slide_deck_new (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 duo = product_named (document, "Nest Feeder Duo");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (deck));
  guint product = slide_of_product (deck, duo);
  guint roadmap = ipms_slide_deck_find_kind (deck, IPMS_SLIDE_KIND_ROADMAP);
  guint roadmap_changed = 0;
  ItemsChanged record = { 0 };
  GValue value = G_VALUE_INIT;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (before, g_object_ref (ipms_slide_deck_get_slide (deck, i)));
  g_signal_connect (deck, "items-changed", G_CALLBACK (items_changed_cb), &record);
  g_signal_connect (before->pdata[roadmap], "changed", G_CALLBACK (count_cb), &roadmap_changed);

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, 149);
  ipms_document_edit_value (document, "Edit", NULL, "product", duo, "price", &value, &error);
  g_value_unset (&value);
  g_assert_no_error (error);

  /* One announcement, of a span that holds the product's slide and not
   * the title slide. */
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (deck)), ==, n);
  g_assert_cmpuint (record.removed, ==, record.added);
  g_assert_cmpuint (record.position, >, 0);
  g_assert_cmpuint (record.position, <=, product);
  g_assert_cmpuint (product, <, record.position + record.added);
  g_assert_true (ipms_slide_deck_get_slide (deck, 0) == before->pdata[0]);
  g_assert_false (ipms_slide_deck_get_slide (deck, product) == before->pdata[product]);
  /* Outside the span, every slide is the one it was. */
  for (guint i = 0; i < n; i++)
    if (i < record.position || i >= record.position + record.added)
      g_assert_true (ipms_slide_deck_get_slide (deck, i) == before->pdata[i]);
  /* The roadmap shows the price: a new slide, or the old one told its chart changed. */
  g_assert_true (ipms_slide_deck_get_slide (deck, roadmap) != before->pdata[roadmap] || roadmap_changed > 0);

  /* Notes are not on the slide: the same slide takes them, and says so. */
  record.calls = 0;
  g_assert_true (ipms_deck_setup_set_notes (document, ipms_slide_get_setup_index (before->pdata[0]), "Welcome", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_true (ipms_slide_deck_get_slide (deck, 0) == before->pdata[0]);
  g_assert_cmpstr (ipms_slide_get_notes (ipms_slide_deck_get_slide (deck, 0)), ==, "Welcome");

  g_signal_handlers_disconnect_by_data (before->pdata[roadmap], &roadmap_changed);
  g_signal_handlers_disconnect_by_data (deck, &record);
}

static void
set_value (IpmsDocument *document,
           const char   *table,
           gint64        id,
           const char   *column,
           const char   *text,
           double        number)
{
  g_autoptr(GError) error = NULL;

  if (text != NULL)
    ipms_document_set_string (document, table, id, column, text, &error);
  else
    ipms_document_set_double (document, table, id, column, number, &error);
  g_assert_no_error (error);
}

static void
test_baseline_compare (void)
{
  g_autoptr(IpmsDocument) document = new_example ();
  g_autoptr(IpmsBaselineComparison) unchanged = NULL;
  g_autoptr(IpmsBaselineComparison) comparison = NULL;
  g_autoptr(GPtrArray) baselines = NULL;
  g_autoptr(GError) error = NULL;
  gint64 feeder = product_named (document, "PawSmart Feeder Pro");
  gint64 mini = product_named (document, "PawSmart Feeder Mini");
  gint64 fountain = product_named (document, "PawSmart Flow Fountain");
  gint64 litter = product_named (document, "PawSmart Litter X1");
  gint64 cam = product_named (document, "PawSmart Treat Cam");
  gint64 added, baseline;
  gboolean could_undo = ipms_document_can_undo (document);
  const IpmsChange *change;

  baseline = ipms_baseline_store (document, "Q1 review", &error);
  g_assert_no_error (error);
  g_assert_cmpint (baseline, >, 0);
  /* Not an undo step. */
  g_assert_cmpint (ipms_document_can_undo (document), ==, could_undo);

  unchanged = ipms_baseline_compare (document, baseline, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_baseline_comparison_get_n_changes (unchanged), ==, 0);
  g_assert_cmpstr (ipms_baseline_comparison_get_name (unchanged), ==, "Q1 review");

  ipms_document_begin_edit (document, "Everything", NULL, &error);
  g_assert_no_error (error);
  added = ipms_document_insert (document, "product", 0, NULL, &error);
  set_value (document, "product", added, "name", "Brand New Thing", 0);
  ipms_document_delete (document, "product", cam, &error);
  g_assert_no_error (error);
  ipms_document_set_int (document, "product", feeder, "segment_id", 5, &error);
  set_value (document, "product", mini, "launch_date", "2027-05-01", 0);   /* was 2027-04-10: 3 weeks */
  set_value (document, "product", mini, "dev_start", "2026-05-01", 0);
  set_value (document, "product", fountain, "price", NULL, 59.5);
  set_value (document, "product", fountain, "cost", NULL, 20);
  set_value (document, "product", litter, "grade", "R", 0);
  set_value (document, "product", litter, "status", "launched", 0);
  ipms_document_set_int (document, "segment", 4, "size", 8000000, &error);
  set_value (document, "segment", 2, "role", "core", 0);
  set_value (document, "yearly_target", 2, "sales", NULL, 12000000);
  set_value (document, "project", ipms_record_get_id (ipms_document_get_project (document)),
             "net_revenue_target", NULL, 20000000);
  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);

  comparison = ipms_baseline_compare (document, baseline, &error);
  g_assert_no_error (error);

  g_assert_nonnull (find_change (comparison, IPMS_CHANGE_PRODUCT_ADDED, "Brand New Thing"));
  g_assert_nonnull (find_change (comparison, IPMS_CHANGE_PRODUCT_REMOVED, "PawSmart Treat Cam"));

  change = find_change (comparison, IPMS_CHANGE_PRODUCT_MOVED, "PawSmart Feeder Pro");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->before, ==, "Busy automators");
  g_assert_cmpstr (change->after, ==, "Urban design lovers");

  change = find_change (comparison, IPMS_CHANGE_PRODUCT_LAUNCH, "PawSmart Feeder Mini");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->after, ==, "2027-05-01");
  g_assert_cmpint (change->weeks, ==, 3);

  change = find_change (comparison, IPMS_CHANGE_PRODUCT_DEVELOPMENT, "PawSmart Feeder Mini");
  g_assert_nonnull (change);
  g_assert_cmpint (change->weeks, !=, 0);

  change = find_change (comparison, IPMS_CHANGE_PRODUCT_PRICE, "PawSmart Flow Fountain");
  g_assert_nonnull (change);
  g_assert_cmpfloat (change->new_number, ==, 59.5);
  g_assert_nonnull (find_change (comparison, IPMS_CHANGE_PRODUCT_COST, "PawSmart Flow Fountain"));

  change = find_change (comparison, IPMS_CHANGE_PRODUCT_GRADE, "PawSmart Litter X1");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->before, ==, "S");
  g_assert_cmpstr (change->after, ==, "R");
  g_assert_nonnull (find_change (comparison, IPMS_CHANGE_PRODUCT_STATUS, "PawSmart Litter X1"));

  change = find_change (comparison, IPMS_CHANGE_SEGMENT_SIZE, "Busy automators");
  g_assert_nonnull (change);
  g_assert_cmpfloat (change->old_number, ==, 7400000);
  g_assert_cmpfloat (change->new_number, ==, 8000000);
  change = find_change (comparison, IPMS_CHANGE_SEGMENT_ROLE, "Aesthetic first-timers");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->before, ==, "none");
  g_assert_cmpstr (change->after, ==, "core");

  change = find_change (comparison, IPMS_CHANGE_TARGET, "2027 · AutoCare");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->field, ==, "sales");
  change = find_change (comparison, IPMS_CHANGE_TARGET, "");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->field, ==, "net_revenue_target");

  /* Nothing else: the rest of the plan did not change. */
  g_assert_cmpuint (ipms_baseline_comparison_get_n_changes (comparison), ==, 13);

  /* The ghosts' positions come from the baseline. */
  {
    const char *launch = NULL;
    double price = 0;

    g_assert_true (ipms_baseline_comparison_lookup_product (comparison, mini, &launch, NULL, NULL, &price));
    g_assert_cmpstr (launch, ==, "2027-04-10");
    g_assert_false (ipms_baseline_comparison_lookup_product (comparison, added, NULL, NULL, NULL, NULL));
  }

  /* Undo does not take the baseline away. */
  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  baselines = ipms_baseline_list (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (baselines->len, ==, 1);
  g_assert_cmpstr (((IpmsBaselineInfo *) g_ptr_array_index (baselines, 0))->name, ==, "Q1 review");
  g_assert_cmpint (ipms_baseline_find (document, "Q1 review"), ==, baseline);
}

static void
test_baseline_remove (void)
{
  g_autoptr(IpmsDocument) document = new_example ();
  g_autoptr(IpmsSlideDeck) deck = ipms_slide_deck_new (document);
  g_autoptr(IpmsBaselineComparison) comparison = NULL;
  g_autoptr(GPtrArray) baselines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  /* A file without baselines: nothing to list, the slide says so. */
  baselines = ipms_baseline_list (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (baselines->len, ==, 0);
  g_assert_null (ipms_slide_deck_get_comparison (deck));
  text = ipms_slide_dup_text (ipms_slide_deck_get_slide (deck, ipms_slide_deck_find_kind (deck, IPMS_SLIDE_KIND_CHANGES)));
  g_assert_nonnull (strstr (text, "No review baseline yet"));

  g_assert_cmpint (ipms_baseline_store (document, "   ", &error), ==, 0);
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  id = ipms_baseline_store (document, "Kick-off", &error);
  g_assert_no_error (error);
  ipms_slide_deck_refresh (deck);
  g_assert_nonnull (ipms_slide_deck_get_comparison (deck));

  ipms_baseline_remove (document, id, &error);
  g_assert_no_error (error);
  comparison = ipms_baseline_compare (document, id, &error);
  g_assert_null (comparison);
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);
  g_assert_false (ipms_baseline_remove (document, id, &error));
  g_assert_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);

  ipms_slide_deck_refresh (deck);
  g_assert_null (ipms_slide_deck_get_comparison (deck));
}

/* Baselines live in the file and survive reopening. */
static void
test_baseline_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipms_test_make_temp_path ("reviewed.ipms");
  g_autoptr(IpmsDocument) document = ipms_example_create (path, "en_US.UTF-8", &error);
  g_autoptr(IpmsDocument) again = NULL;
  g_autoptr(GPtrArray) baselines = NULL;
  g_autoptr(IpmsBaselineComparison) comparison = NULL;

  g_assert_no_error (error);
  ipms_baseline_store (document, "March", &error);
  g_assert_no_error (error);
  ipms_document_close (document);

  again = ipms_document_open (path, &error);
  g_assert_no_error (error);
  baselines = ipms_baseline_list (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (baselines->len, ==, 1);
  comparison = ipms_baseline_compare (again, ((IpmsBaselineInfo *) g_ptr_array_index (baselines, 0))->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_baseline_comparison_get_n_changes (comparison), ==, 0);
}

/* JSON */

static void
test_json_versions (void)
{
  g_autoptr(IpmsDocument) document = new_example ();
  g_autoptr(IpmsDocument) copy = NULL;
  g_autoptr(IpmsDocument) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autofree char *json = NULL;
  g_autofree char *copy_path = ipms_test_make_temp_path ("copy.ipms");
  g_autofree char *old_path = ipms_test_make_temp_path ("old.ipms");
  g_autoptr(GString) version_1 = NULL;
  char *deck_member;

  ipms_deck_setup_set_hidden (document, 1, TRUE, &error);
  g_assert_no_error (error);
  ipms_deck_setup_set_notes (document, 0, "Welcome everyone.", &error);
  g_assert_no_error (error);

  json = ipms_json_export_data (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"version\": 2,"));
  g_assert_nonnull (strstr (json, "\"deck_slides\": ["));

  /* Version 2 carries the deck. */
  copy = ipms_document_create (copy_path, "Copy", &error);
  g_assert_no_error (error);
  ipms_json_import_data (copy, json, -1, "Import", &error);
  g_assert_no_error (error);
  entries = ipms_deck_setup_list (copy);
  g_assert_true (g_array_index (entries, IpmsDeckEntry, 1).hidden);
  g_assert_cmpstr (g_array_index (entries, IpmsDeckEntry, 0).notes, ==, "Welcome everyone.");

  /* A version 1 file (no deck) still imports, with the default deck. */
  version_1 = g_string_new (json);
  g_string_replace (version_1, "\"version\": 2,", "\"version\": 1,", 1);
  deck_member = strstr (version_1->str, ",\n  \"deck_slides\"");
  g_assert_nonnull (deck_member);
  g_string_truncate (version_1, deck_member - version_1->str);
  g_string_append (version_1, "\n}\n");

  old = ipms_document_create (old_path, "Old", &error);
  g_assert_no_error (error);
  ipms_json_import_data (old, version_1->str, -1, "Import", &error);
  g_assert_no_error (error);
  g_assert_false (ipms_deck_setup_is_custom (old));
  g_assert_cmpuint (ipms_document_count_rows (old, "product"), ==, 16);
}

/* PDF */

/* The PDF holds binary streams: searched as bytes, not as a string. */
static guint
count_in_pdf (const char *pdf,
              gsize       length,
              const char *needle)
{
  gsize needle_length = strlen (needle);
  guint n = 0;

  for (gsize i = 0; i + needle_length <= length; i++)
    n += memcmp (pdf + i, needle, needle_length) == 0;

  return n;
}

static guint
count_pdf_pages (const char *pdf,
                 gsize       length)
{
  /* cairo writes each page object as "/Type /Page" (the tree is "/Pages"). */
  return count_in_pdf (pdf, length, "/Type /Page") - count_in_pdf (pdf, length, "/Type /Pages");
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };

  if (pdftotext == NULL)
    return NULL;

  argv[0] = pdftotext;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_pdf_export (void)
{
  g_autoptr(IpmsDocument) document = new_example ();
  g_autoptr(IpmsSlideDeck) deck = ipms_slide_deck_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipms_test_make_temp_path ("deck.pdf");
  g_autofree char *handout = ipms_test_make_temp_path ("handout.pdf");
  g_autofree char *missing = ipms_test_make_temp_path ("no-such-dir/deck.pdf");
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  gsize length;
  guint n;
  double start;

  ipms_deck_setup_set_hidden (document, 2, TRUE, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (deck));

  start = g_get_monotonic_time ();
  g_assert_true (ipms_slide_deck_export_pdf (deck, path, FALSE, &error));
  g_assert_no_error (error);
  g_test_message ("Exported %u slides in %.0f ms", n, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpfloat ((g_get_monotonic_time () - start) / 1e6, <, 3.0);

  g_file_get_contents (path, &pdf, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (count_pdf_pages (pdf, length), ==, n);
  /* 16:9: 960 × 540 pt on every page. */
  g_assert_cmpuint (count_in_pdf (pdf, length, "/MediaBox [ 0 0 960 540 ]"), ==, n);
  g_assert_cmpuint (count_in_pdf (pdf, length, "/MediaBox"), ==, n);

  text = pdf_text (path);
  if (text != NULL)
    {
      for (guint i = 0; i < n; i++)
        {
          IpmsSlide *slide = ipms_slide_deck_get_slide (deck, i);

          /* Chart slides carry the chart's own title too; every slide its own. */
          g_assert_nonnull (strstr (text, ipms_slide_get_title (slide)));
        }
    }
  else
    g_test_message ("pdftotext is not installed: the slide titles were not read back");

  /* The handout: one A4 page per slide. */
  g_assert_true (ipms_slide_deck_export_pdf (deck, handout, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&pdf, g_free);
  g_file_get_contents (handout, &pdf, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_pdf_pages (pdf, length), ==, n);
  g_assert_cmpuint (count_in_pdf (pdf, length, "/MediaBox [ 0 0 595.28 841.89 ]"), ==, n);

  /* A failed export leaves nothing behind. */
  g_assert_false (ipms_slide_deck_export_pdf (deck, missing, FALSE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  dir = g_path_get_dirname (path);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  for (const char *name; (name = g_dir_read_name (listing)) != NULL;)
    g_assert_false (g_str_has_prefix (name, "."));
}

/* Every kind paints in English and Chinese, at two sizes, for looking at. */
static void
test_paint_every_kind (void)
{
  const char *languages[] = { "en_US.UTF-8", "zh_CN" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IpmsDocument) document = ipms_example_new_draft (languages[l], &error);
      g_autoptr(IpmsSlideDeck) deck = NULL;
      const char *artifacts = g_getenv ("IPMS_TEST_ARTIFACTS");

      g_assert_no_error (error);
      deck = ipms_slide_deck_new (document);

      for (guint kind = 0; kind < IPMS_SLIDE_N_KINDS; kind++)
        {
          guint position = ipms_slide_deck_find_kind (deck, kind);
          IpmsSlide *slide = ipms_slide_deck_get_slide (deck, position);
          const int sizes[][2] = { { 1920, 1080 }, { 1280, 800 } };

          g_assert_nonnull (slide);
          for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
            {
              cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sizes[s][0], sizes[s][1]);
              cairo_t *cr = cairo_create (surface);
              guint32 *pixels;

              gint64 start = g_get_monotonic_time ();

              ipms_slide_paint (slide, cr, sizes[s][0], sizes[s][1], 1.0);
              /* The next slide shows within 100 ms of the key press. */
              g_test_message ("%s at %d × %d: %.1f ms", ipms_slide_kind_get_name (kind), sizes[s][0], sizes[s][1],
                              (g_get_monotonic_time () - start) / 1000.0);
              g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
              cairo_surface_flush (surface);
              pixels = (guint32 *) cairo_image_surface_get_data (surface);

              /* 1280 × 800 is taller than 16:9: black bars above and below. */
              if (sizes[s][1] == 800)
                g_assert_cmphex (pixels[0] & 0xffffff, ==, 0);
              else
                g_assert_cmphex (pixels[0] & 0xffffff, !=, 0);

              if (artifacts != NULL)
                {
                  g_autofree char *name = g_strdup_printf ("slide-%s-%s-%d.png",
                                                           ipms_slide_kind_get_name (kind),
                                                           l == 0 ? "en" : "zh_CN", sizes[s][0]);
                  g_autofree char *file = g_build_filename (artifacts, name, NULL);

                  g_mkdir_with_parents (artifacts, 0755);
                  cairo_surface_write_to_png (surface, file);
                }

              cairo_destroy (cr);
              cairo_surface_destroy (surface);
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  ipms_test_init (&argc, &argv);

  g_test_add_func ("/presentation/deck/default", test_default_deck);
  g_test_add_func ("/presentation/deck/dates", test_dates);
  g_test_add_func ("/presentation/deck/setup-edits", test_setup_edits);
  g_test_add_func ("/presentation/deck/live-and-continued", test_live_and_continued);
  g_test_add_func ("/presentation/deck/only-touched", test_only_touched);
  g_test_add_func ("/presentation/baseline/compare", test_baseline_compare);
  g_test_add_func ("/presentation/baseline/remove", test_baseline_remove);
  g_test_add_func ("/presentation/baseline/reopen", test_baseline_reopen);
  g_test_add_func ("/presentation/json/versions", test_json_versions);
  g_test_add_func ("/presentation/pdf/export", test_pdf_export);
  g_test_add_func ("/presentation/paint/every-kind", test_paint_every_kind);

  return g_test_run ();
}
