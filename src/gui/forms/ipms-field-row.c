/* ipms-field-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-choice-field-row.h"
#include "ipms-date-field-row.h"
#include "ipms-field-row.h"
#include "ipms-forms-util.h"
#include "ipms-note-field-row.h"
#include "ipms-reference-field-row.h"
#include "ipms-text-field-row.h"

typedef struct
{
  IpmsDocument       *document;
  char               *table_name;
  char               *column_name;
  const IpmsColumn   *column;
  IpmsFieldBinding   *binding;
  char               *help;

  GtkWidget          *box;
  GtkWidget          *title_label;
  GtkWidget          *editor_box;
  GtkWidget          *subtitle_label;
  GtkWidget          *editor;
  GtkEventController *editor_focus;

  gboolean            compact;
  gboolean            loading;
} IpmsFieldRowPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (IpmsFieldRow, ipms_field_row, ADW_TYPE_PREFERENCES_ROW)

#define PRIV(self) ((IpmsFieldRowPrivate *) ipms_field_row_get_instance_private (IPMS_FIELD_ROW (self)))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TABLE,
  PROP_COLUMN,
  PROP_RECORD,
  PROP_COMPACT,
  PROP_HELP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_subtitle (IpmsFieldRow *self)
{
  IpmsFieldRowPrivate *priv = PRIV (self);
  const char *reason = ipms_field_binding_get_invalid_reason (priv->binding);
  const char *help = priv->help != NULL ? priv->help : ipms_column_get_help (priv->column);
  const char *text = reason != NULL ? reason : help;

  gtk_label_set_text (GTK_LABEL (priv->subtitle_label), text);
  gtk_widget_set_visible (priv->subtitle_label, !priv->compact && text != NULL && text[0] != '\0');

  if (reason != NULL)
    {
      gtk_widget_add_css_class (priv->subtitle_label, "error");
      gtk_widget_remove_css_class (priv->subtitle_label, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (priv->subtitle_label, "error");
      gtk_widget_add_css_class (priv->subtitle_label, "dim-label");
    }

  /* A table cell has no room for a line of its own. Setting a tooltip,
   * even none, costs: a table sets it once per cell and binding. */
  if (priv->compact && g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self)), reason) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), reason);

  if (priv->editor != NULL)
    {
      if (reason != NULL)
        gtk_widget_add_css_class (priv->editor, "error");
      else
        gtk_widget_remove_css_class (priv->editor, "error");

      gtk_accessible_update_state (GTK_ACCESSIBLE (priv->editor),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   reason != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
      if (text != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (priv->editor),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (priv->editor),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
ipms_field_row_load (IpmsFieldRow *self)
{
  IpmsFieldRowPrivate *priv = PRIV (self);
  gboolean was_loading = priv->loading;

  g_return_if_fail (IPMS_IS_FIELD_ROW (self));

  priv->loading = TRUE;
  IPMS_FIELD_ROW_GET_CLASS (self)->load (self);
  priv->loading = was_loading;
}

gboolean
ipms_field_row_is_loading (IpmsFieldRow *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_ROW (self), FALSE);

  return PRIV (self)->loading;
}

gboolean
ipms_field_row_is_editing (IpmsFieldRow *self)
{
  IpmsFieldRowPrivate *priv = PRIV (self);

  g_return_val_if_fail (IPMS_IS_FIELD_ROW (self), FALSE);

  if (priv->editor_focus == NULL ||
      !gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (priv->editor_focus)))
    return FALSE;

  return ipms_field_binding_get_pending (priv->binding) || ipms_field_binding_get_invalid (priv->binding);
}

static void
binding_reloaded_cb (IpmsFieldRow *self)
{
  if (!ipms_field_row_is_editing (self))
    ipms_field_row_load (self);
}

/* A write that lands after the focus has gone (the typing pause in a
 * window that is not the active one, where leaving the field sent no
 * focus-out) still shows the value as stored. */
static void
binding_pending_cb (IpmsFieldRow *self)
{
  IpmsFieldRowPrivate *priv = PRIV (self);

  if (!ipms_field_binding_get_pending (priv->binding) &&
      !ipms_field_binding_get_invalid (priv->binding) &&
      priv->editor_focus != NULL &&
      !gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (priv->editor_focus)))
    ipms_field_row_load (self);
}

