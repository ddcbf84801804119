package org.millrace.taskmanager;

/**
 * Hears the errors a TaskExecutor cannot recover from (it could not register at a ResourceManager
 * within {@code taskmanager.registration.timeout}): a TaskManager process exits, an embedded one logs.
 * Called from the TaskExecutor's main thread; must not block it.
 */
@FunctionalInterface
public interface FatalErrorHandler {

    void onFatalError(Throwable error);
}
