package org.millrace.task.operators;

import java.io.IOException;
import java.util.List;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.graph.partitioner.KeyGroupRangeAssignment;
import org.millrace.state.KeyGroupRange;
import org.millrace.types.DataInputDeserializer;
import org.millrace.types.DataOutputSerializer;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The timers of a keyed operator: event-time timers fire when the watermark passes them,
 * processing-time timers when the wall clock does. A timer is a (key, namespace, time) triple
 * registered at most once; firing calls back with that key as the current key. The namespace lets
 * an operator say what the timer is for (a window), so firing needs no search; null when unused. Kept on the heap, one queue per clock.
 * Task thread only (processing-time wake-ups arrive through the mailbox).
 */
public final class InternalTimerService<K> {

    /** A timer: when, for which key, and for what (e.g. a window; may be null). */
    public record Timer<K>(long timestamp, K key, Object namespace) {}

    /** What firing timers call. */
    public interface Triggerable<K> {
        void onEventTime(Timer<K> timer) throws Exception;

        void onProcessingTime(Timer<K> timer) throws Exception;
    }

    private final PriorityQueue<Timer<K>> eventTimeQueue = new PriorityQueue<>((a, b) -> Long.compare(a.timestamp, b.timestamp));
    private final Set<Timer<K>> eventTimeSet = new HashSet<>();
    private final PriorityQueue<Timer<K>> processingTimeQueue = new PriorityQueue<>((a, b) -> Long.compare(a.timestamp, b.timestamp));
    private final Set<Timer<K>> processingTimeSet = new HashSet<>();
    private final ProcessingTimeService processingTimeService;
    private final Triggerable<K> target;
    private long currentWatermark = Long.MIN_VALUE;
    /** The processing time the wake-up is scheduled for (Long.MAX_VALUE: none). */
    private long nextWakeUp = Long.MAX_VALUE;
    private ProcessingTimeService.Cancellable wakeUp;

    public InternalTimerService(ProcessingTimeService processingTimeService, Triggerable<K> target) {
        this.processingTimeService = processingTimeService;
        this.target = target;
    }

    public long currentWatermark() {
        return currentWatermark;
    }

    public long currentProcessingTime() {
        return processingTimeService.getCurrentProcessingTime();
    }

    public void registerEventTimeTimer(K key, long time) {
        registerEventTimeTimer(key, null, time);
    }

    public void registerEventTimeTimer(K key, Object namespace, long time) {
        Timer<K> t = new Timer<>(time, key, namespace);
        if (eventTimeSet.add(t)) {
            eventTimeQueue.add(t);
        }
    }

    public void deleteEventTimeTimer(K key, long time) {
        deleteEventTimeTimer(key, null, time);
    }

    public void deleteEventTimeTimer(K key, Object namespace, long time) {
        Timer<K> t = new Timer<>(time, key, namespace);
        if (eventTimeSet.remove(t)) {
            eventTimeQueue.remove(t);
        }
    }

    public void registerProcessingTimeTimer(K key, long time) {
        registerProcessingTimeTimer(key, null, time);
    }

    public void registerProcessingTimeTimer(K key, Object namespace, long time) {
        Timer<K> t = new Timer<>(time, key, namespace);
        if (processingTimeSet.add(t)) {
            processingTimeQueue.add(t);
            if (time < nextWakeUp) {
                scheduleWakeUp(time);
            }
        }
    }

    public void deleteProcessingTimeTimer(K key, long time) {
        deleteProcessingTimeTimer(key, null, time);
    }

    public void deleteProcessingTimeTimer(K key, Object namespace, long time) {
        Timer<K> t = new Timer<>(time, key, namespace);
        if (processingTimeSet.remove(t)) {
            processingTimeQueue.remove(t);
        }
    }

