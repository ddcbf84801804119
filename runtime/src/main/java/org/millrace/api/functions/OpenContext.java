package org.millrace.api.functions;

/** Handed to {@link RichFunction#open}; carries nothing yet, kept for Flink's signature. */
public interface OpenContext {}
