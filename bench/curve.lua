-- The throughput curve for bench/bench.py: each wrk thread counts the responses, and those with a status of 400 or
-- more, that complete in each slice of `slice_ms` after `t0_ms` (arguments: t0_ms in ms since the epoch, slice_ms),
-- and done() prints the sum over the threads as one CURVE_JSON line, slice by slice with no gap between them.
-- The summary line comes from wrk-report.lua.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } curve_timeval;
  int gettimeofday(curve_timeval *tv, void *tz);
]]
local tv = ffi.new("curve_timeval")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  t0_ms, slice_ms = tonumber(args[1]), tonumber(args[2])
  counts, errors = {}, {}
end

function response(status, headers, body)
  ffi.C.gettimeofday(tv, nil)
  local i = math.floor((tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000 - t0_ms) / slice_ms) + 1
  counts[i] = (counts[i] or 0) + 1
  if status >= 400 then
    errors[i] = (errors[i] or 0) + 1
  end
end

dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "wrk-report.lua")
local summary_done = done

done = function(summary, latency, requests)
  local total_counts, total_errors, last = {}, {}, 0
  for _, thread in ipairs(threads) do
    for i, n in pairs(thread:get("counts")) do
      total_counts[i] = (total_counts[i] or 0) + n
      if i > last then last = i end
    end
    for i, n in pairs(thread:get("errors")) do
      total_errors[i] = (total_errors[i] or 0) + n
    end
  end
  local parts = {}
  for i = 1, last do
    table.insert(parts, string.format("[%d,%d]", total_counts[i] or 0, total_errors[i] or 0))
  end
  io.write("CURVE_JSON [" .. table.concat(parts, ",") .. "]\n")
  summary_done(summary, latency, requests)
end
