/**
 * Contract tests as abstract JUnit 5 classes: extend one in a few lines to prove an implementation
 * behaves as the SDK promises ({@link dev.ingest.testkit.contract.BrokerRecordStoreContract},
 * {@link dev.ingest.testkit.contract.InstrumentStoreContract}, {@link
 * dev.ingest.testkit.contract.RawDataLakeContract}, {@link
 * dev.ingest.testkit.contract.MarketDataSinkContract}, {@link
 * dev.ingest.testkit.contract.BrokerApiContract}). Stable; new tests may be added in minor
 * releases.
 */
package dev.ingest.testkit.contract;
