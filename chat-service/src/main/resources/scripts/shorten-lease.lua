-- Shortens a lease to the logout grace, never lengthens it, and never revives an expired one.
-- KEYS: 1 lease
-- ARGV: 1 graceMillis
local ttl = redis.call('PTTL', KEYS[1])
if ttl > tonumber(ARGV[1]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  return 1
end
return 0
