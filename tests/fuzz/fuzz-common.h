/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdint.h>

G_BEGIN_DECLS

/* The libFuzzer entry points, defined by each target. The replay program
 * (fuzz-replay.c) calls them the same way libFuzzer does. */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* A private folder for the process's files, made once and removed at exit:
 * the targets write their documents there, never into the user's home. */
const char *fuzz_get_work_dir        (void);

/* Writes `size` bytes to `path` whole, aborting on failure (a fuzzer that
 * cannot write its input is broken, not the code under test). */
void        fuzz_write_file          (const char     *path,
                                      const void     *data,
                                      size_t          size);

/* Removes `path` and the side files SQLite may leave next to it. */
void        fuzz_remove_database     (const char     *path);

G_END_DECLS
