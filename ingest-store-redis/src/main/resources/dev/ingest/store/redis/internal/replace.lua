-- Replaces a set of keys at once (an options chain with its greeks, a sentiment set) and tells
-- subscribers, so a reader sees the old set or the new one, never half of each.
-- KEYS[1]       the guard key, compared before anything is written
-- KEYS[2..n+1]  keys to set; KEYS[n+2..] keys to delete
-- ARGV[1]       '*' to skip the guard; otherwise the SHA-1 (hex) the guard key's value must have,
--               '' for absent; on a mismatch nothing is written and 0 is returned
-- ARGV[2]       n, the number of keys to set
-- ARGV[3]       channel to publish on, '' for none; ARGV[4] the message
-- ARGV[5..]     value, ttl in ms (0 for none) for each key to set
local guard = ARGV[1]
if guard ~= '*' then
  local current = redis.call('GET', KEYS[1])
  local sha = ''
  if current then
    sha = redis.sha1hex(current)
  end
  if sha ~= guard then
    return 0
  end
end
local n = tonumber(ARGV[2])
for i = 1, n do
  local value = ARGV[3 + 2 * i]
  local ttl = tonumber(ARGV[4 + 2 * i])
  if ttl > 0 then
    redis.call('SET', KEYS[1 + i], value, 'PX', ttl)
  else
    redis.call('SET', KEYS[1 + i], value)
  end
end
for i = n + 2, #KEYS do
  redis.call('DEL', KEYS[i])
end
if ARGV[3] ~= '' then
  redis.call('PUBLISH', ARGV[3], ARGV[4])
end
return 1
