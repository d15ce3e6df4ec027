SELECT o.account, o.broker_order_id, o.client_order_id, o.side, o.order_type, o.quantity,
  o.filled_quantity, o.limit_price, o.stop_price, o.average_fill_price, o.status, o.time_in_force,
  o.submitted_at, o.submitted_at_ns, o.updated_at, o.updated_at_ns,
  ${instrument_columns}
FROM ${schema}orders o
JOIN ${schema}instruments i ON i.id = o.instrument_id
WHERE o.account = :account AND o.broker_order_id = :broker_order_id
