-- Paced load for bench/soak.py (wrk has no rate option and wrk2 is not packaged): each wrk thread hands out send
-- times `threads * 1000 / rate` ms apart to whichever of its connections asks next, so the total rate is `rate`
-- requests per second as long as the service keeps up. Arguments: rate, threads. The summary line comes from
-- wrk-report.lua.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } soak_timeval;
  int gettimeofday(soak_timeval *tv, void *tz);
]]
local tv = ffi.new("soak_timeval")

local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local interval, next_at

function init(args)
  interval = tonumber(args[2]) * 1000 / tonumber(args[1])
end

function delay()
  local now = now_ms()
  if next_at == nil or next_at < now - 1000 then
    -- Start, or more than a second behind (the service stalled): do not fire the backlog as a burst.
    next_at = now
  end
  next_at = next_at + interval
  return math.max(0, next_at - interval - now)
end

dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "wrk-report.lua")
