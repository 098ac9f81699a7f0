-- Moves a member's read position forward only (it keeps the max) and refreshes the lease.
-- KEYS: 1 read hash, 2 lease
-- ARGV: 1 userId, 2 seq, 3 leaseMillis
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local seq = tonumber(ARGV[2])
redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
if seq > current then
  redis.call('HSET', KEYS[1], ARGV[1], seq)
  return seq
end
return current
