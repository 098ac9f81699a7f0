-- Tombstones the sender's own message in the cached list (text emptied, deleted = true).
-- Returns 'deleted' with the tombstone, 'not-found' when the message is someone else's or not
-- acknowledged yet (pending),
-- 'not-cached' when the list does not hold it (it may be older than the list).
-- KEYS: 1 messages
-- ARGV: 1 messageId, 2 senderId
local items = redis.call('LRANGE', KEYS[1], 0, -1)
for i = #items, 1, -1 do
  if string.find(items[i], ARGV[1], 1, true) then
    local m = cjson.decode(items[i])
    if m.id == ARGV[1] then
      if m.senderId ~= ARGV[2] or m.pending then
        return {'not-found'}
      end
      m.deleted = true
      m.text = ''
      local tombstone = cjson.encode(m)
      redis.call('LSET', KEYS[1], i - 1, tombstone)
      return {'deleted', tombstone}
    end
  end
end
return {'not-cached'}
