package org.millrace.api.util;

import java.util.Iterator;

/** An iterator over a resource (e.g. a running job's results) that must be closed. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {}
