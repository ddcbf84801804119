package org.millrace.taskmanager;

import org.millrace.task.CheckpointResponder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.millrace.api.accumulators.Accumulator;
import org.millrace.network.ShuffleEnvironment;
import org.millrace.task.ExecutionState;
import org.millrace.task.TaskDeploymentDescriptor;
import org.millrace.task.TaskExecutionState;
import org.millrace.task.TaskFailureException;
import org.millrace.task.TaskStateListener;

/**
 * Creates fake tasks whose behaviour is set per job vertex name: finish with accumulators, fail, run
 * until canceled, wait for a latch. Each fake runs in its own thread named like a real task
 * ({@code "<vertex> (i/n)"}) and reports INITIALIZING, RUNNING, then its terminal state. Thread-safe.
 */
public final class TestingTaskFactory implements TaskFactory {

    /** What a fake task does on its thread; its return value becomes the FINISHED report's accumulators. */
    @FunctionalInterface
    public interface Body {
        Map<String, Accumulator<?, ?>> run(TestingTask task) throws Exception;
    }

    /** Thrown by a body to end its task CANCELED. */
    private static final class Canceled extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private final Map<String, Body> bodies = new ConcurrentHashMap<>();
    private final List<TestingTask> tasks = new CopyOnWriteArrayList<>();

    public TestingTaskFactory behave(String vertexName, Body body) {
        bodies.put(vertexName, body);
        return this;
    }

    public static Body finish() {
        return t -> Map.of();
    }

    public static Body finishWith(IntFunction<Map<String, Accumulator<?, ?>>> accumulatorsOfSubtask) {
        return t -> accumulatorsOfSubtask.apply(t.descriptor().subtaskIndex());
    }

    public static Body runUntilCanceled() {
        return t -> {
            t.awaitCancel();
            throw new Canceled();
        };
    }

    /** Waits for the latch, then finishes; canceled while waiting, it ends CANCELED (cancel interrupts it). */
    public static Body awaitThenFinish(CountDownLatch latch) {
        return t -> {
            latch.await();
            return Map.of();
        };
    }

    @Override
    public TaskHandle createTask(
            TaskDeploymentDescriptor descriptor,
            ShuffleEnvironment shuffleEnvironment,
            ClassLoader userClassLoader,
            TaskStateListener listener,
            CheckpointResponder checkpointResponder) {
        TestingTask task = new TestingTask(descriptor, shuffleEnvironment, userClassLoader, listener,
                bodies.getOrDefault(descriptor.taskName(), finish()));
        tasks.add(task);
        return task;
    }

    public List<TestingTask> tasks() {
        return List.copyOf(tasks);
    }

    public List<TestingTask> tasksOf(String vertexName) {
        List<TestingTask> of = new ArrayList<>();
        for (TestingTask t : tasks) {
            if (t.descriptor().taskName().equals(vertexName)) {
                of.add(t);
            }
        }
        of.sort((a, b) -> Integer.compare(a.descriptor().subtaskIndex(), b.descriptor().subtaskIndex()));
        return of;
    }

    /** One fake task. Its state fields are written by its thread and read by the test thread. */
    public static final class TestingTask implements TaskHandle {
        private final TaskDeploymentDescriptor descriptor;
        private final ShuffleEnvironment shuffleEnvironment;
        private final ClassLoader userClassLoader;
        private final TaskStateListener listener;
        private final Body body;
        private final CountDownLatch cancel = new CountDownLatch(1);
        private final AtomicInteger cancelCalls = new AtomicInteger();
        private final List<ExecutionState> reported = new CopyOnWriteArrayList<>();
        /** Set by start() before the thread runs; read by cancel() from the TaskExecutor's thread. */
        private volatile Thread thread;

        TestingTask(TaskDeploymentDescriptor descriptor, ShuffleEnvironment shuffleEnvironment,
                ClassLoader userClassLoader, TaskStateListener listener, Body body) {
            this.descriptor = descriptor;
            this.shuffleEnvironment = shuffleEnvironment;
            this.userClassLoader = userClassLoader;
            this.listener = listener;
            this.body = body;
        }

        @Override
        public void start() {
            Thread t = new Thread(this::run, descriptor.taskNameWithSubtask());
            t.setDaemon(true);
            thread = t;
            t.start();
        }

        /** Like a real task: marks it canceled and interrupts whatever it blocks on. */
        @Override
        public void cancel() {
            cancelCalls.incrementAndGet();
            cancel.countDown();
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }

        private void run() {
            report(ExecutionState.INITIALIZING, null, null);
            report(ExecutionState.RUNNING, null, null);
            try {
                Map<String, Accumulator<?, ?>> accumulators = body.run(this);
                report(ExecutionState.FINISHED, null, accumulators);
            } catch (Canceled e) {
                report(ExecutionState.CANCELED, null, null);
            } catch (InterruptedException e) {
                if (cancel.getCount() == 0) {
                    report(ExecutionState.CANCELED, null, null);
                } else {
                    report(ExecutionState.FAILED, new TaskFailureException(
                            descriptor.taskName(), descriptor.subtaskIndex(), descriptor.parallelism(), e), null);
                }
            } catch (Throwable e) {
                report(ExecutionState.FAILED, new TaskFailureException(
                        descriptor.taskName(), descriptor.subtaskIndex(), descriptor.parallelism(), e), null);
            }
        }

        private void report(ExecutionState state, TaskFailureException failure, Map<String, Accumulator<?, ?>> accumulators) {
            reported.add(state);
            listener.onTaskStateChange(new TaskExecutionState(
                    descriptor.jobId(), descriptor.executionId(), state, failure, accumulators));
        }

        /** Blocks the task's thread until the TaskExecutor cancels the task. */
        public void awaitCancel() throws InterruptedException {
            try {
                cancel.await();
            } catch (InterruptedException e) {
                if (cancel.getCount() != 0) {
                    throw e;
                }
            }
        }

        public TaskDeploymentDescriptor descriptor() {
            return descriptor;
        }

        public ShuffleEnvironment shuffleEnvironment() {
            return shuffleEnvironment;
        }

        public ClassLoader userClassLoader() {
            return userClassLoader;
        }

        public int cancelCalls() {
            return cancelCalls.get();
        }

        /** Every state the task reported, in order. */
        public List<ExecutionState> reportedStates() {
            return List.copyOf(reported);
        }

        public ExecutionState lastState() {
            List<ExecutionState> states = reportedStates();
            return states.isEmpty() ? null : states.get(states.size() - 1);
        }

        @Override
        public String toString() {
            return descriptor.taskNameWithSubtask() + " " + reported;
        }
    }
}
