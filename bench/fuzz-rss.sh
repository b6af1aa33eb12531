#!/bin/sh
# bench/fuzz-rss.sh — lentera-server's memory under bad and odd input.
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts lentera-server (release build, its default 32 MB reply cache) on a private
# cluster with 100,000 items (bench/catalog-data.sql), reads its RSS idle, sends
# REQUESTS (default 16,000) fuzzed requests from 8 connections — random methods, real
# and made-up paths, percent-escapes good and broken, huge and binary query strings,
# JSON bodies valid, truncated and nested, stray headers and tokens — then reads the
# RSS again. It prints both, the budget (idle + cache + 10 MB), and the statuses seen;
# any 500, or a connection dropped without a reply, makes the script fail. (-1 counts the
# resets after a request refused before its body was read: the kernel resets a socket
# closed with unread input, which may cost the client the reply; libsoup does not
# linger.)
#
#   bench/fuzz-rss.sh
#   REQUESTS=50000 bench/fuzz-rss.sh
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench}
requests=${REQUESTS:-16000}
pgbin=/usr/lib/postgresql/15/bin
python=/usr/bin/python3

bench_name=fuzz
. "$top/bench/lib-server.sh"

rss_mb () {
  awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

start_server
psql_lentera -q -f "$top/bench/catalog-data.sql" >/dev/null
sleep 2
idle=$(rss_mb "$server_pid")

"$python" - "$url" "$requests" <<'PY'
import json, random, socket, sys, threading
from urllib.parse import urlparse

url = urlparse(sys.argv[1]); total = int(sys.argv[2]); random.seed(2026)
paths = ["/api/v1/items", "/api/v1/items/%s", "/api/v1/items/%s/availability",
         "/api/v1/categories", "/api/v1/loans", "/api/v1/loans/by-code/%s", "/api/v1/auth/login",
         "/api/v1/auth/register", "/api/v1/me", "/api/v1/complaints", "/api/v1/reports/loans",
         "/api/v1/events", "/healthz", "/api/v1/%s", "/%s", "/api/v1/items/..%%2F%s"]
junk = ["", "x", "%zz", "%00", "a" * 5000, "\u00e9", "..", "%2F%2E", "1e309", "-1",
        "00000000-0000-4000-8000-000000000000", "LP-2026-000001", "' OR 1=1 --"]
bodies = ['{}', '{"username":"%s","password":"%s"}', '[' * 200, '{"a":', '"\\u0000"',
          '{"item_id":"%s","quantity":1e99}', 'null', '\xff\xfe']
statuses = {}; lock = threading.Lock(); bad = []

def one():
    method = random.choice(["GET", "GET", "GET", "POST", "PATCH", "DELETE", "PUT", "BREW"])
    path = random.choice(paths)
    if "%s" in path:
        path = path % random.choice(junk)
    if random.random() < 0.5:
        path += "?" + "&".join("%s=%s" % (random.choice(["q", "limit", "offset", "from", "status",
                                                          "category_id", "borrowable", "zz"]),
                                           random.choice(junk + ["5", "true", "2026-13-45"]))
                               for _ in range(random.randint(1, 4)))
    body = random.choice(bodies)
    if "%s" in body:
        body = body % tuple(random.choice(junk) for _ in range(body.count("%s")))
    data = body.encode("utf-8", "surrogateescape") if method != "GET" else b""
    head = "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n" % (method, path, url.netloc)
    if random.random() < 0.3:
        head += "Authorization: Bearer %s\r\n" % random.choice(junk + ["abc" * 30])
    if random.random() < 0.2:
        head += "X-Forwarded-For: %s\r\n" % random.choice(junk + ["10.0.0.1, 1.2.3.4"])
    if data:
        head += "Content-Type: application/json\r\nContent-Length: %d\r\n" % len(data)
    return (head + "\r\n").encode("utf-8", "surrogateescape") + data

def worker(n):
    for _ in range(n):
        request = one()
        try:
            s = socket.create_connection((url.hostname, url.port), timeout=10)
            s.sendall(request)
            reply = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                reply += chunk
            s.close()
            status = int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/") else 0
            why = reply[:80]
        except ConnectionResetError as e:
            # The server refused the request before reading its body and closed; the
            # kernel resets a socket closed with unread data, and the reply may be lost.
            status, why = -1, repr(e)
        except (OSError, ValueError, IndexError) as e:
            status, why = 0, repr(e)
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
            if status == 0 or status >= 500:
                bad.append((why, len(request), request[:100]))

threads = [threading.Thread(target=worker, args=(total // 8,)) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print("statuses        " + ", ".join("%d: %d" % kv for kv in sorted(statuses.items())))
if bad:
    print("bad replies     %d" % len(bad))
    for b in bad[:5]:
        print("  %r" % (b,))
    sys.exit(1)
PY
sleep 2
after=$(rss_mb "$server_pid")
echo "requests        $requests (8 connections)"
echo "RSS idle        $idle MB"
echo "RSS after       $after MB (budget: idle + 32 MB cache + 10 MB)"
awk -v a="$after" -v i="$idle" 'BEGIN { exit !(a <= i + 42) }' || { echo "over budget" >&2; exit 1; }
