-- with several instruments on one symbol (an option root and its options), the first stored
SELECT ${instrument_columns}
FROM ${schema}instruments i
WHERE i.symbol = :symbol
ORDER BY i.id
LIMIT 1
