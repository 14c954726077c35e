/* test-field-binding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The field binding without a display: typing bursts and undo steps,
 * flushes, bad input, changes made elsewhere, parsing and formatting.
 */

#include "config.h"

#include <string.h>

#include "ipms-document.h"
#include "ipms-field-binding.h"
#include "ipms-merge-key.h"
#include "ipms-test-utils.h"

/* Short, so that the tests run fast; keystrokes come faster still. */
#define DELAY_MS 40
#define KEYSTROKE_MS 10
/* Longer than the document's merge window (two seconds). */
#define PAUSE_MS 2200

typedef struct
{
  IpmsDocument *document;
  IpmsRecord   *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipms_test_make_temp_path ("binding.ipms");

  fixture->document = ipms_document_create (path, "Binding", &error);
  g_assert_no_error (error);
  fixture->project = ipms_document_get_project (fixture->document);
  g_assert_false (ipms_document_can_undo (fixture->document));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ipms_document_close (fixture->document);
  g_clear_object (&fixture->document);
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_written (IpmsFieldBinding *binding)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (ipms_field_binding_get_pending (binding))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static IpmsFieldBinding *
bind (Fixture    *fixture,
      const char *column)
{
  IpmsFieldBinding *binding = ipms_field_binding_new (fixture->document, "project", column);

  ipms_field_binding_set_delay (binding, DELAY_MS);
  ipms_field_binding_set_record (binding, fixture->project);

  return binding;
}

/* Undoes everything, counting the steps, then redoes it all. */
static guint
count_undo_steps (IpmsDocument *document)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  while (ipms_document_can_undo (document))
    {
      g_assert_true (ipms_document_undo (document, &error));
      g_assert_no_error (error);
      n++;
    }
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (ipms_document_redo (document, &error));
      g_assert_no_error (error);
    }

  return n;
}

static void
type (IpmsFieldBinding *binding,
      const char       *text)
{
  /* One call per keystroke, as a widget's "changed" makes them. */
  for (gsize i = 1; i <= strlen (text); i++)
    {
      g_autofree char *prefix = g_strndup (text, i);

      g_assert_true (ipms_field_binding_set_text (binding, prefix));
      spin (KEYSTROKE_MS);
    }
}

static void
test_burst_is_one_step (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(IpmsFieldBinding) binding = bind (fixture, "mission");

  type (binding, "Pets");
  wait_written (binding);

  g_assert_cmpstr (ipms_record_get_string (fixture->project, "mission"), ==, "Pets");
  g_assert_cmpuint (count_undo_steps (fixture->document), ==, 1);
  g_assert_cmpstr (ipms_record_get_string (fixture->project, "mission"), ==, "Pets");
}

static void
test_bursts_within_merge_window_are_one_step (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(IpmsFieldBinding) binding = bind (fixture, "mission");

  /* Two writes (the debounce fired between them) folded by the merge key. */
  type (binding, "Pe");
  wait_written (binding);
  spin (DELAY_MS * 3);
  type (binding, "Pets");
  wait_written (binding);

  g_assert_cmpuint (count_undo_steps (fixture->document), ==, 1);
}

static void
test_pause_is_two_steps (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsFieldBinding) binding = bind (fixture, "mission");

  type (binding, "Pe");
  wait_written (binding);
  spin (PAUSE_MS);
  type (binding, "Pets");
  wait_written (binding);

  g_assert_cmpuint (count_undo_steps (fixture->document), ==, 2);

  g_assert_true (ipms_document_undo (fixture->document, &error));
  g_assert_cmpstr (ipms_record_get_string (fixture->project, "mission"), ==, "Pe");
}

static void
test_another_field_is_another_step (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(IpmsFieldBinding) mission = bind (fixture, "mission");
  g_autoptr(IpmsFieldBinding) vision = bind (fixture, "vision");

  type (mission, "Care");
  type (vision, "Everywhere");
  wait_written (mission);
  wait_written (vision);

  g_assert_cmpstr (ipms_record_get_string (fixture->project, "mission"), ==, "Care");
  g_assert_cmpstr (ipms_record_get_string (fixture->project, "vision"), ==, "Everywhere");
  g_assert_cmpuint (count_undo_steps (fixture->document), ==, 2);
}

