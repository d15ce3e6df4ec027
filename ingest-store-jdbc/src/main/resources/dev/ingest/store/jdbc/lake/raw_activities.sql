-- Seed 001's raw_activities_<slug>: append-only fills, dividends, fees, journals. For a fill seen
-- on the stream, id is the synthetic YYYYMMDDHHMMSSmmm::execution_id, so its REST twin collapses
-- onto the same row.

CREATE TABLE IF NOT EXISTS ${table} (
  id                TEXT NOT NULL PRIMARY KEY,
  activity_type     TEXT NOT NULL,
  net_amount        ${decimal},
  execution_id      TEXT,
  occurred_at       ${timestamp} NOT NULL,
  occurred_at_ns    INTEGER NOT NULL,
  raw_text          TEXT NOT NULL,
  raw_json          ${json_of_raw_text}
);

CREATE INDEX IF NOT EXISTS ${index}_time ON ${table} (occurred_at, occurred_at_ns);
