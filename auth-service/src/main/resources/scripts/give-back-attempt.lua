-- Gives back one attempt that take-attempt.lua took (an attempt that turned out not to count).
-- KEYS[1] the bucket; ARGV[1] ms per attempt, as for take-attempt.lua
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local full_at = tonumber(redis.call('GET', KEYS[1]))
if not full_at then
	return 0
end
local earlier = full_at - tonumber(ARGV[1])
if earlier <= now then
	redis.call('DEL', KEYS[1])
else
	redis.call('SET', KEYS[1], earlier, 'PX', earlier - now)
end
return 1
