/* ipms-merge-key.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-merge-key.h"

char *
ipms_merge_key (const char *table,
                gint64      id,
                const char *column)
{
  g_return_val_if_fail (table != NULL, NULL);

  if (column == NULL)
    return g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);

  return g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s", table, id, column);
}
