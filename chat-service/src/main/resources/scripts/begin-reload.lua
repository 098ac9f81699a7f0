-- Claims the right to reload a chat the cache lacks. The claim (a marker with a TTL) is taken
-- BEFORE persistence-service proves its consumers current and reads the snapshot, and
-- install-snapshot.lua installs only while the same claim is still there: so a snapshot is only
-- ever installed if the cache kept the chat absent and was not lost (flushed, restarted) from
-- before the proof until the install. One claim per chat at a time.
-- KEYS: 1 chat hash, 2 reload marker
-- ARGV: 1 claim token, 2 claim TTL millis
-- Returns 'cached' (nothing to do), 'claimed' or 'busy' (another reload holds the claim).
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 'cached'
end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return 'claimed'
end
return 'busy'
