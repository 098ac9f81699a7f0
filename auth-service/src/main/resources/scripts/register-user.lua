-- Registers a new user: both lowercase indexes and the user hash, or nothing, so two concurrent
-- signups of one name (or email) give exactly one account.
-- KEYS[1] username index, KEYS[2] email index, KEYS[3] user hash
-- ARGV[1] user id, ARGV[2..] the hash as field/value pairs
if redis.call('EXISTS', KEYS[1]) == 1 then
	return 'username'
end
if redis.call('EXISTS', KEYS[2]) == 1 then
	return 'email'
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[3], unpack(ARGV, 2))
return 'ok'
