-- Installs a chat from persistence-service's snapshot, atomically, if and only if this reload's
-- claim (begin-reload.lua) still stands and the chat is still absent: it never overwrites a cached
-- chat, so it can never lower a chat's lastSeq. Leftover data keys of the chat are replaced.
-- KEYS: 1 chat hash, 2 members, 3 messages, 4 client-ids, 5 read, 6 lease, 7 reload marker,
--       8 the pair's direct key (the chat hash again for a group), 9.. user-chats per member
-- ARGV: 1 claim token, 2 snapshot JSON {id, type, name, createdAt, lastSeq, generation,
--       lastActivityAt, memberIds, messages (entry strings), clientIds, reads, hidden (chat hash
--       fields hidden:<userId> to seq)}, 3 lease millis,
--       4 '1' when direct
-- Returns 'installed', 'cached' (someone else installed it) or 'fenced' (the claim is gone).
if redis.call('GET', KEYS[7]) ~= ARGV[1] then
  return 'fenced'
end
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('DEL', KEYS[7])
  return 'cached'
end
local s = cjson.decode(ARGV[2])
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5])
redis.call('SET', KEYS[6], 'reloaded', 'PX', ARGV[3])
for _, member in ipairs(s.memberIds) do
  redis.call('SADD', KEYS[2], member)
end
for _, entry in ipairs(s.messages) do
  redis.call('RPUSH', KEYS[3], entry)
end
for key, id in pairs(s.clientIds) do
  redis.call('HSET', KEYS[4], key, id)
end
for user, seq in pairs(s.reads) do
  redis.call('HSET', KEYS[5], user, seq)
end
if ARGV[4] == '1' then
  redis.call('SET', KEYS[8], s.id, 'NX')
end
for i = 9, #KEYS do
  redis.call('ZADD', KEYS[i], 'GT', s.lastActivityAt, s.id)
end
redis.call('HSET', KEYS[1], 'id', s.id, 'type', s.type, 'name', s.name, 'createdAt', s.createdAt,
  'lastSeq', s.lastSeq, 'storedSeq', s.lastSeq, 'generation', s.generation, 'lastActivityAt', s.lastActivityAt)
if type(s.hidden) == 'table' then
  for field, seq in pairs(s.hidden) do
    redis.call('HSET', KEYS[1], field, seq)
  end
end
redis.call('DEL', KEYS[7])
return 'installed'
