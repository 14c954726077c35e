/* ipms-export-task.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why a snapshot and not the live document in the worker: the document,
 * its records and the charts bound to it are changed by every edit on the
 * main thread, and a second SQLite connection reading the file from the
 * worker would hold a read lock that (with the rollback journal) blocks
 * every commit of the window for the whole export. A copy in memory made
 * with the backup API takes milliseconds (about 10 ms at 1,000 products),
 * shares nothing, and is what the export shows: the plan when the user
 * asked for it.
 *
 * What makes the worker safe: the render layer has no GTK; each chart,
 * slide and PRD page makes its own Pango context from
 * pango_cairo_font_map_get_default(), which is per thread (Pango ≥ 1.32.6),
 * fontconfig and cairo's font caches lock themselves, and the few lazily
 * filled tables the painters share (fonts, number units) are filled under
 * g_once.
 */

#include "config.h"

#include "ipms-export-task.h"
#include "ipms-prd-render.h"
#include "ipms-slide-export.h"

typedef enum
{
  KIND_CHART,
  KIND_DECK,
  KIND_PRDS,
} ExportKind;

struct _IpmsExportTask
{
  GObject            parent_instance;

  ExportKind         kind;
  gboolean           started;
  /* Written by the worker, read by anyone: per mille, -1 when unknown. */
  gint               per_mille;
  GCancellable      *cancellable;

  /* KIND_CHART */
  char              *chart_kind;
  GPtrArray         *property_names;   /* char* */
  GArray            *property_values;  /* GValue */
  IpmsExportOptions  options;
  /* KIND_DECK */
  gint64             baseline_id;
  gboolean           notes;
  /* KIND_PRDS */
  gint64             product_id;
};

G_DEFINE_FINAL_TYPE (IpmsExportTask, ipms_export_task, G_TYPE_OBJECT)

typedef struct
{
  IpmsDocument *snapshot;
  char         *path;
} RunData;

static void
run_data_free (RunData *data)
{
  g_clear_object (&data->snapshot);
  g_free (data->path);
  g_free (data);
}

static IpmsExportTask *
export_task_new (ExportKind kind)
{
  IpmsExportTask *self = g_object_new (IPMS_TYPE_EXPORT_TASK, NULL);

  self->kind = kind;

  return self;
}

IpmsExportTask *
ipms_export_task_new_for_chart (IpmsChart               *chart,
                                const char              *kind,
                                const IpmsExportOptions *options)
{
  IpmsExportTask *self;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_val_if_fail (IPMS_IS_CHART (chart), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = export_task_new (KIND_CHART);
  self->chart_kind = g_strdup (kind);
  self->options = *options;

  /* The chart's settings are its properties; the worker's chart gets the
   * ones that were changed. Values are copied here, on the chart's thread;
   * objects (the document) are never copied. */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (chart), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GValue value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0 ||
          g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), G_TYPE_OBJECT))
        continue;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (chart), pspec->name, &value);
      if (g_param_value_defaults (pspec, &value))
        {
          g_value_unset (&value);
          continue;
        }

      g_ptr_array_add (self->property_names, g_strdup (pspec->name));
      g_array_append_val (self->property_values, value);
    }

  return self;
}

IpmsExportTask *
ipms_export_task_new_for_deck (gint64   baseline_id,
                               gboolean notes)
{
  IpmsExportTask *self = export_task_new (KIND_DECK);

  self->baseline_id = baseline_id;
  self->notes = notes;

  return self;
}

IpmsExportTask *
ipms_export_task_new_for_prds (gint64 product_id)
{
  IpmsExportTask *self;

  g_return_val_if_fail (product_id >= 0, NULL);

  self = export_task_new (KIND_PRDS);
  self->product_id = product_id;

  return self;
}

gboolean
ipms_export_task_report (IpmsExportTask  *self,
                         guint            done,
                         guint            total,
                         GError         **error)
{
  if (self == NULL)
    return TRUE;

  g_return_val_if_fail (IPMS_IS_EXPORT_TASK (self), FALSE);

  if (total > 0)
    g_atomic_int_set (&self->per_mille, (gint) (1000.0 * MIN (done, total) / total));

  return !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

double
ipms_export_task_get_fraction (IpmsExportTask *self)
{
  gint per_mille;

  g_return_val_if_fail (IPMS_IS_EXPORT_TASK (self), -1);

  per_mille = g_atomic_int_get (&self->per_mille);

  return per_mille < 0 ? -1 : per_mille / 1000.0;
}

static gboolean
export_chart (IpmsExportTask  *self,
              IpmsDocument    *snapshot,
              const char      *path,
              GError         **error)
{
  g_autoptr(IpmsChart) chart = ipms_chart_new_for_kind (snapshot, self->chart_kind, error);

  if (chart == NULL)
    return FALSE;

  g_object_setv (G_OBJECT (chart), self->property_names->len,
                 (const char **) self->property_names->pdata,
                 (const GValue *) self->property_values->data);

  return ipms_chart_export_full (chart, path, &self->options, self, error);
}

static gboolean
export_deck (IpmsExportTask  *self,
             IpmsDocument    *snapshot,
             const char      *path,
             GError         **error)
{
  g_autoptr(IpmsSlideDeck) deck = ipms_slide_deck_new (snapshot);

  if (self->baseline_id != 0 && !ipms_slide_deck_set_baseline (deck, self->baseline_id, error))
    return FALSE;

  return ipms_slide_deck_export_pdf_full (deck, path, self->notes, self, error);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  IpmsExportTask *self = source_object;
  RunData *data = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (self->kind)
    {
    case KIND_CHART:
      ok = export_chart (self, data->snapshot, data->path, &error);
      break;
    case KIND_DECK:
      ok = export_deck (self, data->snapshot, data->path, &error);
      break;
    case KIND_PRDS:
      ok = ipms_prd_export_full (data->snapshot, self->product_id, data->path, self, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  /* The copy of the plan goes with the worker's objects, in this thread. */
  g_clear_object (&data->snapshot);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ipms_export_task_run_async (IpmsExportTask      *self,
                            IpmsDocument        *document,
                            const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  RunData *data;

  g_return_if_fail (IPMS_IS_EXPORT_TASK (self));
  g_return_if_fail (IPMS_IS_DOCUMENT (document));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (!self->started);

  self->started = TRUE;
  g_set_object (&self->cancellable, cancellable);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipms_export_task_run_async);
  /* Cancelling must not report the export ended while the worker may still
   * be putting the file in place: the worker itself returns. */
  g_task_set_return_on_cancel (task, FALSE);

  data = g_new0 (RunData, 1);
  data->path = g_strdup (path);
  data->snapshot = ipms_document_snapshot (document, &error);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  if (data->snapshot == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_run_in_thread (task, run_in_thread);
}

gboolean
ipms_export_task_run_finish (IpmsExportTask  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (IPMS_IS_EXPORT_TASK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ipms_export_task_finalize (GObject *object)
{
  IpmsExportTask *self = IPMS_EXPORT_TASK (object);

  g_clear_object (&self->cancellable);
  g_free (self->chart_kind);
  g_ptr_array_unref (self->property_names);
  g_array_unref (self->property_values);

  G_OBJECT_CLASS (ipms_export_task_parent_class)->finalize (object);
}

static void
ipms_export_task_class_init (IpmsExportTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipms_export_task_finalize;
}

static void
ipms_export_task_init (IpmsExportTask *self)
{
  self->per_mille = -1;
  self->property_names = g_ptr_array_new_with_free_func (g_free);
  self->property_values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (self->property_values, (GDestroyNotify) g_value_unset);
}
