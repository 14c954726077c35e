#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-ui-bench.sh IPMS-UI-BENCH
#
# The UI benchmark is not a timed test; this only checks that it still runs
# on a small project and prints every figure it promises.
set -eu

output=$("$1" 60)
printf '%s\n' "$output"

status=0
for metric in open_paint_team open_paint_panorama panorama_show new_products_show \
              roadmap_show rss_all_views edit_paint undo_paint drag_frame_p90 \
              drag_frame_max bulk_undo_stall; do
  if ! printf '%s\n' "$output" | grep -Eq "^$metric 60 [0-9]+\.[0-9]+ (ms|MiB)$"; then
    echo "check-ui-bench: no figure for $metric" >&2
    status=1
  fi
done
exit $status
