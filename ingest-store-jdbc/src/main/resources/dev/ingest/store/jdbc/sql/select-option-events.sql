SELECT e.account, e.event_at, e.event_at_ns, e.event_type, e.quantity,
  ${instrument_columns}
FROM ${schema}option_events e
JOIN ${schema}instruments i ON i.id = e.instrument_id
WHERE e.account = :account
ORDER BY e.event_at, e.event_at_ns, i.instrument_key${collate}, e.event_type
