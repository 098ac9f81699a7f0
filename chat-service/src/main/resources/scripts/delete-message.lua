-- Tombstones the sender's own message in the cached list (text, quote, reactions and attachments gone,
-- deleted = true); the cached replies to it then quote a deleted message.
-- Returns 'deleted' with the tombstone, 'not-found' when the message is someone else's, a system
-- line (which says what happened to the chat, and stays) or not acknowledged yet (pending),
-- 'not-cached' when the list does not hold it (it may be older than the list).
-- KEYS: 1 messages
-- ARGV: 1 messageId, 2 senderId
local items = redis.call('LRANGE', KEYS[1], 0, -1)
for i = #items, 1, -1 do
  if string.find(items[i], ARGV[1], 1, true) then
    local m = cjson.decode(items[i])
    if m.id == ARGV[1] then
      if m.senderId ~= ARGV[2] or m.pending or m.system then
        return {'not-found'}
      end
      m.deleted = true
      m.text = ''
      m.replyTo = nil
      m.reactions = nil
      m.attachments = nil
      local tombstone = cjson.encode(m)
      redis.call('LSET', KEYS[1], i - 1, tombstone)
      for j = i + 1, #items do
        if string.find(items[j], '"replyTo"', 1, true) and string.find(items[j], ARGV[1], 1, true) then
          local reply = cjson.decode(items[j])
          if type(reply.replyTo) == 'table' and reply.replyTo.id == ARGV[1] then
            reply.replyTo.deleted = true
            reply.replyTo.excerpt = ''
            redis.call('LSET', KEYS[1], j - 1, cjson.encode(reply))
          end
        end
      end
      return {'deleted', tombstone}
    end
  end
end
return {'not-cached'}
