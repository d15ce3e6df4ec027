// The peer of ingest-benchmarks' TwsDecodeBenchmark: @stoqey/ib decoding a recorded TWS byte
// stream through its own receive path (Socket.onData: framing and UTF-8 split, then Decoder:
// fields to event objects), fed in 64 KiB chunks as TCP would deliver them. Nothing is sent.
//
//   node decode-bench.js <stream file> <expected frames>
// prints "ready <frames> <events>" after one checked pass, then for each "run" line on stdin
// decodes the whole stream once and prints "done <frames>"; "quit" (or EOF) ends it.
"use strict";

const fs = require("fs");
const readline = require("readline");
const { Decoder } = require("@stoqey/ib/dist/core/io/decoder");
const { Socket } = require("@stoqey/ib/dist/core/io/socket");

const stream = fs.readFileSync(process.argv[2]);
const expectedFrames = Number(process.argv[3]);
const CHUNK = 64 * 1024;

let frames = 0;
let events = 0;
let errors = [];

const callbacks = {
  get serverVersion() {
    return 193;
  },
  emitEvent: () => {
    events++;
  },
  emitInfo: () => {
    events++;
  },
  emitError: (message, code) => {
    errors.push(code + " " + message);
  },
};
const decoder = new Decoder(callbacks);
const controller = {
  pause() {},
  resume() {},
  emitEvent() {},
  emitError(message, code) {
    errors.push(code + " " + message);
  },
  onMessage(tokens) {
    frames++;
    decoder.enqueueMessage(tokens);
  },
  processIngressQueue() {
    decoder.process();
  },
};
const socket = new Socket(controller, {});
socket.neverReceived = false; // the version answer is not part of the recorded stream
socket._serverVersion = 193;

function decodeOnce() {
  frames = 0;
  for (let at = 0; at < stream.length; at += CHUNK) {
    socket.onData(stream.subarray(at, Math.min(at + CHUNK, stream.length)));
  }
  return frames;
}

decodeOnce();
if (errors.length > 0 || frames !== expectedFrames) {
  process.stdout.write(
    "error frames=" + frames + " expected=" + expectedFrames + " " + errors.slice(0, 3).join("; ") + "\n");
  process.exit(1);
}
process.stdout.write("ready " + frames + " " + events + "\n");

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line === "run") {
    process.stdout.write("done " + decodeOnce() + "\n");
  } else if (line === "quit") {
    process.exit(0);
  }
});
lines.on("close", () => process.exit(0));
