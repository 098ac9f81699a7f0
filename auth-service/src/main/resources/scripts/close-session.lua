-- Ends a session at once: the hash (so the token is dead) and its entry in the user's set, and tells
-- every gateway in the same step, so no token cache outlives the session (docs/architecture.md,
-- "Sessions end everywhere"). Published even when the hash was already gone: a cache may hold it.
-- KEYS[1] session hash, KEYS[2] the user's session set
-- ARGV[1] session key hash (set member), ARGV[2] the sessions-ended channel
local removed = redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('PUBLISH', ARGV[2], ARGV[1])
return removed
