SELECT id, client_order_id, status, updated_at, updated_at_ns, raw_text
FROM ${table}
ORDER BY id${collate}
