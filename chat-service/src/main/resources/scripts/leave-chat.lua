-- Removes a member from a chat and the chat from that member's index, together.
-- KEYS: 1 members, 2 user-chats of the leaver
-- ARGV: 1 chatId, 2 userId
local removed = redis.call('SREM', KEYS[1], ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[1])
return removed
