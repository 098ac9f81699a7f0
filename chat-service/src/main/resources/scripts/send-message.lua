-- Appends one message to a chat, atomically: deduplicates by the sender's clientMessageId,
-- takes the next seq, appends it as PENDING (invisible to readers until confirm-message.lua,
-- which runs once Kafka acknowledged it), marks it read for its sender, refreshes the lease and
-- bumps the chat in every member's index. The bounded list only drops its oldest entry when that
-- one is confirmed and MySQL reported it stored (storedSeq): over the bound it grows instead.
-- Returns the status, the stored entry (for a new one only its seq: the caller holds everything
-- else it was made of, and builds the message instead of parsing it back), the chat's generation
-- (the incarnation of the chat in this cache, which the confirmation must find unchanged) and the
-- members, whom the caller fans the message out to: one round trip per send, with no read of the
-- chat before it.
-- The members' user-chats keys are named here from ARGV[10] and each member id, not passed as
-- KEYS, because the members are only known here; Carrier's Redis is one server (no cluster).
-- KEYS: 1 chat hash, 2 members, 3 messages, 4 client-ids, 5 read, 6 lease
-- ARGV: 1 chatId, 2 senderId, 3 '<senderId>:<clientMessageId>', 4 new message id, 5 text,
--       6 sentAt, 7 nowMillis, 8 leaseMillis, 9 list bound, 10 user-chats key prefix,
--       11 the quote of the message replied to as JSON, or '' for no reply,
--       12 the ids of the members it mentions as a JSON array, or '' for none,
--       13 the attachments it carries as a JSON array of attachment objects, or '' for none,
--       14 a system line's JSON ({type, userIds}), or '' for a person's message
-- A system line records a change of the members that the caller has just made: its sender is the
-- member who acted, who is no member any more when they left, so the membership check is skipped.
local system = (ARGV[14] ~= '') and cjson.decode(ARGV[14]) or nil
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'no-chat'}
end
if not system and redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 0 then
  return {'not-member'}
end
local generation = redis.call('HGET', KEYS[1], 'generation') or '0'
local members = redis.call('SMEMBERS', KEYS[2])
local existingId = redis.call('HGET', KEYS[4], ARGV[3])
if existingId then
  -- A retry: answer the stored message. Retries are recent, so search from the newest end.
  local items = redis.call('LRANGE', KEYS[3], 0, -1)
  for i = #items, 1, -1 do
    if string.find(items[i], existingId, 1, true) then
      local m = cjson.decode(items[i])
      if m.id == existingId then
        return {'existing', items[i], generation, members}
      end
    end
  end
  return {'existing-trimmed', existingId, generation, members}
end
local seq = redis.call('HINCRBY', KEYS[1], 'lastSeq', 1)
local message = cjson.encode({
  id = ARGV[4], chatId = ARGV[1], seq = seq, senderId = ARGV[2], text = ARGV[5],
  sentAt = ARGV[6], deleted = false, pending = true,
  replyTo = (ARGV[11] ~= '') and cjson.decode(ARGV[11]) or nil,
  mentions = (ARGV[12] ~= '') and cjson.decode(ARGV[12]) or nil,
  attachments = (ARGV[13] ~= '') and cjson.decode(ARGV[13]) or nil,
  system = system
})
redis.call('RPUSH', KEYS[3], message)
local stored = tonumber(redis.call('HGET', KEYS[1], 'storedSeq') or '0')
local bound = tonumber(ARGV[9])
while redis.call('LLEN', KEYS[3]) > bound do
  local oldest = cjson.decode(redis.call('LINDEX', KEYS[3], 0))
  if oldest.pending or oldest.seq > stored then
    break
  end
  redis.call('LPOP', KEYS[3])
end
redis.call('HSET', KEYS[4], ARGV[3], ARGV[4])
if redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 1 then
  redis.call('HSET', KEYS[5], ARGV[2], seq)
end
redis.call('HSET', KEYS[1], 'lastActivityAt', ARGV[7])
redis.call('SET', KEYS[6], '1', 'PX', ARGV[8])
for _, member in ipairs(members) do
  redis.call('ZADD', ARGV[10] .. member, ARGV[7], ARGV[1])
end
return {'created', seq, generation, members}
