/* ipms-form-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-field-row.h"
#include "ipms-form-page.h"
#include "ipms-record-focus.h"
#include "ipms-record-table.h"

/* Wider than AdwPreferencesPage's fixed 600 px clamp: the tables need the
 * room at full HD, and the clamp still keeps the text fields readable. */
#define MAX_CONTENT_WIDTH 1000

/* The sections are built when they come near the screen, not with the
 * page: a view shows in one frame whatever its size, and sections further
 * down follow in idle time (see build_visible_sections()). Heights in
 * pixels, estimated before a section is built. */
#define FIRST_SCREEN_HEIGHT 1100
#define FIELD_HEIGHT 80
#define NOTE_HEIGHT 140
#define TABLE_HEIGHT 150
#define TABLE_ROW_HEIGHT 43
#define MAX_TABLE_HEIGHT 600

typedef struct
{
  const IpmsFormSection *spec;
  GtkWidget             *group;
  gboolean               built;
} Section;

typedef struct
{
  IpmsDocument *document;

  GtkWidget    *scrolled;
  GtkWidget    *box;
  GtkWidget    *empty_group;
  GtkWidget    *header_box;
  /* IpmsFieldRow of the project's fields, IpmsRecordTable of the tables,
   * of the sections built so far. */
  GPtrArray    *fields;
  GPtrArray    *tables;
  /* Section, in the spec's order. */
  GArray       *sections;
  guint         visible_idle;
  guint         rest_idle;
  /* A change was done while the page was not shown: see update(). */
  gboolean      stale;
} IpmsFormPagePrivate;

static void ipms_form_page_record_focus_init (IpmsRecordFocusInterface *iface);

G_DEFINE_TYPE_WITH_CODE (IpmsFormPage, ipms_form_page, ADW_TYPE_BIN,
                         G_ADD_PRIVATE (IpmsFormPage)
                         G_IMPLEMENT_INTERFACE (IPMS_TYPE_RECORD_FOCUS, ipms_form_page_record_focus_init))

#define PRIV(self) ((IpmsFormPagePrivate *) ipms_form_page_get_instance_private (IPMS_FORM_PAGE (self)))

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
ipms_form_page_class_set_spec (IpmsFormPageClass  *klass,
                               const IpmsFormSpec *spec)
{
  g_return_if_fail (IPMS_IS_FORM_PAGE_CLASS (klass));

  klass->spec = spec;
}

const IpmsFormSpec *
ipms_form_page_get_spec (IpmsFormPage *self)
{
  g_return_val_if_fail (IPMS_IS_FORM_PAGE (self), NULL);

  return IPMS_FORM_PAGE_GET_CLASS (self)->spec;
}

IpmsDocument *
ipms_form_page_get_document (IpmsFormPage *self)
{
  g_return_val_if_fail (IPMS_IS_FORM_PAGE (self), NULL);

  return PRIV (self)->document;
}

void
ipms_form_page_add_header (IpmsFormPage *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (IPMS_IS_FORM_PAGE (self));

  gtk_box_append (GTK_BOX (PRIV (self)->header_box), widget);
}

static void ensure_section (IpmsFormPage *self,
                            guint         index);

GtkWidget *
ipms_form_page_get_table (IpmsFormPage *self,
                          const char   *table)
{
  IpmsFormPagePrivate *priv = PRIV (self);

  g_return_val_if_fail (IPMS_IS_FORM_PAGE (self), NULL);

  /* Asked for, it is there, near the screen or not. */
  for (guint i = 0; i < priv->sections->len; i++)
    if (g_str_equal (g_array_index (priv->sections, Section, i).spec->table, table))
      {
        ensure_section (self, i);
        break;
      }

  for (guint i = 0; i < priv->tables->len; i++)
    if (g_str_equal (ipms_record_table_get_table_name (g_ptr_array_index (priv->tables, i)), table))
      return g_ptr_array_index (priv->tables, i);

  return NULL;
}