static void
test_discrete_changes_are_steps (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(IpmsFieldBinding) year = bind (fixture, "start_year");
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, 2028);
  g_assert_true (ipms_field_binding_set_value (year, &value));
  g_value_set_int64 (&value, 2029);
  g_assert_true (ipms_field_binding_set_value (year, &value));
  g_assert_cmpint (ipms_record_get_int (fixture->project, "start_year"), ==, 2029);

  /* Two picks, two steps, even within the merge window. */
  g_assert_cmpuint (count_undo_steps (fixture->document), ==, 2);
}

static void
test_flush_on_close (Fixture       *fixture,
                     gconstpointer  data)
{
  IpmsFieldBinding *binding = bind (fixture, "mission");

  ipms_field_binding_set_delay (binding, 60000);
  g_assert_true (ipms_field_binding_set_text (binding, "Last words"));
  g_assert_true (ipms_field_binding_get_pending (binding));
  g_assert_cmpstr (ipms_record_get_string (fixture->project, "mission"), ==, "");

  /* A form closing drops its bindings: what was typed is written. */
  g_object_unref (binding);
  g_assert_cmpstr (ipms_record_get_string (fixture->project, "mission"), ==, "Last words");
  g_assert_cmpuint (count_undo_steps (fixture->document), ==, 1);
}

static void
pending_dropped_cb (IpmsFieldBinding *binding,
                    GParamSpec       *pspec,
                    Fixture          *fixture)
{
  if (!ipms_field_binding_get_pending (binding))
    g_assert_cmpstr (ipms_record_get_string (fixture->project, "mission"), ==, "Stored first");
}

/* A view that reloads when "pending" drops (a field left while its window
 * was not the active one) must read the value written, not the old one. */
static void
test_pending_drops_after_write (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(IpmsFieldBinding) binding = bind (fixture, "mission");

  g_signal_connect (binding, "notify::pending", G_CALLBACK (pending_dropped_cb), fixture);
  g_assert_true (ipms_field_binding_set_text (binding, "Stored first"));
  wait_written (binding);
  g_assert_cmpstr (ipms_record_get_string (fixture->project, "mission"), ==, "Stored first");
}

static void
test_flush_all_before_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsFieldBinding) binding = bind (fixture, "vision");

  ipms_field_binding_set_delay (binding, 60000);
  g_assert_true (ipms_field_binding_set_text (binding, "Far"));

  /* What the window does before undo: the pending text is the step undone. */
  ipms_field_binding_flush_all (fixture->document);
  g_assert_false (ipms_field_binding_get_pending (binding));
  g_assert_cmpstr (ipms_record_get_string (fixture->project, "vision"), ==, "Far");
  g_assert_true (ipms_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ipms_record_get_string (fixture->project, "vision"), ==, "");
}

static void
assert_refused (Fixture          *fixture,
                IpmsFieldBinding *binding,
                const char       *text)
{
  const char *column = ipms_field_binding_get_column (binding)->name;
  g_autofree char *before = ipms_field_binding_dup_text (binding);
  g_autofree char *after = NULL;

  g_assert_false (ipms_field_binding_set_text (binding, text));
  g_assert_true (ipms_field_binding_get_invalid (binding));
  g_assert_nonnull (ipms_field_binding_get_invalid_reason (binding));
  g_assert_false (ipms_field_binding_get_pending (binding));
  spin (DELAY_MS * 2);

  after = ipms_field_binding_dup_text (binding);
  g_assert_cmpstr (after, ==, before);
  g_test_message ("%s ← “%s”: %s", column, text, ipms_field_binding_get_invalid_reason (binding));
}

