-- Opens a session: its hash with the idle TTL, and its entry in the user's session set. The set
-- lives as long as the longest session could, so entries of expired sessions do not pile up.
-- KEYS[1] session hash, KEYS[2] the user's session set
-- ARGV[1] user id, ARGV[2] createdAt, ARGV[3] expiresAt, ARGV[4] idle TTL ms,
-- ARGV[5] session key hash (set member), ARGV[6] absolute lifetime ms
redis.call('HSET', KEYS[1], 'userId', ARGV[1], 'createdAt', ARGV[2], 'expiresAt', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('SADD', KEYS[2], ARGV[5])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[6]) then
	redis.call('PEXPIRE', KEYS[2], ARGV[6])
end
return 'ok'
