#!/usr/bin/env bash
# tools/run.sh — install what is missing, build, start lentera-server on its embedded
# PostgreSQL with the demo school, and open the app. Ctrl+C (or closing the app) stops
# everything; the data stays for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh

BUILD=${LENTERA_BUILD:-_build}
[ -f "$BUILD/build.ninja" ] || meson setup "$BUILD" -Dbuildtype=debugoptimized
meson compile -C "$BUILD"

DATA_DIR=${LENTERA_DATA_DIR:-$PWD/$BUILD/demo-data}
PORT=${LENTERA_PORT:-8088}

cat <<MSG

  LenteraPustaka demo — server http://127.0.0.1:$PORT/  (data in $DATA_DIR)

  Demo accounts (demo data only; a production start has no accounts until
  "lentera-server --create-admin NAME"):
    admin        admin       / Admin#2026
    staff        petugas1    / Petugas#2026   (also petugas2, petugas3)
    member       siswa.andi  / Siswa#2026     (and 39 more members)

MSG

server_args=(--data-dir "$DATA_DIR" --port "$PORT" --demo-data)
client="$BUILD/client/lentera"

if [ -x "$client" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  "$BUILD/server/lentera-server" "${server_args[@]}" &
  server_pid=$!
  trap 'kill -TERM $server_pid 2>/dev/null; wait $server_pid' EXIT
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  GSETTINGS_SCHEMA_DIR="$BUILD/data" "$client" --server "http://127.0.0.1:$PORT/"
else
  [ -x "$client" ] && echo "  (no display: running the server only)"
  exec "$BUILD/server/lentera-server" "${server_args[@]}"
fi
