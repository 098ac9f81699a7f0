-- Takes one attempt from a bucket that allows ARGV[2] attempts at once and gives one back every
-- ARGV[1] ms (GCRA: the key holds the time, in ms, at which the bucket is full again).
-- KEYS[1] the bucket
-- Returns 0 when the attempt is allowed, else the ms until one would be (nothing is taken then).
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local full_at = tonumber(redis.call('GET', KEYS[1]) or now)
if full_at < now then
	full_at = now
end
local next_full_at = full_at + interval
local wait = next_full_at - now - burst * interval
if wait > 0 then
	return wait
end
redis.call('SET', KEYS[1], next_full_at, 'PX', next_full_at - now)
return 0
