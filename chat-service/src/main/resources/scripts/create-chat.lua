-- Creates a chat with its members, lease and index entries in one step. For a direct chat the
-- pair's key is claimed in the same step (SET NX semantics), so two racing creates of the same
-- pair, on any instances, end with one chat: the loser learns the winner's id.
-- KEYS: 1 chat hash, 2 members, 3 lease, 4 direct key (ignored for groups), 5.. user-chats per member
-- ARGV: 1 chatId, 2 type, 3 name, 4 createdAt, 5 nowMillis, 6 leaseMillis, 7 '1' if direct, 8.. member ids
if ARGV[7] == '1' then
  local existing = redis.call('GET', KEYS[4])
  if existing then
    return {'exists', existing}
  end
  redis.call('SET', KEYS[4], ARGV[1])
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'type', ARGV[2], 'name', ARGV[3], 'createdAt', ARGV[4],
  'lastSeq', 0, 'lastActivityAt', ARGV[5])
for i = 8, #ARGV do
  redis.call('SADD', KEYS[2], ARGV[i])
end
redis.call('SET', KEYS[3], '1', 'PX', ARGV[6])
for i = 5, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[5], ARGV[1])
end
return {'created', ARGV[1]}
