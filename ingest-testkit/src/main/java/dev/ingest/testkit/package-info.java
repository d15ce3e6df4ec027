/**
 * Test support for applications built on the SDK: {@link dev.ingest.testkit.FakeBrokerApi},
 * in-memory implementations of every store port, {@link dev.ingest.testkit.TestRecords}, {@link
 * dev.ingest.testkit.Fixtures} and {@link dev.ingest.testkit.BrokerLeakCheck}. The fakes pass the
 * same contract tests ({@code dev.ingest.testkit.contract}) as the real implementations, which is
 * why a test written against them can be trusted. Stable.
 */
package dev.ingest.testkit;
