-- Reads a chat's hash and members in one step, so a cache lost in between (FLUSHALL, a restart)
-- can never show a chat without its members, which would turn a member's request into a 404.
-- KEYS: 1 chat hash, 2 members
-- Returns {} when the chat is not cached, else {hash as field/value pairs, member ids}.
local hash = redis.call('HGETALL', KEYS[1])
if #hash == 0 then
  return {}
end
return {hash, redis.call('SMEMBERS', KEYS[2])}
