-- wrk script shared by every row of bench/run.sh and bench/sessions.sh (through bench/load.sh).
-- Environment: WRK_METHOD (default GET), WRK_BODY (a JSON body), WRK_BODY_TEMPLATE (a JSON body in which
-- {n} becomes a value unique to this run and request: sign-up needs a new e-mail each time), WRK_RUN_ID.
-- Prints one line: requests=.. rps=.. p50_ms=.. p99_ms=.. errors=.. (errors: non-2xx/3xx answers,
-- connect/read/write errors and timeouts; an answer that is an error is not a success).
-- An unset variable and an empty one mean the same: none.
local function env(name)
  local value = os.getenv(name)
  if value == nil or value == "" then return nil end
  return value
end

wrk.method = env("WRK_METHOD") or "GET"
local body = env("WRK_BODY")
local template = env("WRK_BODY_TEMPLATE")
local run = env("WRK_RUN_ID") or "0"
if body or template then
  wrk.headers["Content-Type"] = "application/json"
end
if body then
  wrk.body = body
end

local counter = 0
if template then
  request = function()
    counter = counter + 1
    local unique = template:gsub("{n}", run .. "-" .. counter)
    return wrk.format(nil, nil, nil, unique)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors))
end
