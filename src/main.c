/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ipms-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IpmsApplication) app = NULL;
  /* Set by build-aux/setup-and-run, which runs the app from the build tree
   * where the catalogues are built but not yet installed. */
  const char *localedir = g_getenv ("IPMS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ipms_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
