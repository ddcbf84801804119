/**
 * Keyed state as user functions see it, with Apache Flink's names and signatures: {@link
 * org.millrace.api.state.ValueState}, {@link org.millrace.api.state.ListState}, {@link
 * org.millrace.api.state.MapState}, {@link org.millrace.api.state.ReducingState}, {@link
 * org.millrace.api.state.AggregatingState} and their descriptors. Obtained from the runtime context of a
 * function on a keyed stream; each state is bound to the key of the record being processed.
 */
package org.millrace.api.state;
