-- Evicts a flushed chat's cached data, atomically, unless the chat woke up meanwhile:
-- a lease that exists again means someone is using the chat and Redis is newer than MySQL.
-- KEYS[1] = carrier:chat:lease:<chatId>; KEYS[2..n] = the chat's data keys.
-- Returns 1 when the keys were deleted, 0 when the lease kept them.
if redis.call('EXISTS', KEYS[1]) == 1 then
	return 0
end
redis.call('DEL', unpack(KEYS, 2))
return 1
