-- bench/reads.lua — wrk script for bench/reads-side-by-side.sh.
--
-- Copyright 2026 LenteraPustaka developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
--   wrk ... -s bench/reads.lua URL -- item     GET /api/v1/items/<random item id>
--   wrk ... -s bench/reads.lua URL -- pages    GET /api/v1/items?limit=50&offset=<0..950>
--   wrk ... -s bench/reads.lua URL -- search   GET /api/v1/items?q=<term>&limit=50
--   wrk ... -s bench/reads.lua URL -- deep     GET /api/v1/items?limit=50&offset=50000
--
-- Ids and terms as in bench/catalog.lua (bench/catalog-data.sql numbers the items).

local terms = {
  "mikroskop", "proyektor biologi", "laptop", "kamus", "hirata", "tere liye",
  "kimia", "tripod", "gitar", "ensiklopedia", "bk-0001", "lab-00042",
  "termometer fisika", "atlas sejarah", "gramedia", "rak c1",
}

local mode = "item"
local threads = {}

function setup (thread)
  thread:set ("seed", #threads + 1)
  table.insert (threads, thread)
end

function init (args)
  mode = args[1] or "item"
  run_mode = mode   -- a global, for done () to read through thread:get ()
  math.randomseed (os.time () * 1000 + (seed or 0))
end

local function escape (text)
  return (text:gsub ("[^%w%-_.~]", function (c)
    return string.format ("%%%02X", string.byte (c))
  end))
end

function request ()
  local path
  if mode == "item" then
    path = string.format ("/api/v1/items/00000000-0000-4000-8000-%012d",
                          math.random (1, 100000))
  elseif mode == "pages" then
    path = string.format ("/api/v1/items?limit=50&offset=%d", 50 * math.random (0, 19))
  elseif mode == "deep" then
    path = "/api/v1/items?limit=50&offset=50000"
  else
    path = "/api/v1/items?q=" .. escape (terms[math.random (#terms)]) .. "&limit=50"
  end
  return wrk.format ("GET", path)
end

-- One line for the script: mode, requests/s, p99 ms, mean ms, requests, non-2xx answers,
-- socket errors.
function done (summary, latency, requests)
  local errors = summary.errors
  -- init () ran in the threads: the mode is theirs, not this (main) thread's.
  local shown = threads[1] and threads[1]:get ("run_mode") or mode
  io.write (string.format ("WRK %s %.1f %.2f %.2f %d %d %d\n", shown,
                           summary.requests / (summary.duration / 1e6),
                           latency:percentile (99) / 1000, latency.mean / 1000,
                           summary.requests, errors.status,
                           errors.connect + errors.read + errors.write + errors.timeout))
end
