package org.millrace.api.typeinfo;

/** Implemented by sources and functions that know the type of what they produce. */
public interface ResultTypeQueryable<T> {
    TypeInformation<T> getProducedType();
}
