/**
 * Configuration: {@link dev.ingest.api.config.Settings} (untyped input from maps and properties),
 * {@link dev.ingest.api.config.Secret} (redacted keys read from the environment) and {@link
 * dev.ingest.api.config.RetrySettings}. Stable.
 */
@NullMarked
package dev.ingest.api.config;

import org.jspecify.annotations.NullMarked;
