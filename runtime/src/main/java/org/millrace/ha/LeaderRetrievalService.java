package org.millrace.ha;

/** Tells one listener who leads a role, now and on every change. Started once; thread-safe. */
public interface LeaderRetrievalService extends AutoCloseable {

    void start(LeaderRetrievalListener listener);

    @Override
    void close();
}
