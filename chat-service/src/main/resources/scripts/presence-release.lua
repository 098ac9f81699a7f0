-- The user's last socket on this instance closed: its entry goes at once, and when no
-- other instance holds a live one the user is offline, seen last now.
-- KEYS and ARGV[1..3] as presence-refresh.lua.
-- Returns 1 when this call took the user offline (exactly one caller announces it), else 0.
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
if redis.call('ZCARD', KEYS[1]) > 0 then
	return 0
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
return redis.call('ZREM', KEYS[2], ARGV[1])
