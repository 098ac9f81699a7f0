-- Finds an acknowledged message in the cached list: the sender's own for an edit, anyone's (an
-- empty senderId) for a reply's quote or a reaction.
-- Returns 'found' with the entry and the chat's generation (the incarnation the edit must find
-- unchanged when it applies), 'not-found' when the message is someone else's, deleted, a
-- system line or not acknowledged yet (pending), 'not-cached' when the list does not hold it (it may be older than
-- the list), 'no-chat' when the chat is not cached.
-- KEYS: 1 chat hash, 2 messages
-- ARGV: 1 messageId, 2 senderId or ''
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'no-chat'}
end
local generation = redis.call('HGET', KEYS[1], 'generation') or '0'
local items = redis.call('LRANGE', KEYS[2], 0, -1)
for i = #items, 1, -1 do
  if string.find(items[i], ARGV[1], 1, true) then
    local m = cjson.decode(items[i])
    if m.id == ARGV[1] then
      if (ARGV[2] ~= '' and m.senderId ~= ARGV[2]) or m.pending or m.deleted or m.system then
        return {'not-found'}
      end
      return {'found', items[i], generation}
    end
  end
end
return {'not-cached', '', generation}
