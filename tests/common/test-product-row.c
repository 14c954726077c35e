/* test-product-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The product row of the panorama's palette and the timelines' tray follows
 * its product: an edit of the name, the price or the grade reaches the
 * labels, the accessible name and the badge's colour without a rebind; the
 * badge is outlined on request.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ipms-chart-style.h"
#include "ipms-example.h"
#include "ipms-product-row.h"
#include "ipms-test-utils.h"

typedef struct
{
  IpmsDocument *document;
  IpmsRecord   *product;
  GtkWidget    *window;
  GtkWidget    *row;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = NULL;

  fixture->document = ipms_example_new_draft ("en", &error);
  g_assert_no_error (error);
  products = ipms_document_query (fixture->document, "product", NULL, 0, "name");
  g_assert_cmpuint (products->len, >, 0);
  fixture->product = g_object_ref (g_ptr_array_index (products, 0));

  fixture->row = ipms_product_row_new ();
  ipms_product_row_set_currency (IPMS_PRODUCT_ROW (fixture->row), "USD");
  ipms_product_row_set_product (IPMS_PRODUCT_ROW (fixture->row), fixture->product);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 300, -1);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->row);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (ipms_test_wait_for_paint (fixture->row));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->product);
  g_clear_object (&fixture->document);
}

static GtkLabel *
name_label (Fixture *fixture)
{
  GtkWidget *badge = gtk_widget_get_first_child (fixture->row);

  return GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_next_sibling (badge)));
}

static GtkLabel *
price_label (Fixture *fixture)
{
  return GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (name_label (fixture))));
}

static void
edit (Fixture    *fixture,
      const char *column,
      const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ipms_record_get_id (fixture->product);

  g_assert_true (ipms_document_begin_edit (fixture->document, "Edit", NULL, &error));
  if (g_strcmp0 (column, "price") == 0)
    g_assert_true (text == NULL
                     ? ipms_document_set_null (fixture->document, "product", id, column, &error)
                     : ipms_document_set_double (fixture->document, "product", id, column,
                                                 g_ascii_strtod (text, NULL), &error));
  else
    g_assert_true (ipms_document_set_string (fixture->document, "product", id, column, text, &error));
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_assert_no_error (error);
}

/* The pixel in the badge's top left, clear of the grade letter. */
static guint32
badge_pixel (Fixture    *fixture,
             const char *name)
{
  GtkWidget *badge = gtk_widget_get_first_child (fixture->row);
  graphene_point_t point;
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_true (ipms_test_wait_for_paint (fixture->row));
  g_assert_true (gtk_widget_compute_point (badge, fixture->row, &GRAPHENE_POINT_INIT (6, 6), &point));
  texture = ipms_test_save_widget_png (fixture->row, name);

  return ipms_test_texture_get_pixel (texture, (int) point.x, (int) point.y);
}

static guint32
grade_argb (const char *grade)
{
  IpmsColor color;

  ipms_chart_style_get_grade_color (grade, FALSE, &color);

  return 0xff000000u | ((guint32) (color.red * 255 + 0.5) << 16) |
         ((guint32) (color.green * 255 + 0.5) << 8) | (guint32) (color.blue * 255 + 0.5);
}

static void
test_follows_product (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *accessible = NULL;
  const char *other_grade;

  g_assert_cmpstr (gtk_label_get_label (name_label (fixture)), ==,
                   ipms_record_get_string (fixture->product, "name"));
  accessible = g_strdup_printf ("%s, grade %s", ipms_record_get_string (fixture->product, "name"),
                                ipms_record_get_string (fixture->product, "grade"));
  gtk_test_accessible_assert_property (fixture->row, GTK_ACCESSIBLE_PROPERTY_LABEL, accessible);

  /* A rename reaches the label and the accessible name. */
  edit (fixture, "name", "Renamed Feeder");
  g_assert_cmpstr (gtk_label_get_label (name_label (fixture)), ==, "Renamed Feeder");
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf ("Renamed Feeder, grade %s", ipms_record_get_string (fixture->product, "grade"));
  gtk_test_accessible_assert_property (fixture->row, GTK_ACCESSIBLE_PROPERTY_LABEL, accessible);

  /* The price below the name, and what stands for a missing one. */
  edit (fixture, "price", "129");
  g_assert_nonnull (strstr (gtk_label_get_label (price_label (fixture)), "129"));
  edit (fixture, "price", NULL);
  g_assert_cmpstr (gtk_label_get_label (price_label (fixture)), ==, "No price");

  /* The badge takes the new grade's colour, and the name its letter. */
  other_grade = g_strcmp0 (ipms_record_get_string (fixture->product, "grade"), "F") == 0 ? "R" : "F";
  g_assert_true (ipms_test_argb_near (badge_pixel (fixture, "product-row-before"),
                                      grade_argb (ipms_record_get_string (fixture->product, "grade")), 2));
  edit (fixture, "grade", other_grade);
  g_assert_true (ipms_test_argb_near (badge_pixel (fixture, "product-row-after"), grade_argb (other_grade), 2));
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf ("Renamed Feeder, grade %s", other_grade);
  gtk_test_accessible_assert_property (fixture->row, GTK_ACCESSIBLE_PROPERTY_LABEL, accessible);
}

/* Outlined, the badge leaves the row's background inside and no grade
 * colour (the roadmap colours by series). */
static void
test_outlined_badge (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *grade = ipms_record_get_string (fixture->product, "grade");
  g_autoptr(GdkTexture) texture = NULL;
  guint32 inside;

  ipms_product_row_set_colored_badge (IPMS_PRODUCT_ROW (fixture->row), FALSE);
  inside = badge_pixel (fixture, "product-row-outlined");
  g_assert_false (ipms_test_argb_near (inside, grade_argb (grade), 40));
  texture = ipms_test_save_widget_png (fixture->row, "product-row-outlined");
  g_assert_true (ipms_test_argb_near (inside, ipms_test_texture_get_pixel (texture, gtk_widget_get_width (fixture->row) - 2, 1), 2));

  ipms_product_row_set_colored_badge (IPMS_PRODUCT_ROW (fixture->row), TRUE);
  g_assert_true (ipms_test_argb_near (badge_pixel (fixture, "product-row-colored"), grade_argb (grade), 2));
}

/* A recycled row lets go of its product: a later edit does not reach it. */
static void
test_unset_product (Fixture       *fixture,
                    gconstpointer  data)
{
  ipms_product_row_set_product (IPMS_PRODUCT_ROW (fixture->row), NULL);
  g_assert_cmpstr (gtk_label_get_label (name_label (fixture)), ==, "");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (fixture->row),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  edit (fixture, "name", "Renamed Feeder");
  g_assert_cmpstr (gtk_label_get_label (name_label (fixture)), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend, whose properties can be read back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ipms_test_init_gtk (&argc, &argv);

  g_test_add ("/product-row/follows-product", Fixture, NULL, fixture_set_up, test_follows_product, fixture_tear_down);
  g_test_add ("/product-row/outlined-badge", Fixture, NULL, fixture_set_up, test_outlined_badge, fixture_tear_down);
  g_test_add ("/product-row/unset-product", Fixture, NULL, fixture_set_up, test_unset_product, fixture_tear_down);

  return g_test_run ();
}
