i.id AS i_id, i.instrument_key AS i_instrument_key, i.symbol AS i_symbol,
  i.asset_class AS i_asset_class, i.currency AS i_currency, i.con_id AS i_con_id,
  i.exchange AS i_exchange, i.multiplier AS i_multiplier, i.expiry AS i_expiry,
  i.strike AS i_strike, i.option_right AS i_option_right, i.underlying AS i_underlying
