-- Reads one page of a chat's cached messages in one step, so a concurrent send's trim cannot
-- shift the indexes. Returns lastSeq, the first seq held in the list, the page's seq range
-- [lo, hi], then the cached messages of that range (those at or above the first cached seq);
-- the caller fetches [lo, firstSeq - 1] from durable storage. Pending entries (appended, not yet
-- acknowledged by Kafka) are left out: nobody sees a message its sender was not told is sent.
-- KEYS: 1 chat hash, 2 messages
-- ARGV: 1 mode ('latest' | 'before' | 'after'), 2 seq (before/after), 3 limit
local lastSeq = tonumber(redis.call('HGET', KEYS[1], 'lastSeq') or '0')
local length = redis.call('LLEN', KEYS[2])
local firstSeq = lastSeq + 1
if length > 0 then
  firstSeq = tonumber(cjson.decode(redis.call('LINDEX', KEYS[2], 0)).seq)
end
local n = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local lo, hi
if ARGV[1] == 'before' then
  hi = math.min(n - 1, lastSeq)
  lo = hi - limit + 1
elseif ARGV[1] == 'after' then
  lo = n + 1
  hi = math.min(n + limit, lastSeq)
else
  hi = lastSeq
  lo = lastSeq - limit + 1
end
if lo < 1 then
  lo = 1
end
local result = {lastSeq, firstSeq, lo, hi}
if hi >= lo then
  local from = math.max(lo, firstSeq)
  if hi >= from then
    local items = redis.call('LRANGE', KEYS[2], from - firstSeq, hi - firstSeq)
    for i = 1, #items do
      if not string.find(items[i], '"pending":true', 1, true) then
        result[#result + 1] = items[i]
      end
    end
  end
end
return result
