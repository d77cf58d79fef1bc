-- One wrk scenario, configured by the environment (see run.sh):
--   AYC_BENCH_FILE    lines "text<TAB>suffix"; a request is PREFIX .. urlencode(text) .. suffix
--   AYC_BENCH_PREFIX  path before the text, e.g. "/search?q="
--   AYC_BENCH_MODE    list     - every thread walks the lines in order from its own offset (each line
--                                once per position in the rotation)
--                     zipf     - lines are ranked; line k is picked with weight 1/k (Zipf, s = 1)
--                     prefixes - each line's text is typed letter by letter: "a", "as", "ash", ...
--   AYC_BENCH_LABEL   name printed in the result line
--   AYC_BENCH_THREADS wrk's thread count (list mode spreads the threads' starting points evenly)
-- done() prints one line: RESULT|label|requests/s|p50 ms|p99 ms|requests|non-2xx|socket errors

local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}  -- requests, formatted in init()
local cumulative = {}
local next_index = 1
local mode = "list"

function init(args)
  local file = os.getenv("AYC_BENCH_FILE")
  local prefix = os.getenv("AYC_BENCH_PREFIX") or ""
  mode = os.getenv("AYC_BENCH_MODE") or "list"
  for line in io.lines(file) do
    local text, suffix = line:match("^([^\t]*)\t?(.*)$")
    if mode == "prefixes" then
      -- Character by character (UTF-8 aware): what a shopper's browser sends while typing.
      local typed = ""
      for ch in text:gmatch("[%z\1-\127\194-\244][\128-\191]*") do
        typed = typed .. ch
        if typed:match("%S$") then table.insert(paths, prefix .. urlencode(typed) .. suffix) end
      end
    else
      table.insert(paths, prefix .. urlencode(text) .. suffix)
    end
  end
  if #paths == 0 then error("no requests in " .. tostring(file)) end
  -- Whole requests built once here (wrk sets the Host header before init),
  -- so the client spends its CPU on the traffic, not on formatting it.
  for k = 1, #paths do paths[k] = wrk.format("GET", paths[k]) end
  if mode == "zipf" then
    local total = 0
    for k = 1, #paths do
      total = total + 1 / k
      cumulative[k] = total
    end
    for k = 1, #paths do cumulative[k] = cumulative[k] / total end
    math.randomseed(1000 + (tid or 0))
  else
    -- Threads start evenly spread over the rotation, so no line is asked twice
    -- before every thread has walked its share.
    local nthreads = tonumber(os.getenv("AYC_BENCH_THREADS") or "1")
    next_index = math.floor((tid or 0) * #paths / nthreads) % #paths + 1
  end
end

local function zipf_pick()
  local r = math.random()
  local lo, hi = 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < r then lo = mid + 1 else hi = mid end
  end
  return paths[lo]
end

function request()
  if mode == "zipf" then return zipf_pick() end
  local req = paths[next_index]
  next_index = next_index % #paths + 1
  return req
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT|%s|%.0f|%.2f|%.2f|%d|%d|%d\n", os.getenv("AYC_BENCH_LABEL") or "?",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
