-- Takes back a registration whose event Kafka did not acknowledge: the indexes only if they
-- still point to this user, then the hash.
-- KEYS[1] user hash, KEYS[2] username index, KEYS[3] email index
-- ARGV[1] user id
for i = 2, 3 do
	if redis.call('GET', KEYS[i]) == ARGV[1] then
		redis.call('DEL', KEYS[i])
	end
end
redis.call('DEL', KEYS[1])
return 'ok'
