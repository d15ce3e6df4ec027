/**
 * The store's machinery: dialects, the table mappings and writers (row path and COPY staging path),
 * migrations, readers. No compatibility promise; left out of javadoc.
 */
package dev.ingest.store.jdbc.internal;
