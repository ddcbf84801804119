package org.millrace.task;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.millrace.api.source.InputStatus;
import java.util.concurrent.CompletionException;
import org.millrace.network.CheckpointBarrierListener;
import org.millrace.network.ElementOutput;
import org.millrace.network.api.CheckpointBarrier;
import org.millrace.network.NetworkInput;
import org.millrace.network.RecordWriter;
import org.millrace.task.operators.OneInputStreamOperator;
import org.millrace.task.operators.SourceOperator;

/**
 * The mailbox loop of one subtask: between mails it pulls input (a source reader's next batch, or
 * the next element of the network input) and pushes it through the operator chain. When there is
 * no input it flushes its outputs and sleeps until input or mail arrives; when its outputs have no
 * free buffer it waits for one (backpressure) while still serving mail.
 *
 * <p>End of input: after its last record a task finishes its operators and sends end-of-data. With
 * checkpointing it then stays up until a checkpoint taken after that point is complete (so its last
 * output is covered and committed), and only then sends end-of-partition; without, at once.
 *
 * <p>Checkpoints: a source task is triggered through its mailbox ({@link #triggerCheckpoint}); other
 * tasks when the barrier has arrived on all inputs ({@link #onBarrierAligned}). Either way the
 * task forwards the barrier and snapshots between two records.
 *
 * <p>Everything here runs on the task thread, except {@link #cancel()}, {@link #triggerCheckpoint}
 * and {@link #notifyCheckpointComplete}, which only put mail.
 */
final class StreamTask implements CheckpointBarrierListener {

    /** Elements taken from the network input between two mailbox checks. */
    private static final int NETWORK_BATCH = 512;
    /** Upper bound of one sleep: a safety net, every wake-up is normally signalled. */
    private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Mailbox mailbox;
    private final MailboxProcessingTimeService timers;
    private final OperatorChain chain;
    private final List<RecordWriter<?>> writers;
    private final NetworkInput<Object> input;
    private final SourceOperator<?, ?> source;
    private final ElementOutput<Object> toHead;
    private final long bufferTimeoutMillis;
    private final String headName;

    private final TaskIOMetrics ioMetrics;
    /** The writers' summed wait time already added to {@link #ioMetrics}; task thread only. */
    private long writerWaitNanosCounted;

    /** Set by a canceling thread, read by the task thread. */
    private volatile boolean canceled;

    private final SubtaskCheckpointCoordinator checkpoints;
    /** True when the job checkpoints periodically: the task then finishes with a final checkpoint. */
    private final boolean periodicCheckpoints;
    /** Set when the task's data has ended (after its operators finished). */
    private boolean endOfData;
    /** The first checkpoint this task took part in after its end of data (0: none yet). */
    private long firstCheckpointAfterEndOfData;
    /** The newest checkpoint notified complete. */
    private long lastCompletedCheckpointId;

    @SuppressWarnings("unchecked")
    StreamTask(
            Mailbox mailbox,
            MailboxProcessingTimeService timers,
            OperatorChain chain,
            List<RecordWriter<?>> writers,
            NetworkInput<?> input,
            long bufferTimeoutMillis,
            TaskIOMetrics ioMetrics,
            SubtaskCheckpointCoordinator checkpoints,
            boolean periodicCheckpoints) {
        this.ioMetrics = ioMetrics;
        this.checkpoints = checkpoints;
        this.periodicCheckpoints = periodicCheckpoints;
        this.mailbox = mailbox;
        this.timers = timers;
        this.chain = chain;
        this.writers = writers;
        this.input = (NetworkInput<Object>) input;
        this.bufferTimeoutMillis = bufferTimeoutMillis;
        this.headName = chain.getHeadName();
        if (chain.getHead() instanceof SourceOperator<?, ?> s) {
            this.source = s;
            this.toHead = null;
        } else {
            this.source = null;
            OneInputStreamOperator<Object, ?> head = (OneInputStreamOperator<Object, ?>) chain.getHead();
            this.toHead = new ElementOutput<>() {
                @Override
                public void emitRecord(Object record, long timestamp) throws Exception {
                    head.processElement(record, timestamp);
                }

                @Override
                public void emitWatermark(long watermark) throws Exception {
                    head.processWatermark(watermark);
                }
            };
        }
    }

    /**
     * Opens the operators, tells {@code onOpened}, then runs the task to the end of its input or until
     * canceled. Returns true if the input ended.
     */
    boolean invoke(Runnable onOpened) throws Exception {
        try {
            chain.open();
            // only now RUNNING: checkpoints triggered while operators open (RocksDB loading) would wait for them
            onOpened.run();
            if (bufferTimeoutMillis > 0) {
                timers.scheduleAtFixedRate(time -> flushOutputs(), bufferTimeoutMillis, bufferTimeoutMillis);
            }
            if (!runMailboxLoop()) {
                return false;
            }
            chain.finish();
            for (RecordWriter<?> w : writers) {
                w.endData();
            }
            endOfData = true;
            if (periodicCheckpoints) {
                checkpoints.reportEndOfData();
            }
            if (!awaitFinalCheckpointAndInputEnd()) {
                return false;
            }
            for (RecordWriter<?> w : writers) {
                w.finish();
            }
            return true;
        } finally {
            timers.shutDown();
            closeMailbox();
        }
    }

