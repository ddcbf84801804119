package org.millrace.api.functions;

/**
 * Extracts the key of a record. The key must have a deterministic {@code hashCode} and
 * {@code equals} (not an array or an {@code Object} identity hash), because it picks the key group
 * and thereby the parallel instance that owns the key.
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}
