/** AssertJ entry points for the SDK's values. Stable. */
package dev.ingest.testkit.assertions;
