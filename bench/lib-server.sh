# bench/lib-server.sh — sourced by the benchmark scripts: builds lentera-server (release,
# no sanitizers), makes a temporary directory, and provides start_server (a private
# cluster, loopback only; sets $url and $server_pid), psql_lentera, and a cleanup trap
# that stops the server and its cluster and deletes the directory, also on Ctrl-C.
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Needs: $top (the source tree), $build (the build directory), $pgbin, $bench_name.

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dclient=false -Dtests=true >/dev/null
fi
ninja -C "$build" server/lentera-server >/dev/null

work=$(mktemp -d /tmp/lp-$bench_name-bench-XXXXXX)
chmod 711 "$work"   # the cluster user must reach data/ inside it
data=$work/data
server_pid=

# The cluster runs as "postgres" when we are root (server/db/lp-pg-cluster.c).
as_cluster_user () {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup () {
  trap - EXIT INT TERM
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    i=0
    while kill -0 "$server_pid" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  # The server stops its cluster; make sure of it even if the server was killed.
  if [ -f "$data/pg/postmaster.pid" ]; then
    as_cluster_user "$pgbin/pg_ctl" stop -D "$data/pg" -m immediate >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Extra arguments go to lentera-server.
start_server () {
  "$build/server/lentera-server" --data-dir "$data" --address 127.0.0.1 --port 0 \
    --unsafe-fast-db "$@" >"$work/server.out" 2>"$work/server.log" &
  server_pid=$!
  i=0
  while ! grep -q '^Listening on http://' "$work/server.out" 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    [ $i -lt 1200 ] || { echo "$bench_name.sh: the server did not start" >&2; exit 1; }
    sleep 0.1
    i=$((i + 1))
  done
  url=$(sed -n 's|^Listening on \(http://[^/]*\)/.*|\1|p' "$work/server.out")
}

# Stops the server (and with it its cluster); start_server starts both again.
stop_server () {
  kill -TERM "$server_pid"
  while kill -0 "$server_pid" 2>/dev/null; do sleep 0.1; done
  server_pid=
}

psql_lentera () {
  psql -X -q -v ON_ERROR_STOP=1 -h "$data/pg" -U lentera -d lentera "$@"
}
