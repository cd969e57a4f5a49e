-- wrk script: POST the body in RG_BODY with "Authorization: Bearer RG_KEY" and an Idempotency-Key of its own
-- per request (RG_RUN-thread-counter), as the typed client sends. Prints one machine-readable line at the end.
local key = os.getenv("RG_KEY") or ""
local run = os.getenv("RG_RUN") or "run"
local body = os.getenv("RG_BODY") or "{}"
local threads = 0
local counter = 0
id = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. key
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = run .. "-" .. id .. "-" .. counter
  return wrk.format()
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d socket_errors=%d timeouts=%d " ..
    "p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
