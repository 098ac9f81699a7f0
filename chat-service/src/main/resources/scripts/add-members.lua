-- Adds members to a group chat unless that would pass the size limit; indexes the chat for them.
-- KEYS: 1 chat hash, 2 members, 3.. user-chats of each id in ARGV[4..]
-- ARGV: 1 chatId, 2 max members, 3 nowMillis, 4.. user ids to add
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'no-chat'
end
local added = 0
for i = 4, #ARGV do
  if redis.call('SISMEMBER', KEYS[2], ARGV[i]) == 0 then
    added = added + 1
  end
end
if redis.call('SCARD', KEYS[2]) + added > tonumber(ARGV[2]) then
  return 'too-many'
end
for i = 4, #ARGV do
  redis.call('SADD', KEYS[2], ARGV[i])
  redis.call('ZADD', KEYS[i - 1], ARGV[3], ARGV[1])
end
return 'ok'
