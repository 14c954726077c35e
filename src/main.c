/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
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

  /* Past a file size limit (ulimit -f) a write should fail with EFBIG,
   * which the code reports and cleans up after, rather than kill the
   * program halfway through writing a file. */
  signal (SIGXFSZ, SIG_IGN);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ipms_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
