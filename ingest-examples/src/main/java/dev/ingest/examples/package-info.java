/** Runnable composition roots; the README quotes them. Not published. */
package dev.ingest.examples;
