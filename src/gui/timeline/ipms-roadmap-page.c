/* ipms-roadmap-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-roadmap-page.h"

struct _IpmsRoadmapPage
{
  IpmsTimelineSection parent_instance;
};

G_DEFINE_FINAL_TYPE (IpmsRoadmapPage, ipms_roadmap_page, IPMS_TYPE_TIMELINE_SECTION)

static void
ipms_roadmap_page_class_init (IpmsRoadmapPageClass *klass)
{
  IPMS_TIMELINE_SECTION_CLASS (klass)->kind = IPMS_TIMELINE_KIND_ROADMAP;
}

static void
ipms_roadmap_page_init (IpmsRoadmapPage *self)
{
}

GtkWidget *
ipms_roadmap_page_new (void)
{
  return g_object_new (IPMS_TYPE_ROADMAP_PAGE, NULL);
}

GtkWidget *
ipms_roadmap_page_get_timeline (IpmsRoadmapPage *self)
{
  g_return_val_if_fail (IPMS_IS_ROADMAP_PAGE (self), NULL);

  return ipms_timeline_section_get_timeline (IPMS_TIMELINE_SECTION (self));
}