static void
test_invalid_input_writes_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(IpmsFieldBinding) revenue = bind (fixture, "net_revenue_target");
  g_autoptr(IpmsFieldBinding) margin = bind (fixture, "gross_margin_target");
  g_autoptr(IpmsFieldBinding) year = bind (fixture, "start_year");
  g_autoptr(IpmsFieldBinding) name = bind (fixture, "name");
  g_autoptr(GError) error = NULL;
  gint64 band;
  g_autoptr(IpmsFieldBinding) date = NULL;

  assert_refused (fixture, revenue, "12abc");
  assert_refused (fixture, revenue, "-5");
  assert_refused (fixture, margin, "5000");
  assert_refused (fixture, year, "2027.5");
  assert_refused (fixture, year, "1800");
  assert_refused (fixture, name, "   ");
  g_assert_cmpstr (ipms_record_get_string (fixture->project, "name"), ==, "Binding");

  /* A valid value typed after a bad one is written, and the mark goes. */
  g_assert_true (ipms_field_binding_set_text (margin, "42%"));
  g_assert_false (ipms_field_binding_get_invalid (margin));
  wait_written (margin);
  g_assert_cmpfloat (ipms_record_get_double (fixture->project, "gross_margin_target"), ==, 42.0);

  /* Bad input after good input drops the good one still pending. */
  ipms_field_binding_set_delay (revenue, 60000);
  g_assert_true (ipms_field_binding_set_text (revenue, "100"));
  assert_refused (fixture, revenue, "100x");
  ipms_field_binding_flush_all (fixture->document);
  g_assert_true (ipms_record_is_null (fixture->project, "net_revenue_target"));

  /* Dates: 31 February is no day. */
  g_assert_true (ipms_document_begin_edit (fixture->document, "test", NULL, &error));
  band = ipms_document_insert (fixture->document, "series", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  date = ipms_field_binding_new (fixture->document, "series", "entry_date");
  ipms_field_binding_set_delay (date, DELAY_MS);
  ipms_field_binding_set_record (date, ipms_document_get_record (fixture->document, "series", band));
  assert_refused (fixture, date, "2027-02-31");
  assert_refused (fixture, date, "next spring");
  g_assert_true (ipms_field_binding_set_text (date, "2027-02-28"));
  wait_written (date);
  g_assert_cmpstr (ipms_record_get_string (ipms_field_binding_get_record (date), "entry_date"), ==, "2027-02-28");
  /* Emptied, an optional date is cleared. */
  g_assert_true (ipms_field_binding_set_text (date, ""));
  wait_written (date);
  g_assert_true (ipms_record_is_null (ipms_field_binding_get_record (date), "entry_date"));
}

static void
reloaded_cb (IpmsFieldBinding *binding,
             guint            *count)
{
  (*count)++;
}

static void
test_changes_elsewhere_reload (Fixture       *fixture,
                               gconstpointer  data)
{
  /* A column with an underscore: its notification is "notify::strategic-intent". */
  g_autoptr(IpmsFieldBinding) binding = bind (fixture, "strategic_intent");
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  guint reloads = 0;

  g_signal_connect (binding, "reloaded", G_CALLBACK (reloaded_cb), &reloads);

  /* Its own write is no news to the binding. */
  type (binding, "Ours");
  wait_written (binding);
  g_assert_cmpuint (reloads, ==, 0);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Theirs");
  g_assert_true (ipms_document_edit_value (fixture->document, "elsewhere", NULL, "project",
                                           ipms_record_get_id (fixture->project), "strategic_intent", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reloads, ==, 1);

  g_assert_true (ipms_document_undo (fixture->document, &error));
  g_assert_cmpuint (reloads, ==, 2);
  g_assert_cmpstr (ipms_record_get_string (fixture->project, "strategic_intent"), ==, "Ours");
}

static void
check_parse (const char *table,
             const char *column,
             const char *text,
             double      expected)
{
  const IpmsColumn *c = ipms_table_lookup_column (ipms_schema_lookup_table (table), column);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_field_parse_text (c, text, &value, &error));
  g_assert_no_error (error);
  if (G_VALUE_HOLDS_INT64 (&value))
    g_assert_cmpint (g_value_get_int64 (&value), ==, (gint64) expected);
  else
    g_assert_cmpfloat_with_epsilon (g_value_get_double (&value), expected, 1e-9);
}

static void
check_format (const char *table,
              const char *column,
              double      number,
              const char *expected)
{
  const IpmsColumn *c = ipms_table_lookup_column (ipms_schema_lookup_table (table), column);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;

  if (c->type == IPMS_COLUMN_INTEGER)
    {
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, (gint64) number);
    }
  else
    {
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, number);
    }

  text = ipms_field_format_value (c, &value);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_parse_and_format (void)
{
  check_parse ("project", "net_revenue_target", "18,000,000", 18000000);
  check_parse ("project", "net_revenue_target", "$1 299.50", 1299.5);
  check_parse ("project", "net_revenue_target", "1.2万", 12000);
  check_parse ("project", "net_revenue_target", "3亿", 300000000);
  check_parse ("project", "gross_margin_target", "42 %", 42);
  check_parse ("project", "gross_margin_target", "-3.5", -3.5);
  check_parse ("segment", "size", "5,200,000", 5200000);
  check_parse ("project", "start_year", "2027", 2027);

  check_format ("project", "net_revenue_target", 18000000, "18,000,000");
  check_format ("project", "net_revenue_target", 1299.5, "1,299.50");
  check_format ("project", "gross_margin_target", 42, "42%");
  check_format ("project", "start_year", 2027, "2027");
  check_format ("segment", "size", 5200000, "5,200,000");
  check_format ("key_result", "target", 0.25, "0.25");
}

