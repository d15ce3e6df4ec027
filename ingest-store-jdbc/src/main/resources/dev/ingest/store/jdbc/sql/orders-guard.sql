-- Order.supersedes in SQL: whether the incoming state ${new} replaces the stored ${old}.
-- Evaluated by the database on the locked row, so concurrent writers in any process agree.
NOT (${old}.client_order_id IS NOT DISTINCT FROM ${new}.client_order_id
     AND ${old}.instrument_id = ${new}.instrument_id
     AND ${old}.side = ${new}.side
     AND ${old}.order_type = ${new}.order_type
     AND ${old}.quantity = ${new}.quantity
     AND ${old}.filled_quantity = ${new}.filled_quantity
     AND ${old}.limit_price IS NOT DISTINCT FROM ${new}.limit_price
     AND ${old}.stop_price IS NOT DISTINCT FROM ${new}.stop_price
     AND ${old}.average_fill_price IS NOT DISTINCT FROM ${new}.average_fill_price
     AND ${old}.status = ${new}.status
     AND ${old}.time_in_force IS NOT DISTINCT FROM ${new}.time_in_force
     AND ${old}.submitted_at IS NOT DISTINCT FROM ${new}.submitted_at
     AND ${old}.submitted_at_ns IS NOT DISTINCT FROM ${new}.submitted_at_ns
     AND ${old}.updated_at = ${new}.updated_at
     AND ${old}.updated_at_ns = ${new}.updated_at_ns)
-- a live status never undoes a terminal one, whatever its timestamp says
AND NOT (${old}.status_progress = 4 AND ${new}.status_progress < 4)
-- otherwise the newer broker time wins; at equal times the further status, then the larger fill
AND ((${new}.updated_at, ${new}.updated_at_ns) > (${old}.updated_at, ${old}.updated_at_ns)
     OR ((${new}.updated_at, ${new}.updated_at_ns) = (${old}.updated_at, ${old}.updated_at_ns)
         AND (${new}.status_progress > ${old}.status_progress
              OR (${new}.status_progress = ${old}.status_progress AND ${filled_at_least}))))
