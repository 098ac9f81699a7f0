-- The sweep's check of a user whose latest expiry passed (their instance died or stalled):
-- offline once no entry is live; last seen stays the last heartbeat's time.
-- KEYS[1] carrier:chat:presence:<userId>, KEYS[2] carrier:chat:presence-online
-- ARGV[1] userId, ARGV[2] now (millis)
-- Returns 1 when this call took the user offline (exactly one sweeper announces it), else 0.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if #newest > 0 then
	redis.call('ZADD', KEYS[2], newest[2], ARGV[1])
	return 0
end
redis.call('DEL', KEYS[1])
return redis.call('ZREM', KEYS[2], ARGV[1])