    /**
     * After end of data: serves mail (checkpoint triggers and notifications) and reads the inputs'
     * remaining barriers and end-of-partition events, until the final checkpoint is complete (with
     * checkpointing) and every input channel has ended. False if canceled meanwhile.
     */
    private boolean awaitFinalCheckpointAndInputEnd() throws Exception {
        while (true) {
            if (mailbox.hasMail()) {
                mailbox.runAll();
            }
            if (canceled) {
                return false;
            }
            if (input != null && !input.isFinished()) {
                InputStatus status;
                do {
                    status = processInput();
                } while (status == InputStatus.MORE_AVAILABLE && !mailbox.hasMail());
            }
            boolean finalCheckpointDone = !periodicCheckpoints
                    || (firstCheckpointAfterEndOfData > 0 && lastCompletedCheckpointId >= firstCheckpointAfterEndOfData);
            boolean inputEnded = input == null || input.isFinished();
            if (finalCheckpointDone && inputEnded) {
                return true;
            }
            flushOutputs();
            mailbox.awaitMailOr(inputEnded ? NEVER : input.getAvailableFuture(), MAX_IDLE_NANOS);
        }
    }

    private static final CompletableFuture<Void> NEVER = new CompletableFuture<>();

    // ------------------------------------------------------------------------
    //  Checkpoints
    // ------------------------------------------------------------------------

    /**
     * Any thread (a source task's trigger from the JobMaster): the checkpoint runs as mail. A task
     * whose loop has ended declines, so the coordinator never waits for an answer that cannot come.
     */
    void triggerCheckpoint(CheckpointBarrier barrier) {
        if (!mailbox.tryPut(new CheckpointTrigger(barrier))) {
            checkpoints.declineNotReady(barrier.checkpointId(), "the task has ended");
        }
    }

    /** Mail that starts a checkpoint at a source task. */
    private final class CheckpointTrigger implements Runnable {
        final CheckpointBarrier barrier;

        CheckpointTrigger(CheckpointBarrier barrier) {
            this.barrier = barrier;
        }

        @Override
        public void run() {
            try {
                performCheckpoint(barrier, 0);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }
    }

    /** After the loop: refuses further mail and declines the checkpoints triggered but not started. Task thread. */
    private void closeMailbox() {
        for (Runnable left : mailbox.close()) {
            if (left instanceof CheckpointTrigger trigger) {
                checkpoints.declineNotReady(trigger.barrier.checkpointId(), "the task has ended");
            }
        }
    }

    /** Any thread: checkpoint {@code checkpointId} is complete; operators commit as mail. */
    void notifyCheckpointComplete(long checkpointId) {
        mailbox.put(() -> {
            if (checkpointId <= lastCompletedCheckpointId) {
                return;
            }
            lastCompletedCheckpointId = checkpointId;
            try {
                chain.notifyCheckpointComplete(checkpointId);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    @Override
    public void onBarrierAligned(CheckpointBarrier barrier) throws Exception {
        performCheckpoint(barrier, 0);
    }

    @Override
    public void onAlignmentAborted(long checkpointId, String reason) {
        checkpoints.decline(checkpointId, new IllegalStateException(reason));
    }

    private void performCheckpoint(CheckpointBarrier barrier, long alignmentMillis) throws Exception {
        if (endOfData && firstCheckpointAfterEndOfData == 0) {
            firstCheckpointAfterEndOfData = barrier.checkpointId();
        }
        checkpoints.checkpoint(barrier, chain, writers, alignmentMillis);
    }

    /** Called from any thread: makes the loop stop at its next check and wakes it if it sleeps. */
    void cancel() {
        canceled = true;
        mailbox.wakeUp();
    }

    /** Closes all operators; returns the first failure or null. Task thread. */
    Throwable close() {
        return chain.closeAll();
    }

    private boolean runMailboxLoop() throws Exception {
        while (true) {
            if (mailbox.hasMail()) {
                mailbox.runAll();
            }
            if (canceled) {
                return false;
            }
            CompletableFuture<Void> blockedOutput = firstUnavailableOutput();
            if (blockedOutput != null) {
                ioMetrics.startWait(true);
                mailbox.awaitMailOr(blockedOutput, MAX_IDLE_NANOS);
                ioMetrics.endWait();
                continue;
            }
            InputStatus status = processInput();
            countWriterWaits();
            if (status == InputStatus.END_OF_INPUT) {
                return true;
            }
            if (bufferTimeoutMillis == 0) {
                flushOutputs();
            }
            if (status == InputStatus.NOTHING_AVAILABLE) {
                flushOutputs();
                ioMetrics.startWait(false);
                mailbox.awaitMailOr(source != null ? source.getAvailableFuture() : input.getAvailableFuture(), MAX_IDLE_NANOS);
                ioMetrics.endWait();
            }
        }
    }

    private InputStatus processInput() throws Exception {
        try {
            if (source != null) {
                return source.emitNext();
            }
            InputStatus status = InputStatus.MORE_AVAILABLE;
            for (int i = 0; i < NETWORK_BATCH && status == InputStatus.MORE_AVAILABLE && !mailbox.hasMail(); i++) {
                status = input.emitNext(toHead);
            }
            return status;
        } catch (ChainedOperatorException e) {
            throw e;
        } catch (Exception e) {
            throw ChainedOperatorException.wrap(headName, e);
        }
    }

    private void countWriterWaits() {
        long total = 0;
        for (int i = 0; i < writers.size(); i++) {
            total += writers.get(i).getBackPressuredTimeNanos();
        }
        ioMetrics.addBackPressured(total - writerWaitNanosCounted);
        writerWaitNanosCounted = total;
    }

    private CompletableFuture<Void> firstUnavailableOutput() {
        for (int i = 0; i < writers.size(); i++) {
            RecordWriter<?> w = writers.get(i);
            if (!w.isAvailable()) {
                return w.getAvailableFuture();
            }
        }
        return null;
    }

    private void flushOutputs() {
        for (int i = 0; i < writers.size(); i++) {
            writers.get(i).flushAll();
        }
    }
}
