package org.millrace.api.eventtime;

import java.io.Serializable;

/** A {@link TimestampAssigner} that can travel in the job graph (what lambdas passed to {@code withTimestampAssigner} become). */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