static void
binding_failed_cb (IpmsFieldRow *self,
                   const GError *error)
{
  /* Translators: a toast title; the reason follows */
  ipms_forms_report_error (GTK_WIDGET (self), _("Could not save the change"), error);
  ipms_field_row_load (self);
}

static void
editor_leave_cb (IpmsFieldRow *self)
{
  IpmsFieldRowPrivate *priv = PRIV (self);

  ipms_field_binding_flush (priv->binding);
  /* The value as stored: "18000000" typed reads "18,000,000" afterwards.
   * Bad input stays, marked, for the user to come back to. */
  if (!ipms_field_binding_get_invalid (priv->binding))
    ipms_field_row_load (self);
}

static gboolean
editor_key_pressed_cb (IpmsFieldRow    *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  IpmsFieldRowPrivate *priv = PRIV (self);

  if (keyval == GDK_KEY_Escape && (ipms_field_binding_get_pending (priv->binding) ||
                                   ipms_field_binding_get_invalid (priv->binding)))
    {
      /* Back to the stored value; a second Escape goes to the window. */
      ipms_field_binding_cancel (priv->binding);
      ipms_field_row_load (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

void
ipms_field_row_set_editor (IpmsFieldRow *self,
                           GtkWidget    *editor)
{
  IpmsFieldRowPrivate *priv = PRIV (self);
  GtkEventController *key;

  g_return_if_fail (IPMS_IS_FIELD_ROW (self));
  g_return_if_fail (priv->editor == NULL);

  priv->editor = editor;
  gtk_widget_set_hexpand (editor, TRUE);
  gtk_box_prepend (GTK_BOX (priv->editor_box), editor);

  gtk_accessible_update_property (GTK_ACCESSIBLE (editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ipms_column_get_label (priv->column),
                                  -1);

  priv->editor_focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (priv->editor_focus, "leave", G_CALLBACK (editor_leave_cb), self);
  gtk_widget_add_controller (editor, priv->editor_focus);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (editor_key_pressed_cb), self);
  gtk_widget_add_controller (editor, key);

  update_subtitle (self);
}

void
ipms_field_row_add_suffix (IpmsFieldRow *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (IPMS_IS_FIELD_ROW (self));

  gtk_box_append (GTK_BOX (PRIV (self)->editor_box), widget);
}

GtkWidget *
ipms_field_row_get_editor (IpmsFieldRow *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_ROW (self), NULL);

  return PRIV (self)->editor;
}

const char *
ipms_field_row_get_label (IpmsFieldRow *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_ROW (self), NULL);

  return ipms_column_get_label (PRIV (self)->column);
}

IpmsDocument *
ipms_field_row_get_document (IpmsFieldRow *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_ROW (self), NULL);

  return PRIV (self)->document;
}

const IpmsColumn *
ipms_field_row_get_column (IpmsFieldRow *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_ROW (self), NULL);

  return PRIV (self)->column;
}

IpmsFieldBinding *
ipms_field_row_get_binding (IpmsFieldRow *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_ROW (self), NULL);

  return PRIV (self)->binding;
}

IpmsRecord *
ipms_field_row_get_record (IpmsFieldRow *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_ROW (self), NULL);

  return ipms_field_binding_get_record (PRIV (self)->binding);
}

void
ipms_field_row_set_record (IpmsFieldRow *self,
                           IpmsRecord   *record)
{
  IpmsFieldRowPrivate *priv = PRIV (self);

  g_return_if_fail (IPMS_IS_FIELD_ROW (self));

  if (ipms_field_binding_get_record (priv->binding) == record)
    return;

  ipms_field_binding_set_record (priv->binding, record);
  /* A table cell is rebound at once; making it insensitive in between
   * would drop the keyboard focus without a focus-out. */
  if (!priv->compact)
    gtk_widget_set_sensitive (GTK_WIDGET (self), record != NULL);
  ipms_field_row_load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

gboolean
ipms_field_row_get_compact (IpmsFieldRow *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_ROW (self), FALSE);

  return PRIV (self)->compact;
}

