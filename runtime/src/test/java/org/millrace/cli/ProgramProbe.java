package org.millrace.cli;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.millrace.client.ExecutionContext;

/**
 * What a test job's main method saw, recorded by the job itself: the job jar's classes reach this
 * class through their class loader's parent. Written by the thread running main, read by the test
 * thread after {@code execute} returned (the same thread in these tests).
 */
public final class ProgramProbe {

    public static volatile List<String> args;
    public static volatile ExecutionContext context;
    public static volatile ClassLoader contextClassLoader;
    public static volatile ClassLoader programClassLoader;

    /** Records a test job's sink wrote; sink tasks add from their own threads. */
    public static final Queue<Object> collected = new ConcurrentLinkedQueue<>();

    private ProgramProbe() {}

    public static void record(String[] mainArgs, Class<?> programClass) {
        args = List.of(mainArgs);
        context = ExecutionContext.current();
        contextClassLoader = Thread.currentThread().getContextClassLoader();
        programClassLoader = programClass.getClassLoader();
    }

    static void reset() {
        args = null;
        context = null;
        contextClassLoader = null;
        programClassLoader = null;
        collected.clear();
    }
}
