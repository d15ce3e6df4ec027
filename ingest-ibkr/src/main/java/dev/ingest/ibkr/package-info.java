/**
 * Interactive Brokers over TWS's socket API, spoken natively at API server version 193 (no IB jar
 * to install): {@link dev.ingest.ibkr.IbkrConnection}, {@link dev.ingest.ibkr.IbkrBrokerApi} (seed
 * 000's account sync), {@link dev.ingest.ibkr.IbkrInstrumentRepository} (seed 003's IBKR-backed
 * instrument port) and the {@code "ibkr"} {@link dev.ingest.ibkr.IbkrBrokerProvider}. Beta.
 */
@NullMarked
package dev.ingest.ibkr;

import org.jspecify.annotations.NullMarked;
