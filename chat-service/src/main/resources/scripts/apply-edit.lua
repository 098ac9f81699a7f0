-- Writes an edit into the cached list once Kafka acknowledged it, and hands its push to every
-- chat-service instance, in one step. Only the incarnation of the chat that the edit was checked
-- against may take it: when the cache lost the chat meanwhile, a reload may have installed a
-- snapshot taken before Kafka had the edit, so the edit answers 'stale' and the client retries
-- (the retry finds the edit durable and returns it, or edits again: the same text either way).
-- An entry that left the list is stored in MySQL, where the event brings the edit: only the push.
-- KEYS: 1 chat hash, 2 messages
-- The cached replies to it quote the new text's start (ARGV[7], cut by the caller: Lua's strings
-- are bytes, and only Java knows where a character ends).
-- ARGV: 1 messageId, 2 generation, 3 text, 4 editedAt, 5 fan-out channel, 6 fan-out envelope,
--       7 excerpt, 8 the ids the new text mentions as a JSON array, or '' for none
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'stale'}
end
if (redis.call('HGET', KEYS[1], 'generation') or '0') ~= ARGV[2] then
  return {'stale'}
end
local items = redis.call('LRANGE', KEYS[2], 0, -1)
for i = #items, 1, -1 do
  if string.find(items[i], ARGV[1], 1, true) then
    local m = cjson.decode(items[i])
    if m.id == ARGV[1] then
      if m.deleted then
        return {'deleted'}
      end
      m.text = ARGV[3]
      m.editedAt = ARGV[4]
      m.mentions = (ARGV[8] ~= '') and cjson.decode(ARGV[8]) or nil
      local entry = cjson.encode(m)
      redis.call('LSET', KEYS[2], i - 1, entry)
      for j = i + 1, #items do
        if string.find(items[j], '"replyTo"', 1, true) and string.find(items[j], ARGV[1], 1, true) then
          local reply = cjson.decode(items[j])
          if type(reply.replyTo) == 'table' and reply.replyTo.id == ARGV[1] then
            reply.replyTo.excerpt = ARGV[7]
            redis.call('LSET', KEYS[2], j - 1, cjson.encode(reply))
          end
        end
      end
      redis.call('PUBLISH', ARGV[5], ARGV[6])
      return {'edited', entry}
    end
  end
end
redis.call('PUBLISH', ARGV[5], ARGV[6])
return {'trimmed'}
