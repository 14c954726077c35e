/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-record.h"

G_BEGIN_DECLS

/* The entity types, one per table of ipms-schema.c (see ipms-record.h). */
#define IPMS_ENTITY_TYPE(table) (ipms_record_type_for_table (ipms_schema_lookup_table (table)))

#define IPMS_TYPE_PROJECT            IPMS_ENTITY_TYPE ("project")
#define IPMS_TYPE_GRADE              IPMS_ENTITY_TYPE ("grade")
#define IPMS_TYPE_MEMBER             IPMS_ENTITY_TYPE ("member")
#define IPMS_TYPE_AXIS_ITEM          IPMS_ENTITY_TYPE ("axis_item")
#define IPMS_TYPE_SEGMENT            IPMS_ENTITY_TYPE ("segment")
#define IPMS_TYPE_NEED               IPMS_ENTITY_TYPE ("need")
#define IPMS_TYPE_SERIES             IPMS_ENTITY_TYPE ("series")
#define IPMS_TYPE_SERIES_SEGMENT     IPMS_ENTITY_TYPE ("series_segment")
#define IPMS_TYPE_PRODUCT            IPMS_ENTITY_TYPE ("product")
#define IPMS_TYPE_PRODUCT_COMPETITOR IPMS_ENTITY_TYPE ("product_competitor")
#define IPMS_TYPE_PRODUCT_SPEC       IPMS_ENTITY_TYPE ("product_spec")
#define IPMS_TYPE_CERTIFICATION      IPMS_ENTITY_TYPE ("certification")
#define IPMS_TYPE_FAQ                IPMS_ENTITY_TYPE ("faq")
#define IPMS_TYPE_BOX_ITEM           IPMS_ENTITY_TYPE ("box_item")
#define IPMS_TYPE_COMPETITOR         IPMS_ENTITY_TYPE ("competitor")
#define IPMS_TYPE_GAP                IPMS_ENTITY_TYPE ("gap")
#define IPMS_TYPE_INITIATIVE         IPMS_ENTITY_TYPE ("initiative")
#define IPMS_TYPE_OBJECTIVE          IPMS_ENTITY_TYPE ("objective")
#define IPMS_TYPE_KEY_RESULT         IPMS_ENTITY_TYPE ("key_result")
#define IPMS_TYPE_REVIEW             IPMS_ENTITY_TYPE ("review")
#define IPMS_TYPE_REGION             IPMS_ENTITY_TYPE ("region")
#define IPMS_TYPE_SUPPLIER           IPMS_ENTITY_TYPE ("supplier")
#define IPMS_TYPE_CHANNEL            IPMS_ENTITY_TYPE ("channel")
#define IPMS_TYPE_YEARLY_TARGET      IPMS_ENTITY_TYPE ("yearly_target")
#define IPMS_TYPE_CAMPAIGN           IPMS_ENTITY_TYPE ("campaign")
#define IPMS_TYPE_PLAN_LINE          IPMS_ENTITY_TYPE ("plan_line")
#define IPMS_TYPE_SUB_CATEGORY       IPMS_ENTITY_TYPE ("sub_category")
#define IPMS_TYPE_PRICE_BAND         IPMS_ENTITY_TYPE ("price_band")
#define IPMS_TYPE_DECK_SLIDE         IPMS_ENTITY_TYPE ("deck_slide")

G_END_DECLS