void
ipms_field_row_set_compact (IpmsFieldRow *self,
                            gboolean      compact)
{
  IpmsFieldRowPrivate *priv = PRIV (self);

  g_return_if_fail (IPMS_IS_FIELD_ROW (self));

  compact = !!compact;
  if (priv->compact == compact)
    return;

  priv->compact = compact;
  gtk_widget_set_visible (priv->title_label, !compact);
  if (compact)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
      gtk_widget_set_margin_top (priv->box, 2);
      gtk_widget_set_margin_bottom (priv->box, 2);
      gtk_widget_set_margin_start (priv->box, 2);
      gtk_widget_set_margin_end (priv->box, 2);
    }
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

void
ipms_field_row_set_help (IpmsFieldRow *self,
                         const char   *help)
{
  IpmsFieldRowPrivate *priv = PRIV (self);

  g_return_if_fail (IPMS_IS_FIELD_ROW (self));

  if (g_strcmp0 (priv->help, help) == 0)
    return;

  g_free (priv->help);
  priv->help = g_strdup (help);
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELP]);
}

GtkWidget *
ipms_field_row_new (IpmsDocument *document,
                    const char   *table,
                    const char   *column)
{
  const IpmsTable *t;
  const IpmsColumn *c;
  GType type;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  t = ipms_schema_lookup_table (table);
  g_return_val_if_fail (t != NULL, NULL);
  c = ipms_table_lookup_column (t, column);
  g_return_val_if_fail (c != NULL, NULL);

  switch (c->type)
    {
    case IPMS_COLUMN_TEXT:
      type = c->format == IPMS_COLUMN_FORMAT_MULTILINE ? IPMS_TYPE_NOTE_FIELD_ROW : IPMS_TYPE_TEXT_FIELD_ROW;
      break;
    case IPMS_COLUMN_DATE:
      type = IPMS_TYPE_DATE_FIELD_ROW;
      break;
    case IPMS_COLUMN_ENUM:
      type = IPMS_TYPE_CHOICE_FIELD_ROW;
      break;
    case IPMS_COLUMN_REFERENCE:
      type = IPMS_TYPE_REFERENCE_FIELD_ROW;
      break;
    case IPMS_COLUMN_INTEGER:
    case IPMS_COLUMN_REAL:
    default:
      type = IPMS_TYPE_TEXT_FIELD_ROW;
    }

  return g_object_new (type,
                       "document", document,
                       "table", table,
                       "column", column,
                       NULL);
}

