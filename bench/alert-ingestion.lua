-- wrk script of bench/alert-ingestion.sh: the same alerts, as Alertmanager receives them or as it sends them.
--
-- wrk -s bench/alert-ingestion.lua URL -- TARGET BATCH FINGERPRINTS RUN STARTS_AT THREADS [SECRET]
--   TARGET        alertmanager: a JSON array of postable alerts (POST /api/v2/alerts)
--                 firebreak: Alertmanager's webhook payload, version 4 (POST /api/v1/integrations/NAME/alertmanager)
--   BATCH         alerts a request; request k carries alerts k*BATCH .. k*BATCH+BATCH-1 (modulo FINGERPRINTS)
--   FINGERPRINTS  alerts in the group "BundleReverts"; alert i is instance node-i, fingerprint RUN .. %08x(i)
--   RUN           8 hex digits, a label of every alert, so each run's alerts are new
--   STARTS_AT     the alerts' startsAt (RFC 3339)
--   THREADS       wrk's --threads: each thread starts at its own share of the requests
--   SECRET        Firebreak's bearer token for the integration
--
-- Prints one line for bench/alert-ingestion.sh to read (latencies in microseconds; ok = 2xx answers):
--   RESULT requests=N ok=N non2xx=N connect=N read=N write=N timeout=N duration_us=N p50_us=N p99_us=N max_us=N
-- and, when some answer was not 2xx, the first one a thread saw: NON2XX status=N body=...

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- Per thread (wrk gives each thread its own Lua state); done() reads them with thread:get.
ok, non2xx, first_status, first_body = 0, 0, 0, ""

local requests, position = {}, 1

local function labels(run, i)
  return string.format('{"alertname":"BundleReverts","instance":"node-%d","run":"%s","severity":"critical"}', i, run)
end

local function annotations(i)
  return string.format('{"summary":"Bundle reverts on node-%d","description":"handleOps reverted on node-%d in the last 5 minutes"}',
    i, i)
end

local function generator_url(i)
  return string.format("http://prometheus.invalid/graph?g0.expr=bundle_reverts%%7Binstance%%3D%%22node-%d%%22%%7D", i)
end

local function postable_alert(run, starts_at, i)
  return string.format('{"labels":%s,"annotations":%s,"startsAt":"%s","generatorURL":"%s"}',
    labels(run, i), annotations(i), starts_at, generator_url(i))
end

local function webhook_alert(run, starts_at, i)
  return string.format('{"status":"firing","labels":%s,"annotations":%s,"startsAt":"%s",'
    .. '"endsAt":"0001-01-01T00:00:00Z","generatorURL":"%s","fingerprint":"%s%08x"}',
    labels(run, i), annotations(i), starts_at, generator_url(i), run, i)
end

-- Alertmanager's notification for group {alertname="BundleReverts"}: commonLabels are the labels every alert in it
-- shares (all of them for a single alert; the instance differs otherwise).
local function webhook(run, alerts, single)
  local common = single and labels(run, single)
    or string.format('{"alertname":"BundleReverts","run":"%s","severity":"critical"}', run)
  return '{"version":"4","groupKey":"{}:{alertname=\\"BundleReverts\\"}","status":"firing","receiver":"firebreak",'
    .. '"groupLabels":{"alertname":"BundleReverts"},"commonLabels":' .. common .. ',"commonAnnotations":{},'
    .. '"externalURL":"http://alertmanager.invalid","truncatedAlerts":0,"alerts":[' .. table.concat(alerts, ",") .. "]}"
end

local function gcd(a, b)
  while b ~= 0 do a, b = b, a % b end
  return a
end

function init(args)
  local target, batch, count = args[1], tonumber(args[2]), tonumber(args[3])
  local run, starts_at, nthreads, secret = args[4], args[5], tonumber(args[6]), args[7]
  assert(target == "alertmanager" or target == "firebreak", "target must be alertmanager or firebreak")
  local distinct = count / gcd(count, batch)
  for k = 0, distinct - 1 do
    local alerts = {}
    for j = 0, batch - 1 do
      local i = (k * batch + j) % count
      alerts[#alerts + 1] = target == "firebreak" and webhook_alert(run, starts_at, i) or postable_alert(run, starts_at, i)
    end
    local headers = { ["Content-Type"] = "application/json" }
    local body
    if target == "firebreak" then
      headers["Authorization"] = "Bearer " .. secret
      body = webhook(run, alerts, batch == 1 and (k * batch) % count or nil)
    else
      body = "[" .. table.concat(alerts, ",") .. "]"
    end
    requests[#requests + 1] = wrk.format("POST", nil, headers, body)
  end
  -- Threads start apart, so that two connections rarely send the same alert at the same moment.
  position = (id * math.floor(#requests / nthreads)) % #requests + 1
end

function request()
  local r = requests[position]
  position = position % #requests + 1
  return r
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    if non2xx == 0 then
      first_status, first_body = status, string.sub(body or "", 1, 300)
    end
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local answered, refused, sample = 0, 0, nil
  for _, thread in ipairs(threads) do
    answered = answered + thread:get("ok")
    refused = refused + thread:get("non2xx")
    if sample == nil and thread:get("non2xx") > 0 then
      sample = string.format("NON2XX status=%d body=%s", thread:get("first_status"),
        (string.gsub(thread:get("first_body"), "%s+", " ")))
    end
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d ok=%d non2xx=%d connect=%d read=%d write=%d timeout=%d duration_us=%d"
    .. " p50_us=%d p99_us=%d max_us=%d\n", summary.requests, answered, refused, e.connect, e.read, e.write,
    e.timeout, summary.duration, math.floor(latency:percentile(50)), math.floor(latency:percentile(99)),
    math.floor(latency.max)))
  if sample then io.write(sample .. "\n") end
end
