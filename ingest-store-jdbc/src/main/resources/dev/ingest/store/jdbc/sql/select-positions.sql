SELECT p.account, p.quantity, p.average_cost, p.market_price, p.market_value, p.as_of, p.as_of_ns,
  ${instrument_columns}
FROM ${schema}positions p
JOIN ${schema}instruments i ON i.id = p.instrument_id
WHERE p.account = :account
ORDER BY i.instrument_key${collate}
