-- A heartbeat (or a first socket) of one user on one instance, atomically with the answer
-- "were they offline until now", so exactly one caller announces them online.
-- KEYS[1] carrier:chat:presence:<userId>  sorted set: instanceId -> expiry (epoch millis)
-- KEYS[2] carrier:chat:presence-online    sorted set: userId -> latest expiry of any entry
-- KEYS[3] carrier:chat:last-seen          hash: userId -> epoch millis of the last live moment
-- ARGV[1] userId, ARGV[2] instanceId, ARGV[3] now (millis), ARGV[4] expiry (millis)
-- Returns 1 when the user had no live entry before this one, else 0.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
local before = redis.call('ZCARD', KEYS[1])
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[2])
-- the key outlives its newest entry by a minute, so a sweep always finds what lapsed
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[1], tonumber(newest[2]) + 60000)
redis.call('ZADD', KEYS[2], 'GT', ARGV[4], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
if before == 0 then
	return 1
end
return 0
