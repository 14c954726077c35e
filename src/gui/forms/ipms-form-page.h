/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * Forms described once.
 *
 * A view of the method is an IpmsFormSpec: a list of sections, each a group
 * of fields of the project record or an editable table of one schema
 * table. Labels, choices, bounds and help come from the schema
 * (ipms-schema.c); a spec only says which columns, in which order, and
 * what to say where the schema says nothing. Adding a field is one line:
 *
 *   static const IpmsFieldSpec brand_fields[] = {
 *     { "mission" },
 *     { "vision", HELP ("Where the brand wants to be in ten years.") },
 *     { NULL }
 *   };
 *   static const IpmsFormSection five_looks_sections[] = {
 *     { TITLE ("Brand"), NULL, "project", brand_fields },
 *     { TITLE ("Competitors"), NULL, "competitor", competitor_fields, NULL,
 *       TEXT ("List the brands you meet most often…") },
 *     { NULL }
 *   };
 *   const IpmsFormSpec ipms_five_looks_spec = {
 *     "five-looks", TEXT ("Start with …"), TEXT ("… because …"), five_looks_sections,
 *   };
 *
 * (HELP, TITLE and TEXT stand for the N-underscore macro: every string of a
 * spec is marked for translation and translated when the page is built.)
 *
 * A section whose `table` is "project" is a group of IpmsFieldRows; any other
 * table is an IpmsRecordTable whose columns are the section's fields. With
 * `owner_column` set, the table shows the rows owned by the row selected in
 * the nearest table above it of the referenced table (the key results of the
 * selected objective). A field of kind IPMS_FIELD_KIND_PROGRESS in a table
 * is a read-only progress bar of its column over the `extra` column.
 *
 * A view is then a subclass of IpmsFormPage that names its spec in
 * class_init (ipms_form_page_class_set_spec()), a line in the window's
 * `sections` table naming its get_type, and a line in
 * ipms_form_specs_get_all() (ipms-form-specs.c), which the tests read to
 * check that every column of the plan is reachable from some form. A view
 * that needs more (the team's iron triangle) adds widgets with
 * ipms_form_page_add_header(), made of the same rows and tables.
 *
 * The page shows an empty state above the sections, with the spec's
 * `empty_title` and `empty_description` (what to fill in first and why),
 * while the view's tables have no rows and its multi-line fields (where the
 * analysis goes) are empty: the name, currency and years that every new
 * project has do not count.
 *
 * A page not shown does no work on an edit: it notes that it missed one
 * and brings its empty state and its class's `update` up to date when it
 * is shown again.
 *
 * Property "document" (construct-only), set by the window.
 */

typedef enum
{
  IPMS_FIELD_KIND_AUTO,      /* the widget the schema's column calls for */
  IPMS_FIELD_KIND_PROGRESS,  /* tables only: column / extra as a progress bar */
} IpmsFieldKind;

typedef struct
{
  const char    *column;
  const char    *help;      /* translatable, or NULL for the schema's help */
  IpmsFieldKind  kind;
  const char    *extra;     /* IPMS_FIELD_KIND_PROGRESS: the target column */
} IpmsFieldSpec;

typedef struct
{
  const char          *title;         /* translatable */
  const char          *description;   /* translatable or NULL */
  const char          *table;         /* "project", or the table shown as a table */
  const IpmsFieldSpec *fields;        /* ended by { NULL } */
  const char          *owner_column;  /* see above, or NULL */
  const char          *empty_text;    /* translatable: for tables, what the table is for */
} IpmsFormSection;

typedef struct
{
  const char            *id;                 /* the window's section id */
  const char            *empty_title;        /* translatable */
  const char            *empty_description;  /* translatable */
  const IpmsFormSection *sections;           /* ended by { NULL } */
} IpmsFormSpec;

#define IPMS_TYPE_FORM_PAGE (ipms_form_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (IpmsFormPage, ipms_form_page, IPMS, FORM_PAGE, AdwBin)

struct _IpmsFormPageClass
{
  AdwBinClass parent_class;

  /* A section's table was just made (when it came near the screen, or
   * was asked for): a view adds what goes with it here, so that asking
   * for the table does not build the section before it is needed. */
  void (*table_built) (IpmsFormPage *self,
                       GtkWidget    *table);
  /* Brings what the view adds (totals, a grid) up to date with the
   * document: called once a change is done while the page is shown, and
   * when it is shown again after changes it missed while hidden. */
  void (*update)      (IpmsFormPage *self);

  /*< private >*/
  const IpmsFormSpec *spec;
};

void                ipms_form_page_class_set_spec  (IpmsFormPageClass *klass,
                                                    const IpmsFormSpec *spec);
const IpmsFormSpec *ipms_form_page_get_spec        (IpmsFormPage      *self);
IpmsDocument       *ipms_form_page_get_document    (IpmsFormPage      *self);
/* Adds a widget above the spec's sections (after the empty state). */
void                ipms_form_page_add_header      (IpmsFormPage      *self,
                                                    GtkWidget         *widget);
/* The table of a section, for views and tests; NULL if not a table. */
GtkWidget          *ipms_form_page_get_table       (IpmsFormPage      *self,
                                                    const char        *table);
/* The field row of a project column, or NULL. */
GtkWidget          *ipms_form_page_get_field       (IpmsFormPage      *self,
                                                    const char        *column);
gboolean            ipms_form_page_get_is_empty    (IpmsFormPage      *self);
/* Builds every section now. A page builds the sections near the screen
 * when shown and the others in idle time; asking for a table or a field
 * builds its section. For walking every widget of a page. */
void                ipms_form_page_build_all       (IpmsFormPage      *self);
/* Builds one more section, for building a page in idle time; FALSE once
 * every section is built. */
gboolean            ipms_form_page_build_next      (IpmsFormPage      *self);
/* Brings a hidden page up to date now (see the class's `update`): for
 * what a view gives out of what it shows. */
void                ipms_form_page_catch_up        (IpmsFormPage      *self);

G_END_DECLS
