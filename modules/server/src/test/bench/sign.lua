-- wrk script of SignatureBench: every connection is a signer; wrk's threads share the members
-- out (member i goes to thread i mod threads) and walk the initiatives one after the other, so
-- that all signers sign the same initiative at the same moment (the hot-row case).
--
--   wrk -t T -c C -d D --latency -s sign.lua URL -- COOKIES INITIATIVES T
--
-- COOKIES: one line per member, the Cookie header of their signed-in session.
-- INITIATIVES: one initiative id per line. Every (member, initiative) pair is signed at most once.
local threads, created = {}, 0

function setup(thread)
  thread:set("id", created)
  created = created + 1
  table.insert(threads, thread)
end

local cookies, initiatives = {}, {}
-- Globals, so that done() can read them from each thread.
total, sent, signed, refused = 0, 0, 0, 0

function init(args)
  local count, line_number = tonumber(args[3]), 0
  for line in io.lines(args[1]) do
    if line_number % count == id then
      table.insert(cookies, line)
    end
    line_number = line_number + 1
  end
  for line in io.lines(args[2]) do
    table.insert(initiatives, line)
  end
  total = #cookies * #initiatives
end

function request()
  if sent >= total then
    -- Every pair signed: the run is too long for the initiatives given; the bench fails on it.
    wrk.thread:stop()
    return wrk.format("GET", "/health")
  end
  local member = sent % #cookies
  local initiative = math.floor(sent / #cookies) % #initiatives
  sent = sent + 1
  return wrk.format("POST", "/reseau/api/initiatives/" .. initiatives[initiative + 1] .. "/signature",
    { ["Cookie"] = cookies[member + 1], ["X-Requested-With"] = "bench", ["Content-Length"] = "0" })
end

function response(status, headers, body)
  if status == 204 then
    signed = signed + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local all_signed, all_refused, exhausted = 0, 0, 0
  for _, thread in ipairs(threads) do
    all_signed = all_signed + thread:get("signed")
    all_refused = all_refused + thread:get("refused")
    if thread:get("sent") >= thread:get("total") then
      exhausted = exhausted + 1
    end
  end
  io.write(string.format("SIGNED %d REFUSED %d EXHAUSTED %d\n", all_signed, all_refused, exhausted))
end
