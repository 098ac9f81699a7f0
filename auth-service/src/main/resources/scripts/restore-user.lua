-- Writes back a user read through from persistence-service. Redis wins when it already knows the
-- user (it is never older than MySQL), and an index already taken is left to its owner.
-- KEYS[1] user hash, KEYS[2] username index, KEYS[3] email index
-- ARGV[1] user id, ARGV[2..] the hash as field/value pairs
if redis.call('EXISTS', KEYS[1]) == 1 then
	return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('SET', KEYS[2], ARGV[1], 'NX')
redis.call('SET', KEYS[3], ARGV[1], 'NX')
return 1
