SELECT occurred_at, occurred_at_ns
FROM ${table}
ORDER BY occurred_at DESC, occurred_at_ns DESC
LIMIT 1