GtkWidget *
ipms_form_page_get_field (IpmsFormPage *self,
                          const char   *column)
{
  IpmsFormPagePrivate *priv = PRIV (self);

  g_return_val_if_fail (IPMS_IS_FORM_PAGE (self), NULL);

  for (guint i = 0; i < priv->sections->len; i++)
    {
      const IpmsFormSection *section = g_array_index (priv->sections, Section, i).spec;

      if (g_str_equal (section->table, "project"))
        for (const IpmsFieldSpec *field = section->fields; field->column != NULL; field++)
          if (g_str_equal (field->column, column))
            ensure_section (self, i);
    }

  for (guint i = 0; i < priv->fields->len; i++)
    if (g_str_equal (ipms_field_row_get_column (g_ptr_array_index (priv->fields, i))->name, column))
      return g_ptr_array_index (priv->fields, i);

  return NULL;
}

gboolean
ipms_form_page_get_is_empty (IpmsFormPage *self)
{
  IpmsFormPagePrivate *priv = PRIV (self);
  IpmsRecord *project;

  g_return_val_if_fail (IPMS_IS_FORM_PAGE (self), FALSE);

  /* From the spec and the file, not the widgets: the sections further
   * down may not be built yet. */
  project = ipms_document_get_project (priv->document);
  for (guint i = 0; i < priv->sections->len; i++)
    {
      const IpmsFormSection *section = g_array_index (priv->sections, Section, i).spec;

      if (g_str_equal (section->table, "project"))
        {
          const IpmsTable *table = ipms_schema_lookup_table ("project");

          for (const IpmsFieldSpec *field = section->fields; field->column != NULL; field++)
            {
              const IpmsColumn *column = ipms_table_lookup_column (table, field->column);

              /* The analysis is in the multi-line fields; the name, currency
               * and years a new project already has do not count as a start. */
              if (column->format == IPMS_COLUMN_FORMAT_MULTILINE &&
                  ipms_record_get_string (project, column->name)[0] != '\0')
                return FALSE;
            }
        }
      /* A detail table has rows only when its master has. */
      else if (section->owner_column == NULL &&
               ipms_document_count_rows (priv->document, section->table) > 0)
        return FALSE;
    }

  return TRUE;
}

static void
update_empty_state (IpmsFormPage *self)
{
  IpmsFormPagePrivate *priv = PRIV (self);

  if (priv->empty_group != NULL)
    gtk_widget_set_visible (priv->empty_group, ipms_form_page_get_is_empty (self));
}

/* What follows the document besides the fields and tables, which follow
 * their records themselves. */
static void
update (IpmsFormPage *self)
{
  PRIV (self)->stale = FALSE;
  update_empty_state (self);
  if (IPMS_FORM_PAGE_GET_CLASS (self)->update != NULL)
    IPMS_FORM_PAGE_GET_CLASS (self)->update (self);
}

/* A hidden page (the window keeps every page it has shown) catches up
 * when it is shown: an edit costs the pages on screen only. */
static void
changes_done_cb (IpmsFormPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  else
    PRIV (self)->stale = TRUE;
}

void
ipms_form_page_catch_up (IpmsFormPage *self)
{
  g_return_if_fail (IPMS_IS_FORM_PAGE (self));

  if (PRIV (self)->stale)
    update (self);
}

static void
master_selected_cb (IpmsRecordTable *master,
                    GParamSpec      *pspec,
                    IpmsRecordTable *detail)
{
  IpmsRecord *record = ipms_record_table_get_selected_record (master);
  const char *owner_column = g_object_get_data (G_OBJECT (detail), "ipms-owner-column");

  ipms_record_table_set_owner (detail, owner_column, record != NULL ? ipms_record_get_id (record) : 0);
}

