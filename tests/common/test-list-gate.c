/* test-list-gate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gate that keeps a hidden list widget's rows as they were: closed, it
 * shows the items as they were and announces nothing; opened, one change
 * brings a copy kept by its announcements level with the model, over the
 * narrowest span that holds every change, an item announced in place
 * included.
 */

#include "config.h"

#include <gio/gio.h>

#include "ipms-list-gate.h"

typedef struct
{
  GListStore   *store;
  IpmsListGate *gate;
  /* The gate's items as a list widget knows them: its announcements applied. */
  GPtrArray    *mirror;
  guint         n_changes;
  guint         position;
  guint         removed;
  guint         added;
} Fixture;

static void
items_changed_cb (GListModel *gate,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->mirror, position + i, g_list_model_get_item (gate, position + i));

  fixture->n_changes++;
  fixture->position = position;
  fixture->removed = removed;
  fixture->added = added;
}

static GObject *
new_item (guint number)
{
  GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (item, "number", GUINT_TO_POINTER (number));
  return item;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = g_list_store_new (G_TYPE_OBJECT);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GObject) item = new_item (i);

      g_list_store_append (fixture->store, item);
    }

  fixture->gate = ipms_list_gate_new (G_LIST_MODEL (fixture->store));
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < 10; i++)
    g_ptr_array_add (fixture->mirror, g_list_model_get_item (G_LIST_MODEL (fixture->gate), i));
  g_signal_connect (fixture->gate, "items-changed", G_CALLBACK (items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->gate);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->mirror, g_ptr_array_unref);
}

static void
assert_mirror_level (Fixture *fixture)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->store));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->gate)), ==, n);
  g_assert_cmpuint (fixture->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (fixture->store), i);

      g_assert_true (g_ptr_array_index (fixture->mirror, i) == item);
    }
}

/* Open, the gate passes every change on as it comes. */
static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GObject) item = new_item (100);

  g_assert_true (ipms_list_gate_get_open (fixture->gate));
  g_list_store_insert (fixture->store, 3, item);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_cmpuint (fixture->position, ==, 3);
  g_assert_cmpuint (fixture->added, ==, 1);
  assert_mirror_level (fixture);
}

/* Closed, it shows the items as they were; opened, one change spans from
 * the first changed place to the last. */
static void
test_closed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (fixture->store), 0);
  g_autoptr(GObject) added = new_item (100);

  ipms_list_gate_set_open (fixture->gate, FALSE);
  g_list_store_remove (fixture->store, 2);
  g_list_store_insert (fixture->store, 6, added);
  g_list_store_remove (fixture->store, 0);

  g_assert_cmpuint (fixture->n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->gate)), ==, 10);
  {
    g_autoptr(GObject) shown = g_list_model_get_item (G_LIST_MODEL (fixture->gate), 0);

    g_assert_true (shown == first);
  }

  ipms_list_gate_set_open (fixture->gate, TRUE);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  /* Items 0 to 2 went, 100 came after 7: places 0 to 6 of 10 become 0 to 5
   * of 9; 7, 8 and 9 stay. */
  g_assert_cmpuint (fixture->position, ==, 0);
  g_assert_cmpuint (fixture->removed, ==, 7);
  g_assert_cmpuint (fixture->added, ==, 6);
  assert_mirror_level (fixture);

  /* Open again, the changes flow. */
  g_list_store_remove (fixture->store, 0);
  g_assert_cmpuint (fixture->n_changes, ==, 2);
  assert_mirror_level (fixture);
}

/* An item announced in place (a record edited) is rebound when the gate
 * opens, though it stands where it stood. */
static void
test_changed_in_place (Fixture       *fixture,
                       gconstpointer  data)
{
  ipms_list_gate_set_open (fixture->gate, FALSE);
  g_list_model_items_changed (G_LIST_MODEL (fixture->store), 4, 1, 1);
  g_assert_cmpuint (fixture->n_changes, ==, 0);

  ipms_list_gate_set_open (fixture->gate, TRUE);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_cmpuint (fixture->position, ==, 4);
  g_assert_cmpuint (fixture->removed, ==, 1);
  g_assert_cmpuint (fixture->added, ==, 1);
  assert_mirror_level (fixture);

  /* Nothing changed while closed: nothing to announce. */
  ipms_list_gate_set_open (fixture->gate, FALSE);
  ipms_list_gate_set_open (fixture->gate, TRUE);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
}

/* Everything goes while closed, and comes back. */
static void
test_emptied (Fixture       *fixture,
              gconstpointer  data)
{
  ipms_list_gate_set_open (fixture->gate, FALSE);
  g_list_store_remove_all (fixture->store);
  ipms_list_gate_set_open (fixture->gate, TRUE);
  g_assert_cmpuint (fixture->removed, ==, 10);
  g_assert_cmpuint (fixture->added, ==, 0);
  assert_mirror_level (fixture);

  ipms_list_gate_set_open (fixture->gate, FALSE);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GObject) item = new_item (i);

      g_list_store_append (fixture->store, item);
    }
  ipms_list_gate_set_open (fixture->gate, TRUE);
  g_assert_cmpuint (fixture->position, ==, 0);
  g_assert_cmpuint (fixture->removed, ==, 0);
  g_assert_cmpuint (fixture->added, ==, 3);
  assert_mirror_level (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/list-gate/open", Fixture, NULL, fixture_set_up, test_open, fixture_tear_down);
  g_test_add ("/list-gate/closed", Fixture, NULL, fixture_set_up, test_closed, fixture_tear_down);
  g_test_add ("/list-gate/changed-in-place", Fixture, NULL, fixture_set_up, test_changed_in_place,
              fixture_tear_down);
  g_test_add ("/list-gate/emptied", Fixture, NULL, fixture_set_up, test_emptied, fixture_tear_down);

  return g_test_run ();
}
