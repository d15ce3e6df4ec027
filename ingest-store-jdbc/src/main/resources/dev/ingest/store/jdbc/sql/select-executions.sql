SELECT e.exec_id, e.account, e.broker_order_id, e.side, e.quantity, e.price, e.executed_at,
  e.executed_at_ns, e.commission, e.commission_currency, e.exchange,
  ${instrument_columns}
FROM ${schema}executions e
JOIN ${schema}instruments i ON i.id = e.instrument_id
WHERE e.account = :account
ORDER BY e.executed_at, e.executed_at_ns, e.exec_id${collate}