static GtkWidget *
build_table (IpmsFormPage          *self,
             const IpmsFormSection *section)
{
  IpmsFormPagePrivate *priv = PRIV (self);
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  IpmsRecordTable *table;

  for (guint i = 0; section->fields[i].column != NULL; i++)
    if (section->fields[i].kind == IPMS_FIELD_KIND_AUTO)
      g_ptr_array_add (columns, (gpointer) section->fields[i].column);
  g_ptr_array_add (columns, NULL);

  table = ipms_record_table_new (priv->document, section->table, (const char * const *) columns->pdata);

  for (guint i = 0; section->fields[i].column != NULL; i++)
    if (section->fields[i].kind == IPMS_FIELD_KIND_PROGRESS)
      /* Translators: the column of key results that shows current / target */
      ipms_record_table_add_progress_column (table, _("Progress"), section->fields[i].column,
                                             section->fields[i].extra);

  if (section->empty_text != NULL)
    ipms_record_table_set_empty_text (table, _(section->empty_text));

  if (section->owner_column != NULL)
    {
      const IpmsColumn *owner = ipms_table_lookup_column (ipms_schema_lookup_table (section->table),
                                                          section->owner_column);
      IpmsRecordTable *master = NULL;

      g_return_val_if_fail (owner != NULL && owner->type == IPMS_COLUMN_REFERENCE, GTK_WIDGET (table));

      for (guint i = priv->tables->len; i > 0 && master == NULL; i--)
        if (g_str_equal (ipms_record_table_get_table_name (g_ptr_array_index (priv->tables, i - 1)),
                         owner->references))
          master = g_ptr_array_index (priv->tables, i - 1);

      g_return_val_if_fail (master != NULL, GTK_WIDGET (table));

      g_object_set_data (G_OBJECT (table), "ipms-owner-column", (gpointer) owner->name);
      g_object_set_data (G_OBJECT (table), "ipms-master", master);
      g_signal_connect_object (master, "notify::selected-record", G_CALLBACK (master_selected_cb), table, 0);
      master_selected_cb (master, NULL, table);
    }

  g_ptr_array_add (priv->tables, table);

  return GTK_WIDGET (table);
}

static void
ensure_section (IpmsFormPage *self,
                guint         index)
{
  IpmsFormPagePrivate *priv = PRIV (self);
  Section *section = &g_array_index (priv->sections, Section, index);
  const IpmsFormSection *spec = section->spec;

  if (section->built)
    return;
  section->built = TRUE;

  if (g_str_equal (spec->table, "project"))
    {
      IpmsRecord *project = ipms_document_get_project (priv->document);

      for (const IpmsFieldSpec *field = spec->fields; field->column != NULL; field++)
        {
          GtkWidget *row = ipms_field_row_new (priv->document, "project", field->column);

          if (field->help != NULL)
            ipms_field_row_set_help (IPMS_FIELD_ROW (row), _(field->help));
          ipms_field_row_set_record (IPMS_FIELD_ROW (row), project);
          g_ptr_array_add (priv->fields, row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (section->group), row);
        }
    }
  else
    {
      /* A detail table follows its master: that one first. */
      if (spec->owner_column != NULL)
        {
          const IpmsColumn *owner = ipms_table_lookup_column (ipms_schema_lookup_table (spec->table),
                                                              spec->owner_column);

          for (guint i = index; owner != NULL && i > 0; i--)
            if (g_str_equal (g_array_index (priv->sections, Section, i - 1).spec->table, owner->references))
              {
                ensure_section (self, i - 1);
                break;
              }
        }

      GtkWidget *table = build_table (self, spec);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (section->group), table);
      if (IPMS_FORM_PAGE_GET_CLASS (self)->table_built != NULL)
        IPMS_FORM_PAGE_GET_CLASS (self)->table_built (self, table);
    }

  gtk_widget_set_size_request (section->group, -1, -1);
}

static int
estimate_height (IpmsFormPage          *self,
                 const IpmsFormSection *spec)
{
  const IpmsTable *table = ipms_schema_lookup_table (spec->table);
  int height = 0;

  if (!g_str_equal (spec->table, "project"))
    {
      guint n = spec->owner_column == NULL ? ipms_document_count_rows (PRIV (self)->document, spec->table) : 0;

      return MIN (TABLE_HEIGHT + (int) n * TABLE_ROW_HEIGHT, MAX_TABLE_HEIGHT);
    }

  for (const IpmsFieldSpec *field = spec->fields; field->column != NULL; field++)
    height += ipms_table_lookup_column (table, field->column)->format == IPMS_COLUMN_FORMAT_MULTILINE
              ? NOTE_HEIGHT : FIELD_HEIGHT;

  return height;
}

gboolean
ipms_form_page_build_next (IpmsFormPage *self)
{
  IpmsFormPagePrivate *priv = PRIV (self);

  g_return_val_if_fail (IPMS_IS_FORM_PAGE (self), FALSE);

  for (guint i = 0; i < priv->sections->len; i++)
    if (!g_array_index (priv->sections, Section, i).built)
      {
        ensure_section (self, i);
        return TRUE;
      }

  return FALSE;
}

