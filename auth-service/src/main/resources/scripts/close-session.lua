-- Ends a session at once: the hash (so the token is dead) and its entry in the user's set.
-- KEYS[1] session hash, KEYS[2] the user's session set
-- ARGV[1] session key hash (set member)
local removed = redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return removed
