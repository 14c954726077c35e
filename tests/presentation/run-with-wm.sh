#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test program with metacity managing the test's display, so that
# full screen requests are honoured (without a window manager they are not).
# Exits 77 (skipped) when metacity is not installed.
command -v metacity >/dev/null 2>&1 || { echo "1..0 # SKIP metacity is not installed"; exit 0; }
metacity --display="$DISPLAY" --sm-disable >/dev/null 2>&1 &
wm=$!
sleep 1
IPMS_TEST_WINDOW_MANAGER=1 "$@"
status=$?
kill "$wm" 2>/dev/null
wait "$wm" 2>/dev/null
exit $status
