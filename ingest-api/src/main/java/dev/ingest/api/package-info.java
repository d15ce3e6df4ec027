/**
 * The SDK's entry contracts: {@link dev.ingest.api.BrokerApi} (one broker account), {@link
 * dev.ingest.api.BaseAdapter} with {@link dev.ingest.api.HistoricalJob} (a historical source), and
 * {@link dev.ingest.api.IngestListener} (metrics hook). Stable unless marked {@link
 * dev.ingest.api.Beta}.
 */
@NullMarked
package dev.ingest.api;

import org.jspecify.annotations.NullMarked;
