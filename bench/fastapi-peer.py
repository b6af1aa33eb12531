# bench/fastapi-peer.py — the catalog reads of lentera-server written the usual Python way
# (FastAPI, uvicorn, asyncpg), for bench/reads-side-by-side.sh.
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Serves, from the same database and with the same JSON fields:
#   GET /api/v1/items/{id}
#   GET /api/v1/items?q=&limit=&offset=     {"items": [...], "total", "limit", "offset"}
# An asyncpg pool, one SELECT for the page and one count(*), rows turned into dicts.
#
#   LP_PEER_DSN='postgresql:///lentera?host=/path/to/socket&user=lentera' \
#     /usr/bin/python3 bench/fastapi-peer.py
# listens on a free port of 127.0.0.1 (one uvicorn worker, no access log) and prints
# "Listening on http://127.0.0.1:PORT/". Debian: python3-fastapi python3-uvicorn
# python3-asyncpg.

import os
import socket
import sys

import asyncpg
from fastapi import FastAPI, HTTPException, Query

app = FastAPI()
pool = None

COLUMNS = """i.id, i.code, i.name, i.category_id, c.name AS category_name, i.location,
             i.stock_total, i.stock_available, i.condition, i.status, i.description,
             i.author, i.publisher, i.year, i.isbn, i.created_at, i.updated_at"""


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def item(row):
    return {
        "id": str(row["id"]),
        "code": row["code"],
        "name": row["name"],
        "category_id": str(row["category_id"]),
        "category": {"id": str(row["category_id"]), "name": row["category_name"]},
        "location": row["location"],
        "stock_total": row["stock_total"],
        "stock_available": row["stock_available"],
        "condition": row["condition"],
        "status": row["status"],
        "borrowable": row["status"] in ("available", "needs_maintenance")
        and row["stock_available"] > 0,
        "description": row["description"],
        "author": row["author"],
        "publisher": row["publisher"],
        "year": row["year"],
        "isbn": row["isbn"],
        "created_at": ts(row["created_at"]),
        "updated_at": ts(row["updated_at"]),
    }


@app.on_event("startup")
async def startup():
    global pool
    pool = await asyncpg.create_pool(os.environ["LP_PEER_DSN"], min_size=4, max_size=8)


@app.get("/api/v1/items/{item_id}")
async def get_item(item_id: str):
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            f"SELECT {COLUMNS} FROM items i JOIN categories c ON c.id = i.category_id"
            " WHERE i.id = $1::uuid", item_id)
    if row is None:
        raise HTTPException(status_code=404, detail="No such item")
    return item(row)


@app.get("/api/v1/items")
async def list_items(q: str = None, limit: int = Query(50, ge=1, le=200),
                     offset: int = Query(0, ge=0)):
    where, args = "", []
    if q:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where, args = " WHERE i.search_text ILIKE $1", [pattern]
    n = len(args)
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            f"SELECT {COLUMNS} FROM items i JOIN categories c ON c.id = i.category_id{where}"
            f" ORDER BY i.name, i.id LIMIT ${n + 1} OFFSET ${n + 2}", *args, limit, offset)
        total = await conn.fetchval(f"SELECT count(*) FROM items i{where}", *args)
    return {"items": [item(r) for r in rows], "total": total, "limit": limit, "offset": offset}


if __name__ == "__main__":
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1024)
    print(f"Listening on http://127.0.0.1:{sock.getsockname()[1]}/", flush=True)
    sys.exit(uvicorn.run(app, fd=sock.fileno(), access_log=False, log_level="warning"))
