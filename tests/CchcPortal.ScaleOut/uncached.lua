-- wrk script of run.sh: cycles through the URLs of a file (one a line, each with a query string) and makes every
-- request a distinct URL (a counter appended), so each one misses the output cache and is rendered: the work that
-- more nodes share out. Prints "SOAK requests 5xx p50 p99 socket-errors" as tests/CchcPortal.Benchmarks/soak.lua.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = 0
  fivexx = 0
end

function request()
  i = i + 1
  return wrk.format("GET", paths[i % #paths + 1] .. "&n=" .. id .. "-" .. i)
end

function response(status, headers, body)
  if status >= 500 then fivexx = fivexx + 1 end
end

function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + (t:get("fivexx") or 0) end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("SOAK %d %d %.1f %.1f %d\n", summary.requests, n,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, socket))
end
