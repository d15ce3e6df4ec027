-- Position.sameHolding in SQL: a position is rewritten only when the holding changed
-- (the report time alone is not a change).
NOT (${old}.quantity = ${new}.quantity
     AND ${old}.average_cost IS NOT DISTINCT FROM ${new}.average_cost
     AND ${old}.market_price IS NOT DISTINCT FROM ${new}.market_price
     AND ${old}.market_value IS NOT DISTINCT FROM ${new}.market_value)
