-- Seed 001's raw_orders_<slug>: the latest broker state of each order. raw_text is the payload
-- byte-for-byte; raw_json is derived from it for queries (PostgreSQL JSONB normalizes whitespace
-- and key order, so it cannot be the copy we return).

CREATE TABLE IF NOT EXISTS ${table} (
  id               TEXT NOT NULL PRIMARY KEY,
  client_order_id  TEXT,
  status           TEXT NOT NULL,
  updated_at       ${timestamp} NOT NULL,
  updated_at_ns    INTEGER NOT NULL,
  raw_text         TEXT NOT NULL,
  raw_json         ${json_of_raw_text},
  revision         INTEGER NOT NULL DEFAULT 1
);
