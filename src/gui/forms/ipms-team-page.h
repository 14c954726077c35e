/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-form-page.h"

G_BEGIN_DECLS

#define IPMS_TYPE_TEAM_PAGE (ipms_team_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsTeamPage, ipms_team_page, IPMS, TEAM_PAGE, IpmsFormPage)

/* The team (铁三角): the members and their roles, with the iron triangle
 * (who holds PM, MM and CM) shown above them. */
extern const IpmsFormSpec ipms_team_spec;

G_END_DECLS
