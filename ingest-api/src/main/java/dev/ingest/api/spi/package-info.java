/**
 * Service provider interfaces, discovered with {@link java.util.ServiceLoader} and looked up by
 * name through {@link dev.ingest.api.spi.Providers}. Grown only by adding default methods. Stable.
 */
@NullMarked
package dev.ingest.api.spi;

import org.jspecify.annotations.NullMarked;
