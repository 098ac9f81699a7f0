-- Records how far MySQL holds a cached chat (persistence-service's messages-stored report); it
-- only ever rises. Returns 'leaseless' when the chat has no lease (it may be evictable now),
-- 'leased', or 'not-cached'.
-- KEYS: 1 chat hash, 2 lease
-- ARGV: 1 stored seq
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'not-cached'
end
if tonumber(ARGV[1]) > tonumber(redis.call('HGET', KEYS[1], 'storedSeq') or '0') then
  redis.call('HSET', KEYS[1], 'storedSeq', ARGV[1])
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  return 'leased'
end
return 'leaseless'
