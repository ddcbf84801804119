package org.millrace.rpc.netty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.millrace.api.JobID;
import org.millrace.jobmaster.JobStatus;
import org.millrace.network.ConnectionID;
import org.millrace.resourcemanager.AllocationID;
import org.millrace.resourcemanager.ResourceID;
import org.millrace.resourcemanager.ResourceOverview;
import org.millrace.resourcemanager.SlotID;
import org.millrace.resourcemanager.SlotReport;
import org.millrace.resourcemanager.SlotStatus;
import org.millrace.resourcemanager.TaskExecutorRegistration;
import org.millrace.rpc.netty.message.ConnectionIdMessage;
import org.millrace.rpc.netty.message.IdValue;
import org.millrace.rpc.netty.message.JobStatusCode;
import org.millrace.rpc.netty.message.JobStatusValue;
import org.millrace.rpc.netty.message.ResourceOverviewMessage;
import org.millrace.rpc.netty.message.ScalarValue;
import org.millrace.rpc.netty.message.SlotIdMessage;
import org.millrace.rpc.netty.message.SlotReportMessage;
import org.millrace.rpc.netty.message.SlotStatusMessage;
import org.millrace.rpc.netty.message.TaskExecutorRegistrationMessage;

/**
 * The typed codecs of control messages, by Java type: ids, scalars, job status, TaskExecutor
 * registration (with its slot offer), slot reports and resource overviews travel as the records of
 * control-messages.avdl. Immutable; any thread.
 */
public final class ControlMessageCodecs {

    private ControlMessageCodecs() {}

    static final Map<Class<?>, ArgumentCodec> BY_TYPE = Map.ofEntries(
            Map.entry(String.class, scalar(String.class)),
            Map.entry(Integer.class, scalar(Integer.class)),
            Map.entry(int.class, scalar(Integer.class)),
            Map.entry(Long.class, scalar(Long.class)),
            Map.entry(long.class, scalar(Long.class)),
            Map.entry(Boolean.class, scalar(Boolean.class)),
            Map.entry(boolean.class, scalar(Boolean.class)),
            Map.entry(ResourceID.class, id(ResourceID.class, ResourceID::value, ResourceID::new)),
            Map.entry(JobID.class, id(JobID.class, JobID::toHexString, JobID::fromHexString)),
            Map.entry(AllocationID.class, id(AllocationID.class, a -> a.value().toString(),
                    s -> new AllocationID(UUID.fromString(s)))),
            Map.entry(SlotID.class, new AvroRecordCodec<>(SlotID.class, SlotIdMessage.class,
                    ControlMessageCodecs::toMessage, ControlMessageCodecs::fromMessage)),
            Map.entry(JobStatus.class, new AvroRecordCodec<>(JobStatus.class, JobStatusValue.class,
                    s -> new JobStatusValue(JobStatusCode.valueOf(s.name())),
                    v -> JobStatus.valueOf(v.getStatus().name()))),
            Map.entry(SlotReport.class, new AvroRecordCodec<>(SlotReport.class, SlotReportMessage.class,
                    ControlMessageCodecs::toMessage, ControlMessageCodecs::fromMessage)),
            Map.entry(ResourceOverview.class, new AvroRecordCodec<>(ResourceOverview.class,
                    ResourceOverviewMessage.class,
                    o -> new ResourceOverviewMessage(o.numberOfTaskManagers(), o.numberOfSlots(), o.numberOfFreeSlots()),
                    m -> new ResourceOverview(m.getNumberOfTaskManagers(), m.getNumberOfSlots(), m.getNumberOfFreeSlots()))),
            Map.entry(TaskExecutorRegistration.class, new AvroRecordCodec<>(TaskExecutorRegistration.class,
                    TaskExecutorRegistrationMessage.class,
                    ControlMessageCodecs::toMessage, ControlMessageCodecs::fromMessage)));

    /** The typed codec for values of {@code type}, or null if it has none. */
    public static ArgumentCodec forType(Class<?> type) {
        return BY_TYPE.get(type);
    }

    private static <T> ArgumentCodec scalar(Class<T> type) {
        return new AvroRecordCodec<>(type, ScalarValue.class, v -> new ScalarValue(v), m -> type.cast(m.getValue()));
    }

    private static <T> ArgumentCodec id(
            Class<T> type, Function<T, String> toString, Function<String, T> parse) {
        return new AvroRecordCodec<>(type, IdValue.class, v -> new IdValue(toString.apply(v)), m -> parse.apply(m.getValue()));
    }

    static SlotIdMessage toMessage(SlotID id) {
        return new SlotIdMessage(id.resourceId().value(), id.slotNumber());
    }

    static SlotID fromMessage(SlotIdMessage m) {
        return new SlotID(new ResourceID(m.getResourceId()), m.getSlotNumber());
    }

    static SlotReportMessage toMessage(SlotReport report) {
        List<SlotStatusMessage> slots = new ArrayList<>(report.slots().size());
        for (SlotStatus s : report.slots()) {
            slots.add(new SlotStatusMessage(toMessage(s.slotId()),
                    s.allocationId() == null ? null : s.allocationId().value().toString(),
                    s.jobId() == null ? null : s.jobId().toHexString()));
        }
        return new SlotReportMessage(slots);
    }

    static SlotReport fromMessage(SlotReportMessage m) {
        List<SlotStatus> slots = new ArrayList<>(m.getSlots().size());
        for (SlotStatusMessage s : m.getSlots()) {
            slots.add(new SlotStatus(fromMessage(s.getSlotId()),
                    s.getAllocationId() == null ? null : new AllocationID(UUID.fromString(s.getAllocationId())),
                    s.getJobId() == null ? null : JobID.fromHexString(s.getJobId())));
        }
        return new SlotReport(slots);
    }

    static TaskExecutorRegistrationMessage toMessage(TaskExecutorRegistration r) {
        ConnectionID c = r.dataConnection();
        return new TaskExecutorRegistrationMessage(r.resourceId().value(), r.taskExecutorAddress(),
                c == null ? null : new ConnectionIdMessage(c.taskManagerId(), c.host(), c.dataPort()),
                toMessage(r.slotReport()));
    }

    static TaskExecutorRegistration fromMessage(TaskExecutorRegistrationMessage m) {
        ConnectionIdMessage c = m.getDataConnection();
        return new TaskExecutorRegistration(new ResourceID(m.getResourceId()), m.getTaskExecutorAddress(),
                c == null ? null : new ConnectionID(c.getTaskManagerId(), c.getHost(), c.getDataPort()),
                fromMessage(m.getSlotReport()));
    }
}
