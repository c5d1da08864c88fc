-- wrk script of soak.sh: cycles through the URLs of a file (one a line), counts 5xx, prints one summary line.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = math.random(#paths)
  fivexx = 0
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
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
