#!/usr/bin/env bash
# tools/test.sh — install what is missing, build with sanitizers, run every test.
# Ends with a line "N passed, N failed[, N skipped]" and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh

BUILD=${LENTERA_TEST_BUILD:-_build-test}
WERROR=false
[ "${CI:-}" = "true" ] && WERROR=true

if [ ! -f "$BUILD/build.ninja" ]; then
  meson setup "$BUILD" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dwerror="$WERROR" -Dbuildtype=debug
else
  meson configure "$BUILD" -Dwerror="$WERROR" >/dev/null
fi
meson compile -C "$BUILD"

# GUI tests need a display and a session bus; the harness provides both.
status=0
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  meson test -C "$BUILD" --print-errorlogs --num-processes 2 "$@" || status=$?

# A test that aborted may have left a private cluster behind; stop it, never the user's.
pkill -f 'postgres.*lp-test-' 2>/dev/null || true

log="$BUILD/meson-logs/testlog.json"
if [ -f "$log" ]; then
  /usr/bin/python3 - "$log" <<'PY'
import json, sys
counts = {"OK": 0, "FAIL": 0, "SKIP": 0, "TIMEOUT": 0, "ERROR": 0, "EXPECTEDFAIL": 0, "UNEXPECTEDPASS": 0}
for line in open(sys.argv[1]):
    line = line.strip()
    if line:
        r = json.loads(line).get("result", "ERROR")
        counts[r] = counts.get(r, 0) + 1
passed = counts["OK"] + counts["EXPECTEDFAIL"]
failed = counts["FAIL"] + counts["TIMEOUT"] + counts["ERROR"] + counts["UNEXPECTEDPASS"]
print(f"{passed} passed, {failed} failed, {counts['SKIP']} skipped")
PY
fi
exit $status
