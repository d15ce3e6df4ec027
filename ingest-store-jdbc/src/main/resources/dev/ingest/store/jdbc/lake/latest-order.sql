SELECT updated_at, updated_at_ns
FROM ${table}
ORDER BY updated_at DESC, updated_at_ns DESC
LIMIT 1