    /** Fires every event-time timer at or below {@code watermark}, in time order. */
    public void advanceWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        Timer<K> t;
        while ((t = eventTimeQueue.peek()) != null && t.timestamp <= watermark) {
            eventTimeQueue.poll();
            eventTimeSet.remove(t);
            target.onEventTime(t);
        }
    }

    /** Fires every processing-time timer now, in time order (at the end of a bounded input). */
    public void fireAllProcessingTimeTimers() throws Exception {
        Timer<K> t;
        while ((t = processingTimeQueue.poll()) != null) {
            processingTimeSet.remove(t);
            target.onProcessingTime(t);
        }
    }

    public int numberOfEventTimeTimers() {
        return eventTimeQueue.size();
    }

    public int numberOfProcessingTimeTimers() {
        return processingTimeQueue.size();
    }

    private void scheduleWakeUp(long time) {
        if (wakeUp != null) {
            wakeUp.cancel();
        }
        nextWakeUp = time;
        wakeUp = processingTimeService.registerTimer(time, this::onProcessingTime);
    }

    private void onProcessingTime(long due) throws Exception {
        long now = Math.max(due, currentProcessingTime());
        nextWakeUp = Long.MAX_VALUE;
        wakeUp = null;
        Timer<K> t;
        while ((t = processingTimeQueue.peek()) != null && t.timestamp <= now) {
            processingTimeQueue.poll();
            processingTimeSet.remove(t);
            target.onProcessingTime(t);
        }
        if (t != null && t.timestamp < nextWakeUp) {
            scheduleWakeUp(t.timestamp);
        }
    }

    // ------------------------------------------------------------------------
    //  Checkpoints
    // ------------------------------------------------------------------------

    private static final int FORMAT_VERSION = 1;
    private static final byte EVENT_TIME = 0;
    private static final byte PROCESSING_TIME = 1;
    private static final byte END = 2;

    /**
     * All timers of both clocks, with their keys and namespaces, as one byte array. Operators store it
     * as a UNION list: after a restore every subtask reads all of them and keeps the timers of its
     * own key groups, whatever the parallelism was.
     *
     * @param namespaceSerializer null if the operator registers timers without namespace
     */
    public byte[] snapshot(TypeSerializer<K> keySerializer, TypeSerializer<Object> namespaceSerializer) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64 + 32 * (eventTimeSet.size() + processingTimeSet.size()));
        out.writeInt(FORMAT_VERSION);
        writeTimers(out, EVENT_TIME, eventTimeSet, keySerializer, namespaceSerializer);
        writeTimers(out, PROCESSING_TIME, processingTimeSet, keySerializer, namespaceSerializer);
        out.writeByte(END);
        return out.getCopyOfBuffer();
    }

    private static <K> void writeTimers(DataOutputSerializer out, byte clock, Set<Timer<K>> timers,
            TypeSerializer<K> keySerializer, TypeSerializer<Object> namespaceSerializer) throws IOException {
        for (Timer<K> t : timers) {
            out.writeByte(clock);
            out.writeLong(t.timestamp);
            keySerializer.serialize(t.key, out);
            if (t.namespace == null) {
                out.writeBoolean(false);
            } else {
                if (namespaceSerializer == null) {
                    throw new IOException("timer " + t + " has a namespace but the operator gave no serializer for it");
                }
                out.writeBoolean(true);
                namespaceSerializer.serialize(t.namespace, out);
            }
        }
    }

    /**
     * Registers the timers of {@code snapshots} whose key belongs to {@code keyGroups}. Before the
     * first record. Processing-time timers in the past fire at the next wake-up.
     */
    public void restore(List<byte[]> snapshots, TypeSerializer<K> keySerializer, TypeSerializer<Object> namespaceSerializer,
            KeyGroupRange keyGroups, int maxParallelism) throws IOException {
        for (byte[] snapshot : snapshots) {
            DataInputDeserializer in = new DataInputDeserializer(snapshot, 0, snapshot.length);
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException("timer snapshot of format version " + version + "; this Millrace reads " + FORMAT_VERSION);
            }
            for (byte clock = in.readByte(); clock != END; clock = in.readByte()) {
                long time = in.readLong();
                K key = keySerializer.deserialize(in);
                Object namespace = in.readBoolean() ? namespaceSerializer.deserialize(in) : null;
                if (!keyGroups.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism))) {
                    continue;
                }
                if (clock == EVENT_TIME) {
                    registerEventTimeTimer(key, namespace, time);
                } else {
                    registerProcessingTimeTimer(key, namespace, time);
                }
            }
        }
    }

    /** Cancels the pending wake-up; timers are dropped with the operator. */
    public void close() {
        if (wakeUp != null) {
            wakeUp.cancel();
        }
    }
}
