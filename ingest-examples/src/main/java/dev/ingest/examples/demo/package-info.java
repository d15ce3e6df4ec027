/**
 * The README's demo: seed 000's pipeline from a recorded account into an embedded SQLite file. Run
 * it with the command in the README's "Run the demo" section. Not published.
 */
package dev.ingest.examples.demo;
