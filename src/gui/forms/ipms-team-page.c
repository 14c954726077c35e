/* ipms-team-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-forms-util.h"
#include "ipms-team-page.h"

static const IpmsFieldSpec member_fields[] = {
  { "name" },
  { "role" },
  { "title" },
  { "email" },
  { "notes" },
  { NULL }
};

static const IpmsFormSection sections[] = {
  /* Translators: a form section: the people of the product group */
  { N_("Members"), N_("Plans, series, campaigns, initiatives and OKRs name their owner from this list."),
    "member", member_fields, NULL,
    N_("No members yet. Add the product, market and category managers of the product group first.") },
  { NULL }
};

const IpmsFormSpec ipms_team_spec = {
  "team",
  N_("Start with the iron triangle"),
  N_("Add the product manager (PM), the market manager (MM) and the category manager (CM) first: "
     "every plan, series, campaign and objective names one of them as its owner."),
  sections,
};

/* The three roles of the iron triangle (铁三角), in the method's order. */
static const char * const triangle_roles[] = { "pm", "mm", "cm" };

struct _IpmsTeamPage
{
  IpmsFormPage  parent_instance;

  GtkWidget    *holders[G_N_ELEMENTS (triangle_roles)];
};

G_DEFINE_FINAL_TYPE (IpmsTeamPage, ipms_team_page, IPMS_TYPE_FORM_PAGE)

static void
update_triangle (IpmsFormPage *page)
{
  IpmsTeamPage *self = IPMS_TEAM_PAGE (page);
  IpmsDocument *document = ipms_form_page_get_document (IPMS_FORM_PAGE (self));
  g_autoptr(GPtrArray) members = ipms_document_query (document, "member", NULL, 0, NULL);

  for (guint r = 0; r < G_N_ELEMENTS (triangle_roles); r++)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < members->len; i++)
        {
          IpmsRecord *member = g_ptr_array_index (members, i);

          if (!g_str_equal (ipms_record_get_string (member, "role"), triangle_roles[r]))
            continue;
          if (names->len > 0)
            /* Translators: separates the names of people holding one role */
            g_string_append (names, _(", "));
          g_string_append (names, ipms_record_get_string (member, "name"));
        }

      if (names->len > 0)
        {
          gtk_label_set_text (GTK_LABEL (self->holders[r]), names->str);
          gtk_widget_remove_css_class (self->holders[r], "dim-label");
        }
      else
        {
          /* Translators: shown for a role of the iron triangle that nobody holds */
          gtk_label_set_text (GTK_LABEL (self->holders[r]), _("Nobody yet"));
          gtk_widget_add_css_class (self->holders[r], "dim-label");
        }
    }
}

static GtkWidget *
build_triangle (IpmsTeamPage *self)
{
  const IpmsColumn *role = ipms_table_lookup_column (ipms_schema_lookup_table ("member"), "role");
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *flow = ipms_forms_summary_new ();

  /* Translators: a form section, 铁三角 (PM, MM and CM) */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Iron Triangle"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Who holds each of the three roles, from the members below."));

  for (guint r = 0; r < G_N_ELEMENTS (triangle_roles); r++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (ipms_choice_get_label (&role->choices[ipms_column_find_choice (role, triangle_roles[r])]));

      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (title), 0.0);
      gtk_widget_add_css_class (title, "heading");

      self->holders[r] = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->holders[r]), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->holders[r]), 0.0);
      gtk_label_set_selectable (GTK_LABEL (self->holders[r]), FALSE);

      gtk_box_append (GTK_BOX (card), title);
      gtk_box_append (GTK_BOX (card), self->holders[r]);
      gtk_widget_add_css_class (card, "iron-triangle-role");
      gtk_widget_add_css_class (card, triangle_roles[r]);
      ipms_forms_summary_add (flow, card);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), flow);

  return group;
}

static void
ipms_team_page_constructed (GObject *object)
{
  IpmsTeamPage *self = IPMS_TEAM_PAGE (object);

  G_OBJECT_CLASS (ipms_team_page_parent_class)->constructed (object);

  ipms_form_page_add_header (IPMS_FORM_PAGE (self), build_triangle (self));
  update_triangle (IPMS_FORM_PAGE (self));
}

static void
ipms_team_page_class_init (IpmsTeamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ipms_team_page_constructed;
  IPMS_FORM_PAGE_CLASS (klass)->update = update_triangle;
  ipms_form_page_class_set_spec (IPMS_FORM_PAGE_CLASS (klass), &ipms_team_spec);
}

static void
ipms_team_page_init (IpmsTeamPage *self)
{
}
