/* ipms-timeline-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-timeline-page.h"
#include "ipms-timeline-section.h"

typedef struct
{
  GtkWidget *timeline;
} IpmsTimelineSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (IpmsTimelineSection, ipms_timeline_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The kind comes from the final class, which instance init cannot see yet. */
static void
ipms_timeline_section_constructed (GObject *object)
{
  IpmsTimelineSection *self = IPMS_TIMELINE_SECTION (object);
  IpmsTimelineSectionPrivate *priv = ipms_timeline_section_get_instance_private (self);

  G_OBJECT_CLASS (ipms_timeline_section_parent_class)->constructed (object);

  priv->timeline = ipms_timeline_page_new (IPMS_TIMELINE_SECTION_GET_CLASS (self)->kind);
  gtk_widget_set_parent (priv->timeline, GTK_WIDGET (self));
}

static void
ipms_timeline_section_dispose (GObject *object)
{
  IpmsTimelineSection *self = IPMS_TIMELINE_SECTION (object);
  IpmsTimelineSectionPrivate *priv = ipms_timeline_section_get_instance_private (self);

  g_clear_pointer (&priv->timeline, gtk_widget_unparent);

  G_OBJECT_CLASS (ipms_timeline_section_parent_class)->dispose (object);
}

static void
ipms_timeline_section_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  IpmsTimelineSection *self = IPMS_TIMELINE_SECTION (object);
  IpmsTimelineSectionPrivate *priv = ipms_timeline_section_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
    case PROP_SELECTION:
      g_object_get_property (G_OBJECT (priv->timeline), pspec->name, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_timeline_section_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  IpmsTimelineSection *self = IPMS_TIMELINE_SECTION (object);
  IpmsTimelineSectionPrivate *priv = ipms_timeline_section_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
    case PROP_SELECTION:
      g_object_set_property (G_OBJECT (priv->timeline), pspec->name, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_timeline_section_class_init (IpmsTimelineSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ipms_timeline_section_constructed;
  object_class->dispose = ipms_timeline_section_dispose;
  object_class->get_property = ipms_timeline_section_get_property;
  object_class->set_property = ipms_timeline_section_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, IPMS_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipms_timeline_section_init (IpmsTimelineSection *self)
{
}

GtkWidget *
ipms_timeline_section_get_timeline (IpmsTimelineSection *self)
{
  IpmsTimelineSectionPrivate *priv;

  g_return_val_if_fail (IPMS_IS_TIMELINE_SECTION (self), NULL);

  priv = ipms_timeline_section_get_instance_private (self);
  return priv->timeline;
}
