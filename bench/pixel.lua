-- wrk script for the tracking pixel: each request asks for /o/<token>.gif with the next token
-- of a file (one token a line, e.g. from SELECT tracking_token FROM deliveries), as a mail
-- client would, and counts the requests it sent, so the opens stored can be compared with it.
--
--   wrk -t2 -c64 -d30s -s bench/pixel.lua http://localhost:18680 -- /tmp/tokens.txt
--
-- Used by bench/run against Casemail and against nginx (bench/nginx.conf) alike. The summary
-- it prints ("name: value" lines, latencies in ms) is what bench/bench.py reads.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line
  end
  -- Each thread starts at its own place in the list, so the threads ask for different tokens.
  next_token = 1 + (id * 7919) % #tokens
  sent = 0
  -- What a mail client sends; gzip too, so a server that compresses a GIF pays for it here.
  headers = {
    ["User-Agent"] = "Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    ["Accept"] = "image/*",
    ["Accept-Encoding"] = "gzip, deflate",
  }
end

function request()
  local token = tokens[next_token]
  next_token = next_token % #tokens + 1
  sent = sent + 1
  return wrk.format("GET", "/o/" .. token .. ".gif", headers)
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("sent")
  end
  local errors = summary.errors
  io.write(string.format("requests sent: %d\n", total))
  io.write(string.format("responses: %d\n", summary.requests))
  io.write(string.format("status errors: %d\n", errors.status))
  io.write(string.format("socket errors: %d\n",
    errors.connect + errors.read + errors.write + errors.timeout))
  io.write(string.format("requests/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d latency: %.3f\n", p, latency:percentile(p) / 1000))
  end
end
