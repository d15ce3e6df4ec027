-- Seed 001: a raw order is replaced only by a strictly newer broker updated_at.
(${new}.updated_at, ${new}.updated_at_ns) > (${old}.updated_at, ${old}.updated_at_ns)
