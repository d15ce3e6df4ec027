SELECT v.as_of, v.as_of_ns, v.name, v.value
FROM ${schema}account_snapshot_values v
WHERE v.account = :account