static void
test_merge_key (void)
{
  g_autofree char *field = ipms_merge_key ("product", 42, "name");
  g_autofree char *row = ipms_merge_key ("product", 42, NULL);

  g_assert_cmpstr (field, ==, "product:42:name");
  g_assert_cmpstr (row, ==, "product:42");
}

/* Typing where there is no row yet makes it, with the typed value, in
 * one undo step; the next burst edits that row. */
static void
test_new_row (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const columns[] = { "year", NULL };
  g_autoptr(IpmsFieldBinding) binding = ipms_field_binding_new (fixture->document, "yearly_target", "sales");
  g_autoptr(GError) error = NULL;
  GValue values[1] = { G_VALUE_INIT };
  IpmsRecord *made;

  g_value_init (&values[0], G_TYPE_INT64);
  g_value_set_int64 (&values[0], 2031);
  ipms_field_binding_set_delay (binding, DELAY_MS);
  g_assert_false (ipms_field_binding_set_text (binding, "1"));
  ipms_field_binding_set_new_row (binding, columns, values);
  g_value_unset (&values[0]);

  g_assert_true (ipms_field_binding_set_text (binding, "1"));
  spin (KEYSTROKE_MS);
  g_assert_true (ipms_field_binding_set_text (binding, "15"));
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "yearly_target"), ==, 0);
  wait_written (binding);

  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "yearly_target"), ==, 1);
  made = ipms_field_binding_get_record (binding);
  g_assert_nonnull (made);
  g_assert_cmpint (ipms_record_get_int (made, "year"), ==, 2031);
  g_assert_cmpfloat (ipms_record_get_double (made, "sales"), ==, 15.0);

  spin (PAUSE_MS);
  g_assert_true (ipms_field_binding_set_text (binding, "150"));
  wait_written (binding);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "yearly_target"), ==, 1);
  g_assert_cmpfloat (ipms_record_get_double (made, "sales"), ==, 150.0);

  /* The edit, then the row with its first value: two steps. */
  g_assert_cmpuint (count_undo_steps (fixture->document), ==, 2);
  g_assert_true (ipms_document_undo (fixture->document, &error));
  g_assert_true (ipms_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "yearly_target"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ipms_test_init (&argc, &argv);

  g_test_add_func ("/forms/binding/parse-and-format", test_parse_and_format);
  g_test_add_func ("/forms/binding/merge-key", test_merge_key);
  g_test_add ("/forms/binding/burst-is-one-step", Fixture, NULL,
              fixture_set_up, test_burst_is_one_step, fixture_tear_down);
  g_test_add ("/forms/binding/bursts-within-merge-window", Fixture, NULL,
              fixture_set_up, test_bursts_within_merge_window_are_one_step, fixture_tear_down);
  g_test_add ("/forms/binding/pause-is-two-steps", Fixture, NULL,
              fixture_set_up, test_pause_is_two_steps, fixture_tear_down);
  g_test_add ("/forms/binding/another-field", Fixture, NULL,
              fixture_set_up, test_another_field_is_another_step, fixture_tear_down);
  g_test_add ("/forms/binding/discrete-changes", Fixture, NULL,
              fixture_set_up, test_discrete_changes_are_steps, fixture_tear_down);
  g_test_add ("/forms/binding/flush-on-close", Fixture, NULL,
              fixture_set_up, test_flush_on_close, fixture_tear_down);
  g_test_add ("/forms/binding/pending-drops-after-write", Fixture, NULL,
              fixture_set_up, test_pending_drops_after_write, fixture_tear_down);
  g_test_add ("/forms/binding/flush-all-before-undo", Fixture, NULL,
              fixture_set_up, test_flush_all_before_undo, fixture_tear_down);
  g_test_add ("/forms/binding/invalid-input", Fixture, NULL,
              fixture_set_up, test_invalid_input_writes_nothing, fixture_tear_down);
  g_test_add ("/forms/binding/new-row", Fixture, NULL,
              fixture_set_up, test_new_row, fixture_tear_down);
  g_test_add ("/forms/binding/changes-elsewhere", Fixture, NULL,
              fixture_set_up, test_changes_elsewhere_reload, fixture_tear_down);

  return g_test_run ();
}
