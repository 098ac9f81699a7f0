-- Adds or takes back one person's emoji reaction on a cached message once Kafka acknowledged
-- the change, and pushes the message as it now stands to every member, in one step (so pushes
-- of concurrent reactions leave every screen with the counts Redis holds). Only the incarnation
-- the change was checked against may take it ('stale' otherwise, as for an edit). An entry with
-- no reactions left has no reactions field: Redis's Lua encodes an empty array as an object.
-- A message that left the list is stored in MySQL, where the event brings the change ('trimmed').
-- KEYS: 1 chat hash, 2 messages
-- ARGV: 1 messageId, 2 generation, 3 userId, 4 emoji, 5 '1' to add or '0' to take back,
--       6 fan-out channel, 7 fan-out envelope up to its frame
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'stale'}
end
if (redis.call('HGET', KEYS[1], 'generation') or '0') ~= ARGV[2] then
  return {'stale'}
end
local items = redis.call('LRANGE', KEYS[2], 0, -1)
for i = #items, 1, -1 do
  if string.find(items[i], ARGV[1], 1, true) then
    local m = cjson.decode(items[i])
    if m.id == ARGV[1] then
      if m.deleted then
        return {'deleted'}
      end
      local reactions = (type(m.reactions) == 'table') and m.reactions or {}
      local reaction, at = nil, nil
      for k, r in ipairs(reactions) do
        if r.emoji == ARGV[4] then
          reaction, at = r, k
        end
      end
      local position = nil
      if reaction then
        for k, user in ipairs(reaction.userIds) do
          if user == ARGV[3] then
            position = k
          end
        end
      end
      if ARGV[5] == '1' and not position then
        if not reaction then
          reaction = {emoji = ARGV[4], count = 0, userIds = {}}
          table.insert(reactions, reaction)
        end
        table.insert(reaction.userIds, ARGV[3])
        reaction.count = #reaction.userIds
      elseif ARGV[5] == '0' and position then
        table.remove(reaction.userIds, position)
        reaction.count = #reaction.userIds
        if reaction.count == 0 then
          table.remove(reactions, at)
        end
      end
      if #reactions == 0 then
        m.reactions = nil
      else
        m.reactions = reactions
      end
      local entry = cjson.encode(m)
      redis.call('LSET', KEYS[2], i - 1, entry)
      -- The push shows the message as the API does, every field present (a system line takes no
      -- reactions, so "system" is null).
      local shown = cjson.encode({
        id = m.id, chatId = m.chatId, seq = m.seq, senderId = m.senderId, text = m.text, sentAt = m.sentAt,
        deleted = m.deleted, editedAt = m.editedAt or cjson.null, replyTo = m.replyTo or cjson.null
      })
      local reactionsJson = (#reactions == 0) and '[]' or cjson.encode(reactions)
      redis.call('PUBLISH', ARGV[6], ARGV[7] .. '{"type":"message.updated","message":'
        .. string.sub(shown, 1, -2) .. ',"reactions":' .. reactionsJson
        .. ',"mentions":' .. ((type(m.mentions) == 'table') and cjson.encode(m.mentions) or '[]')
        .. ',"attachments":' .. ((type(m.attachments) == 'table') and cjson.encode(m.attachments) or '[]')
        .. ',"system":null}}')
      return {'applied', entry}
    end
  end
end
return {'trimmed'}
