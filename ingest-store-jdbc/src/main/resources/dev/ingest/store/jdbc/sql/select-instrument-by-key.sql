SELECT ${instrument_columns}
FROM ${schema}instruments i
WHERE i.instrument_key = :key