static void
ipms_field_row_constructed (GObject *object)
{
  IpmsFieldRow *self = IPMS_FIELD_ROW (object);
  IpmsFieldRowPrivate *priv = PRIV (self);
  const IpmsTable *table;

  G_OBJECT_CLASS (ipms_field_row_parent_class)->constructed (object);

  g_assert (IPMS_IS_DOCUMENT (priv->document));
  table = ipms_schema_lookup_table (priv->table_name);
  g_assert (table != NULL);
  priv->column = ipms_table_lookup_column (table, priv->column_name);
  g_assert (priv->column != NULL);

  priv->binding = ipms_field_binding_new (priv->document, priv->table_name, priv->column_name);
  g_signal_connect_object (priv->binding, "reloaded", G_CALLBACK (binding_reloaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->binding, "failed", G_CALLBACK (binding_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->binding, "notify::pending", G_CALLBACK (binding_pending_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->binding, "notify::invalid-reason", G_CALLBACK (update_subtitle), self, G_CONNECT_SWAPPED);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ipms_column_get_label (priv->column));
  gtk_label_set_text (GTK_LABEL (priv->title_label), ipms_column_get_label (priv->column));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

static void
ipms_field_row_dispose (GObject *object)
{
  IpmsFieldRowPrivate *priv = PRIV (object);

  /* Unbinding flushes: a row leaving the screen never loses an edit. */
  if (priv->binding != NULL)
    ipms_field_binding_set_record (priv->binding, NULL);
  g_clear_object (&priv->binding);
  g_clear_object (&priv->document);

  G_OBJECT_CLASS (ipms_field_row_parent_class)->dispose (object);
}

static void
ipms_field_row_finalize (GObject *object)
{
  IpmsFieldRowPrivate *priv = PRIV (object);

  g_free (priv->table_name);
  g_free (priv->column_name);
  g_free (priv->help);

  G_OBJECT_CLASS (ipms_field_row_parent_class)->finalize (object);
}

static void
ipms_field_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IpmsFieldRow *self = IPMS_FIELD_ROW (object);
  IpmsFieldRowPrivate *priv = PRIV (self);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, priv->document);
      break;

    case PROP_TABLE:
      g_value_set_string (value, priv->table_name);
      break;

    case PROP_COLUMN:
      g_value_set_string (value, priv->column_name);
      break;

    case PROP_RECORD:
      g_value_set_object (value, ipms_field_row_get_record (self));
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, priv->compact);
      break;

    case PROP_HELP:
      g_value_set_string (value, priv->help);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_field_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IpmsFieldRow *self = IPMS_FIELD_ROW (object);
  IpmsFieldRowPrivate *priv = PRIV (self);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      priv->document = g_value_dup_object (value);
      break;

    case PROP_TABLE:
      priv->table_name = g_value_dup_string (value);
      break;

    case PROP_COLUMN:
      priv->column_name = g_value_dup_string (value);
      break;

    case PROP_RECORD:
      ipms_field_row_set_record (self, g_value_get_object (value));
      break;

    case PROP_COMPACT:
      ipms_field_row_set_compact (self, g_value_get_boolean (value));
      break;

    case PROP_HELP:
      ipms_field_row_set_help (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A row is also a table's cell, where it has no GtkListBox: GTK 4.8's
 * GtkListBoxRow then fails to focus itself (a critical) when the focus
 * enters it, from Tab or from a page being shown. The focus goes to the
 * editor instead, as a click would. */
static gboolean
in_list_box (GtkWidget *widget)
{
  return GTK_IS_LIST_BOX (gtk_widget_get_parent (widget));
}

static gboolean
ipms_field_row_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  GtkWidget *focus_child;

  if (in_list_box (widget))
    return GTK_WIDGET_CLASS (ipms_field_row_parent_class)->focus (widget, direction);

  focus_child = gtk_widget_get_focus_child (widget);

  return gtk_widget_child_focus (focus_child != NULL ? focus_child : PRIV (IPMS_FIELD_ROW (widget))->box,
                                 direction);
}

static gboolean
ipms_field_row_grab_focus (GtkWidget *widget)
{
  if (in_list_box (widget))
    return GTK_WIDGET_CLASS (ipms_field_row_parent_class)->grab_focus (widget);

  return gtk_widget_grab_focus (PRIV (IPMS_FIELD_ROW (widget))->editor);
}

static void
ipms_field_row_class_init (IpmsFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->focus = ipms_field_row_focus;
  widget_class->grab_focus = ipms_field_row_grab_focus;

  object_class->constructed = ipms_field_row_constructed;
  object_class->dispose = ipms_field_row_dispose;
  object_class->finalize = ipms_field_row_finalize;
  object_class->get_property = ipms_field_row_get_property;
  object_class->set_property = ipms_field_row_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TABLE] =
    g_param_spec_string ("table", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COLUMN] =
    g_param_spec_string ("column", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, IPMS_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HELP] =
    g_param_spec_string ("help", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipms_field_row_init (IpmsFieldRow *self)
{
  IpmsFieldRowPrivate *priv = PRIV (self);

  /* The editor inside takes the focus, not the row around it. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "field-row");

  priv->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (priv->box, 8);
  gtk_widget_set_margin_bottom (priv->box, 8);
  gtk_widget_set_margin_start (priv->box, 12);
  gtk_widget_set_margin_end (priv->box, 12);

  priv->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (priv->title_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (priv->title_label), TRUE);
  gtk_widget_add_css_class (priv->title_label, "heading");
  gtk_box_append (GTK_BOX (priv->box), priv->title_label);

  priv->editor_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (priv->box), priv->editor_box);

  priv->subtitle_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (priv->subtitle_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (priv->subtitle_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (priv->subtitle_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (priv->subtitle_label, "caption");
  gtk_widget_set_visible (priv->subtitle_label, FALSE);
  gtk_box_append (GTK_BOX (priv->box), priv->subtitle_label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), priv->box);
}
