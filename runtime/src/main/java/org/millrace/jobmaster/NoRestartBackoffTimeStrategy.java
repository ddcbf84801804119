package org.millrace.jobmaster;

/** Never restarts: the first failure fails the job. Stateless. */
public enum NoRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
    INSTANCE;

    @Override
    public void notifyFailure(Throwable cause) {}

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public long getBackoffTimeMillis() {
        return 0;
    }
}
