package org.millrace.api.source.lib;

import org.millrace.api.functions.Function;
import org.millrace.api.source.SourceReaderContext;

/**
 * Makes the record with a given index for a {@link DataGeneratorSource}. Each parallel reader has
 * its own instance (deserialized from the job graph); {@link #open}, {@link #map} and
 * {@link #close} are called from that reader's source task thread.
 *
 * @param <T> the index type ({@code Long})
 * @param <O> the records made
 */
@FunctionalInterface
public interface GeneratorFunction<T, O> extends Function {

    /** Called once before the first {@link #map}, with the reader's context. */
    default void open(SourceReaderContext readerContext) throws Exception {}

    /** Called once after the last {@link #map} (or on cancellation). */
    default void close() throws Exception {}

    O map(T value) throws Exception;
}
