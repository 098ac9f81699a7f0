-- Evicts a chat whose lease is gone, atomically, only when MySQL holds every message the cache
-- acknowledged: no confirmed entry above storedSeq (the highest seq persistence-service reported
-- stored). Pending entries above it were never acknowledged and go with the chat; a confirmation
-- that comes later finds no chat and fails. A lease that came back keeps the chat.
-- KEYS: 1 lease, 2 chat hash, 3 members, 4 messages, 5 client-ids, 6 read
-- Returns 'evicted', 'leased', 'not-stored' or 'not-cached'.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 'leased'
end
if redis.call('EXISTS', KEYS[2]) == 0 then
  return 'not-cached'
end
local stored = tonumber(redis.call('HGET', KEYS[2], 'storedSeq') or '0')
local items = redis.call('LRANGE', KEYS[4], 0, -1)
for i = #items, 1, -1 do
  local m = cjson.decode(items[i])
  if m.seq <= stored then
    break
  end
  if not m.pending then
    return 'not-stored'
  end
end
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
return 'evicted'
