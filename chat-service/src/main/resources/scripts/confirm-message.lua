-- Makes an appended message visible once Kafka acknowledged it, and hands its push to every
-- chat-service instance, in one step. Only the incarnation of the chat that handed out the seq
-- may confirm it: when the cache lost the chat meanwhile (evicted, flushed, Redis restarted) the
-- chat is gone or has another generation, the seq may have been handed out again, and the send
-- must not be acknowledged ('stale'; the client retries with the same clientMessageId).
-- KEYS: 1 chat hash, 2 messages
-- ARGV: 1 message id, 2 seq, 3 generation, 4 fan-out channel, 5 fan-out envelope
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'stale'
end
if (redis.call('HGET', KEYS[1], 'generation') or '0') ~= ARGV[3] then
  return 'stale'
end
local first = redis.call('LINDEX', KEYS[2], 0)
if not first then
  return 'stale'
end
local firstSeq = cjson.decode(first).seq
local index = tonumber(ARGV[2]) - firstSeq
if index < 0 then
  -- the entry left the list, which only a confirmed and stored message does
  redis.call('PUBLISH', ARGV[4], ARGV[5])
  return 'confirmed'
end
local item = redis.call('LINDEX', KEYS[2], index)
if not item or not string.find(item, ARGV[1], 1, true) then
  return 'stale'
end
local m = cjson.decode(item)
if m.id ~= ARGV[1] then
  return 'stale'
end
if m.pending then
  m.pending = nil
  redis.call('LSET', KEYS[2], index, cjson.encode(m))
end
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 'confirmed'
