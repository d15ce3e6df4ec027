/**
 * Store ports: {@link dev.ingest.api.store.BrokerRecordStore} (seed 000's records), {@link
 * dev.ingest.api.store.InstrumentStore} (seed 003), {@link dev.ingest.api.store.RawDataLake} (seed
 * 001) and {@link dev.ingest.api.store.MarketDataSink} (seed 002). Provider modules never see SQL
 * or Redis; store modules never see a provider. Stable.
 */
@NullMarked
package dev.ingest.api.store;

import org.jspecify.annotations.NullMarked;
