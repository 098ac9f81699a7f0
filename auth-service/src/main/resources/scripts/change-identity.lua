-- Changes a user's username and/or email: the new names must be free (or already this user's),
-- the old ones are released in the same step, so the old username cannot log in a moment longer
-- and nobody can grab the new one in between. The user id never changes.
-- KEYS[1] user hash, KEYS[2] old username index, KEYS[3] new username index,
-- KEYS[4] old email index, KEYS[5] new email index
-- ARGV[1] user id, ARGV[2..] the new hash as field/value pairs
local id = ARGV[1]
local function takenByOther(key)
	local owner = redis.call('GET', key)
	return owner and owner ~= id
end
if takenByOther(KEYS[3]) then
	return 'username'
end
if takenByOther(KEYS[5]) then
	return 'email'
end
if redis.call('EXISTS', KEYS[1]) == 0 then
	return 'missing'
end
if KEYS[2] ~= KEYS[3] and redis.call('GET', KEYS[2]) == id then
	redis.call('DEL', KEYS[2])
end
if KEYS[4] ~= KEYS[5] and redis.call('GET', KEYS[4]) == id then
	redis.call('DEL', KEYS[4])
end
redis.call('SET', KEYS[3], id)
redis.call('SET', KEYS[5], id)
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
return 'ok'
