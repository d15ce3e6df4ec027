SELECT id, activity_type, net_amount, execution_id, occurred_at, occurred_at_ns, raw_text
FROM ${table}
ORDER BY occurred_at, occurred_at_ns, id${collate}
