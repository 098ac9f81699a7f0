-- Deletes a key only if it still holds the given value: releases a lock this holder owns, or
-- drops a pair's direct key that points at a chat nobody knows any more.
-- KEYS: 1 key
-- ARGV: 1 expected value
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
