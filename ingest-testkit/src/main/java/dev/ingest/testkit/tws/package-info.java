/**
 * A fake TWS / IB Gateway for tests: {@link dev.ingest.testkit.tws.FakeTwsGateway}, a loopback
 * socket server speaking the TWS API at server version 193, scripted from code ({@link
 * dev.ingest.testkit.tws.TwsContract}, {@link dev.ingest.testkit.tws.TwsOrder}, {@link
 * dev.ingest.testkit.tws.TwsExecution}, {@link dev.ingest.testkit.tws.TwsContractDetails}) or from
 * a recorded {@link dev.ingest.testkit.tws.TwsTranscript}. Beta.
 */
@NullMarked
package dev.ingest.testkit.tws;

import org.jspecify.annotations.NullMarked;
