-- wrk script: cycles through the paths given after "--" (or requests the URL's own path) and prints one
-- machine-readable line with the rate and latency percentiles, plus how many answers were not 2xx/3xx.
local paths = {}
local next_path = 1

function init(args)
  for _, path in ipairs(args) do
    table.insert(paths, path)
  end
end

function request()
  if #paths == 0 then
    return wrk.format()
  end
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d bytes=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.bytes))
end
