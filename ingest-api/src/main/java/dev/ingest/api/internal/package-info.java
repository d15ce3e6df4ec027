/**
 * Helpers shared by the SDK's own modules: validation, Failsafe wiring, ServiceLoader plumbing,
 * listener safety. No compatibility promise; left out of javadoc.
 */
package dev.ingest.api.internal;
