/**
 * Seed 003 section 5: one service ({@link dev.ingest.examples.instruments.InstrumentService}), two
 * composition roots. {@link dev.ingest.examples.instruments.LocalOnlyInstruments} wires the local
 * repository alone; {@link dev.ingest.examples.instruments.IbkrBackedInstruments} wires the IBKR
 * repository in front of it.
 */
package dev.ingest.examples.instruments;