static gboolean
build_rest_cb (gpointer data)
{
  IpmsFormPage *self = data;

  /* One section an idle: the main loop stays free for the user. */
  if (ipms_form_page_build_next (self))
    return G_SOURCE_CONTINUE;

  PRIV (self)->rest_idle = 0;
  return G_SOURCE_REMOVE;
}

/* Builds the sections within a screen of what is shown; the rest follow
 * one an idle once the page is up, so that Tab reaches them all. */
static gboolean
build_visible_cb (gpointer data)
{
  IpmsFormPage *self = data;
  IpmsFormPagePrivate *priv = PRIV (self);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (priv->scrolled));
  double page = gtk_adjustment_get_page_size (adjustment);

  priv->visible_idle = 0;

  for (guint i = 0; i < priv->sections->len; i++)
    {
      Section *section = &g_array_index (priv->sections, Section, i);
      graphene_rect_t bounds;

      if (section->built ||
          !gtk_widget_compute_bounds (section->group, priv->scrolled, &bounds))
        continue;

      if (bounds.origin.y < 2 * page && bounds.origin.y + bounds.size.height > -page)
        ensure_section (self, i);
    }

  if (priv->rest_idle == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    priv->rest_idle = g_idle_add_full (G_PRIORITY_LOW, build_rest_cb, self, NULL);

  return G_SOURCE_REMOVE;
}

static void
queue_build_visible (IpmsFormPage *self)
{
  IpmsFormPagePrivate *priv = PRIV (self);

  /* Not while GTK lays the page out (the adjustment changes then). */
  if (priv->visible_idle == 0)
    priv->visible_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, build_visible_cb, self, NULL);
}

static void
build (IpmsFormPage *self)
{
  IpmsFormPagePrivate *priv = PRIV (self);
  const IpmsFormSpec *spec = ipms_form_page_get_spec (self);
  GtkAdjustment *adjustment;
  int height = 0;

  g_return_if_fail (spec != NULL);

  if (spec->empty_title != NULL)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      /* Decoration: the title beside it says it all, and an icon without a
       * name reads as "GtkImage". */
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", "document-edit-symbolic",
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);
      GtkWidget *title = gtk_label_new (_(spec->empty_title));
      GtkWidget *description = gtk_label_new (_(spec->empty_description));

      gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (title), 0.0);
      gtk_widget_add_css_class (title, "title-4");
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_label_set_xalign (GTK_LABEL (description), 0.0);
      /* The text takes the card's width instead of wrapping at its own. */
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (text), title);
      gtk_box_append (GTK_BOX (text), description);
      gtk_box_append (GTK_BOX (card), icon);
      gtk_box_append (GTK_BOX (card), text);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "form-empty-state");
      priv->empty_group = card;
      gtk_box_append (GTK_BOX (priv->box), card);
    }

  priv->header_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (priv->box), priv->header_box);

  for (const IpmsFormSection *section = spec->sections; section->title != NULL; section++)
    {
      Section entry = { section, adw_preferences_group_new (), FALSE };
      int estimate = estimate_height (self, section);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (entry.group), _(section->title));
      if (section->description != NULL)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (entry.group), _(section->description));

      g_array_append_val (priv->sections, entry);
      gtk_box_append (GTK_BOX (priv->box), entry.group);

      /* What the first screen shows is there for its first frame. */
      if (height < FIRST_SCREEN_HEIGHT)
        ensure_section (self, priv->sections->len - 1);
      else
        gtk_widget_set_size_request (entry.group, -1, estimate);
      height += estimate;
    }

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (priv->scrolled));
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (queue_build_visible), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (queue_build_visible), self, G_CONNECT_SWAPPED);

  /* A reload (an import, its undo) also ends with "changes-done". */
  g_signal_connect_object (priv->document, "changes-done", G_CALLBACK (changes_done_cb), self, G_CONNECT_SWAPPED);
  update_empty_state (self);
}

void
ipms_form_page_build_all (IpmsFormPage *self)
{
  g_return_if_fail (IPMS_IS_FORM_PAGE (self));

  while (ipms_form_page_build_next (self))
    ;
}

