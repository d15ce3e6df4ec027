/**
 * The TWS wire protocol at server version 193: framing ({@link
 * dev.ingest.ibkr.internal.wire.FrameReader}), allocation-light field decoding ({@link
 * dev.ingest.ibkr.internal.wire.FieldReader}, {@link dev.ingest.ibkr.internal.wire.TwsDecoder}),
 * outgoing messages ({@link dev.ingest.ibkr.internal.wire.TwsRequests}) and the wire records.
 * Internal: no compatibility promise.
 */
@NullMarked
package dev.ingest.ibkr.internal.wire;

import org.jspecify.annotations.NullMarked;
