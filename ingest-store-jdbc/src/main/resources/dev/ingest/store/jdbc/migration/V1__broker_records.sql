-- Seed 000's five record types and seed 003's instruments.
-- Decimals are ${decimal} (exact on both databases); every instant is a pair:
-- <name> to the microsecond and <name>_ns, the nanoseconds beyond it (0-999).

CREATE TABLE IF NOT EXISTS ${schema}instruments (
  id              ${id_primary_key},
  instrument_key  TEXT NOT NULL UNIQUE,
  symbol          TEXT NOT NULL,
  asset_class     TEXT NOT NULL,
  currency        TEXT NOT NULL,
  con_id          BIGINT,
  exchange        TEXT,
  multiplier      ${decimal} NOT NULL,
  expiry          ${date},
  strike          ${decimal},
  option_right    TEXT,
  underlying      TEXT
);

CREATE INDEX IF NOT EXISTS instruments_symbol ON ${schema}instruments (symbol, id);

CREATE TABLE IF NOT EXISTS ${schema}account_snapshots (
  account          TEXT NOT NULL,
  as_of            ${timestamp} NOT NULL,
  as_of_ns         INTEGER NOT NULL,
  currency         TEXT NOT NULL,
  net_liquidation  ${decimal} NOT NULL,
  total_cash       ${decimal} NOT NULL,
  buying_power     ${decimal},
  PRIMARY KEY (account, as_of, as_of_ns)
);

CREATE TABLE IF NOT EXISTS ${schema}account_snapshot_values (
  account   TEXT NOT NULL,
  as_of     ${timestamp} NOT NULL,
  as_of_ns  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  value     ${decimal} NOT NULL,
  PRIMARY KEY (account, as_of, as_of_ns, name),
  FOREIGN KEY (account, as_of, as_of_ns)
    REFERENCES ${schema}account_snapshots (account, as_of, as_of_ns)
);

CREATE TABLE IF NOT EXISTS ${schema}positions (
  account        TEXT NOT NULL,
  instrument_id  BIGINT NOT NULL REFERENCES ${schema}instruments (id),
  quantity       ${decimal} NOT NULL,
  average_cost   ${decimal},
  market_price   ${decimal},
  market_value   ${decimal},
  as_of          ${timestamp} NOT NULL,
  as_of_ns       INTEGER NOT NULL,
  revision       INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (account, instrument_id)
) ${updated_table_options};

CREATE TABLE IF NOT EXISTS ${schema}orders (
  account             TEXT NOT NULL,
  broker_order_id     TEXT NOT NULL,
  client_order_id     TEXT,
  instrument_id       BIGINT NOT NULL REFERENCES ${schema}instruments (id),
  side                TEXT NOT NULL,
  order_type          TEXT NOT NULL,
  quantity            ${decimal} NOT NULL,
  filled_quantity     ${decimal} NOT NULL,
  limit_price         ${decimal},
  stop_price          ${decimal},
  average_fill_price  ${decimal},
  status              TEXT NOT NULL,
  -- OrderStatus.progress(): 0 pending submit .. 4 terminal; the upsert guard compares it
  status_progress     INTEGER NOT NULL,
  time_in_force       TEXT,
  submitted_at        ${timestamp},
  submitted_at_ns     INTEGER,
  updated_at          ${timestamp} NOT NULL,
  updated_at_ns       INTEGER NOT NULL,
  -- 1 when inserted, +1 each time a newer broker state replaced the row
  revision            INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (account, broker_order_id)
) ${updated_table_options};

CREATE TABLE IF NOT EXISTS ${schema}executions (
  exec_id              TEXT NOT NULL PRIMARY KEY,
  account              TEXT NOT NULL,
  broker_order_id      TEXT,
  instrument_id        BIGINT NOT NULL REFERENCES ${schema}instruments (id),
  side                 TEXT NOT NULL,
  quantity             ${decimal} NOT NULL,
  price                ${decimal} NOT NULL,
  executed_at          ${timestamp} NOT NULL,
  executed_at_ns       INTEGER NOT NULL,
  commission           ${decimal},
  commission_currency  TEXT,
  exchange             TEXT
);

CREATE INDEX IF NOT EXISTS executions_account_time
  ON ${schema}executions (account, executed_at, executed_at_ns);

CREATE TABLE IF NOT EXISTS ${schema}option_events (
  account        TEXT NOT NULL,
  instrument_id  BIGINT NOT NULL REFERENCES ${schema}instruments (id),
  event_at       ${timestamp} NOT NULL,
  event_at_ns    INTEGER NOT NULL,
  event_type     TEXT NOT NULL,
  quantity       ${decimal} NOT NULL,
  PRIMARY KEY (account, instrument_id, event_at, event_at_ns, event_type)
);
