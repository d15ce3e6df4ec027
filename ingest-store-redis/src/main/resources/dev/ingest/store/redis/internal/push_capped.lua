-- Prepends values to a list, keeps the newest ARGV[1] and renews its expiry, atomically, so a
-- reader never sees the list over its cap, even with several writers.
-- KEYS[1]  the list
-- ARGV[1]  cap (1000 for market:{symbol}:trades)
-- ARGV[2]  time to live in ms, 0 for none
-- ARGV[3]  '1' when this is a retry: skip values the list already holds (each value is unique,
--          so a push that reached Redis before the connection broke is not repeated)
-- ARGV[4..] values, oldest first, so the newest ends up at the head
local cap = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
if ARGV[3] == '1' then
  for i = 4, #ARGV do
    if not redis.call('LPOS', KEYS[1], ARGV[i], 'MAXLEN', cap) then
      redis.call('LPUSH', KEYS[1], ARGV[i])
    end
  end
else
  redis.call('LPUSH', KEYS[1], unpack(ARGV, 4))
end
redis.call('LTRIM', KEYS[1], 0, cap - 1)
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return 1
