/**
 * The exception hierarchy: one place to catch from. Stable.
 *
 * <pre>
 * IngestException (abstract, unchecked)
 * ├── ConfigurationException     names the key; never echoes a secret value
 * ├── TransportException         I/O, timeout, 5xx, dropped socket: transient, retried
 * │   └── RateLimitedException   retryAfter()
 * ├── ProviderRejectedException  4xx or TWS error: status(), code(), providerMessage()
 * ├── DataValidationException    recordType(), field(), naturalKey()
 * └── StorageException           store(), operation()
 * </pre>
 */
package dev.ingest.api.error;
