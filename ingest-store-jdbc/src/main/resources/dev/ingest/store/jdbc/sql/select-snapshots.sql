SELECT s.account, s.as_of, s.as_of_ns, s.currency, s.net_liquidation, s.total_cash, s.buying_power
FROM ${schema}account_snapshots s
WHERE s.account = :account
ORDER BY s.as_of, s.as_of_ns
