/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"

G_BEGIN_DECLS

/* Prints "METRIC PRODUCTS VALUE UNIT" on stdout, the line scripts read. */
void    ipms_bench_print_figure      (const char *metric,
                                      guint       n_products,
                                      double      value,
                                      const char *unit);
double  ipms_bench_now_ms            (void);
/* CPU time of the process: on a shared, loaded machine the wall clock
 * mostly measures the other processes. */
double  ipms_bench_cpu_ms            (void);
/* Minor page faults of the process so far: memory touched for the first
 * time. Each costs some 13 µs on the virtual machines the figures were
 * taken on, against well under 1 µs on hardware, so they tell a first
 * frame's one-time cost from its own. */
long    ipms_bench_page_faults       (void);
/* `fraction` 0.5 is the median, 1.0 the maximum. Sorts `times` (doubles). */
double  ipms_bench_percentile        (GArray     *times,
                                      double      fraction);
double  ipms_bench_median            (GArray     *times);

/* Writes "bench-N.ipms" into `dir`: `n_products` products with series, a
 * population grid and PRD rows in proportion, in one edit. Returns its
 * path. */
char   *ipms_bench_generate_project  (const char *dir,
                                      guint       n_products);

G_END_DECLS
