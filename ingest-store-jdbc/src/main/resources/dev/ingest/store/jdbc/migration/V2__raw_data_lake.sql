-- Seed 001's raw data lake keeps two tables per account (raw_orders_<slug>, raw_activities_<slug>),
-- created on demand by RawDataLake.ensureAccount. This registry lists them, so that a later
-- migration can find and alter every one.

CREATE TABLE IF NOT EXISTS ${schema}lake_accounts (
  lake_schema  TEXT NOT NULL,
  slug         TEXT NOT NULL,
  created_at   ${timestamp} NOT NULL,
  PRIMARY KEY (lake_schema, slug)
);
