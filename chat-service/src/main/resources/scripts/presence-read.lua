-- Whether each user has a live entry, and when each was last seen, in one read.
-- KEYS[1..n] carrier:chat:presence:<userId>, KEYS[n+1] carrier:chat:last-seen
-- ARGV[1] now (millis), ARGV[2..n+1] the user ids, in the order of KEYS
-- Returns {live count, last seen millis or ''} per user.
local answer = {}
local lastSeen = KEYS[#KEYS]
for i = 1, #KEYS - 1 do
	answer[#answer + 1] = redis.call('ZCOUNT', KEYS[i], '(' .. ARGV[1], '+inf')
	answer[#answer + 1] = redis.call('HGET', lastSeen, ARGV[i + 1]) or ''
end
return answer