static void
ipms_form_page_map (GtkWidget *widget)
{
  ipms_form_page_catch_up (IPMS_FORM_PAGE (widget));

  GTK_WIDGET_CLASS (ipms_form_page_parent_class)->map (widget);
}

static void
ipms_form_page_unmap (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* The window's stack hides a page without moving the focus out of it
   * (GTK 4.8): a field would keep its cursor blinking, unseen, and miss
   * its focus-out, which is when it writes what was typed. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
    gtk_root_set_focus (root, NULL);

  GTK_WIDGET_CLASS (ipms_form_page_parent_class)->unmap (widget);
}

static void
ipms_form_page_constructed (GObject *object)
{
  IpmsFormPage *self = IPMS_FORM_PAGE (object);

  G_OBJECT_CLASS (ipms_form_page_parent_class)->constructed (object);

  g_assert (IPMS_IS_DOCUMENT (PRIV (self)->document));
  build (self);
}

static void
ipms_form_page_dispose (GObject *object)
{
  IpmsFormPagePrivate *priv = PRIV (object);

  /* The rows flush what was typed last as they go, while the document is open. */
  g_clear_handle_id (&priv->visible_idle, g_source_remove);
  g_clear_handle_id (&priv->rest_idle, g_source_remove);
  adw_bin_set_child (ADW_BIN (object), NULL);
  g_clear_pointer (&priv->sections, g_array_unref);
  g_clear_pointer (&priv->fields, g_ptr_array_unref);
  g_clear_pointer (&priv->tables, g_ptr_array_unref);
  g_clear_object (&priv->document);

  G_OBJECT_CLASS (ipms_form_page_parent_class)->dispose (object);
}

static void
ipms_form_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, PRIV (object)->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_form_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      PRIV (object)->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A project field is a row of the page; another table's record is a row of
 * its table, whose owner (the objective of a key result) is selected in the
 * table above first. */
static gboolean
ipms_form_page_focus_record (IpmsRecordFocus *focus,
                             const char      *table,
                             gint64           id,
                             const char      *column)
{
  IpmsFormPage *self = IPMS_FORM_PAGE (focus);
  IpmsRecordTable *records, *master;
  const char *owner_column;
  GtkWidget *field;

  if (g_str_equal (table, "project"))
    {
      field = column != NULL ? ipms_form_page_get_field (self, column) : NULL;
      return field != NULL && gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (field)));
    }

  records = (IpmsRecordTable *) ipms_form_page_get_table (self, table);
  if (records == NULL)
    return FALSE;

  owner_column = g_object_get_data (G_OBJECT (records), "ipms-owner-column");
  master = g_object_get_data (G_OBJECT (records), "ipms-master");
  if (owner_column != NULL && master != NULL)
    {
      IpmsRecord *record = ipms_document_get_record (PRIV (self)->document, table, id);

      if (record == NULL ||
          !ipms_record_table_focus_record (master, ipms_record_get_int (record, owner_column), NULL))
        return FALSE;
    }

  return ipms_record_table_focus_record (records, id, column);
}

static void
ipms_form_page_record_focus_init (IpmsRecordFocusInterface *iface)
{
  iface->focus_record = ipms_form_page_focus_record;
}

static void
ipms_form_page_class_init (IpmsFormPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ipms_form_page_constructed;
  widget_class->map = ipms_form_page_map;
  widget_class->unmap = ipms_form_page_unmap;
  object_class->dispose = ipms_form_page_dispose;
  object_class->get_property = ipms_form_page_get_property;
  object_class->set_property = ipms_form_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipms_form_page_init (IpmsFormPage *self)
{
  IpmsFormPagePrivate *priv = PRIV (self);
  GtkWidget *clamp;

  priv->fields = g_ptr_array_new ();
  priv->tables = g_ptr_array_new ();
  priv->sections = g_array_new (FALSE, FALSE, sizeof (Section));

  priv->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (priv->box, 24);
  gtk_widget_set_margin_bottom (priv->box, 24);
  gtk_widget_set_margin_start (priv->box, 12);
  gtk_widget_set_margin_end (priv->box, 12);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), MAX_CONTENT_WIDTH);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), priv->box);

  priv->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (priv->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (priv->scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), priv->scrolled);
}
