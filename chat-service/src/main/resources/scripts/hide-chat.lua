-- Records that a member hid the chat from their list (the field holds the chat's last seq then,
-- so the next message shows it again) or showed it again (ARGV[2] empty), only while the chat is
-- cached: a chat the cache lost gets it from MySQL, which had the event before this ran.
-- KEYS: 1 chat hash
-- ARGV: 1 the member's field (hidden:<userId>), 2 the seq, or '' to show the chat again
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
if ARGV[2] == '' then
  redis.call('HDEL', KEYS[1], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
return 1
