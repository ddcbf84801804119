package org.millrace.rpc.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.millrace.api.JobID;
import org.millrace.checkpoint.CheckpointStats;
import org.millrace.cluster.JobResult;
import org.millrace.jobmaster.JobStatus;
import org.millrace.resourcemanager.AllocationID;
import org.millrace.resourcemanager.ResourceID;
import org.millrace.resourcemanager.ResourceManagerGateway;
import org.millrace.resourcemanager.ResourceOverview;
import org.millrace.resourcemanager.SlotID;
import org.millrace.resourcemanager.TaskExecutorRegistration;
import org.millrace.rpc.RpcGateway;
import org.millrace.rpc.netty.message.GatewayReference;
import org.millrace.rpc.netty.message.RpcError;
import org.millrace.rpc.netty.message.RpcFrame;
import org.millrace.rpc.netty.message.RpcRequest;
import org.millrace.rpc.netty.message.RpcResponse;
import org.millrace.rpc.netty.message.RpcSuccess;
import org.millrace.taskmanager.TaskExecutorGateway;
import org.junit.jupiter.api.Test;

/** The Avro envelope and the argument codecs, without sockets. */
class RpcMessagesTest {

    /** Decoding needs no gateways here; the class loader is the test's. */
    private static final CodecContext CONTEXT = new CodecContext() {
        @Override
        public ClassLoader classLoader() {
            return RpcMessagesTest.class.getClassLoader();
        }

        @Override
        public RpcGateway gatewayFor(GatewayReference reference) {
            throw new UnsupportedOperationException();
        }
    };

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static RpcFrame roundTrip(RpcFrame frame) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RpcFrameCodec.write(frame, out);
        return RpcFrameCodec.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void when_requestIsWrittenAndRead_then_everyFieldSurvives() throws Exception {
        RpcRequest request = RpcRequest.newBuilder()
                .setRequestId(7L)
                .setEndpointId("jobmaster-1")
                .setFencingToken(UUID.randomUUID().toString())
                .setGateway("org.millrace.jobmaster.JobMasterGateway")
                .setMethod("updateTaskExecutionState")
                .setArguments(Arrays.asList(bytes("first"), null, bytes("")))
                .build();
        RpcRequest unfenced = RpcRequest.newBuilder(request).setRequestId(-1L).setFencingToken(null).build();

        assertThat(roundTrip(new RpcFrame(request)).getMessage()).isEqualTo(request);
        assertThat(roundTrip(new RpcFrame(unfenced)).getMessage()).isEqualTo(unfenced);
    }

    @Test
    void when_responsesAreWrittenAndRead_then_valueAndErrorSurvive() throws Exception {
        RpcResponse ok = new RpcResponse(3L, new RpcSuccess(bytes("value")));
        RpcResponse empty = new RpcResponse(4L, new RpcSuccess(null));
        RpcResponse error = new RpcResponse(5L, new RpcError("java.lang.IllegalStateException", "boom",
                "java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)\n", null));

        for (RpcResponse response : List.of(ok, empty, error)) {
            assertThat(roundTrip(new RpcFrame(response)).getMessage()).isEqualTo(response);
        }
    }

    @Test
    void when_framesPassTheNettyPipeline_then_theyArriveWholeAndInOrder() {
        EmbeddedChannel sender = new EmbeddedChannel(new LengthFieldPrepender(4), RpcFrameCodec.INSTANCE);
        EmbeddedChannel receiver = new EmbeddedChannel(
                new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4), RpcFrameCodec.INSTANCE);
        List<RpcFrame> sent = new ArrayList<>();
        for (long id = 0; id < 5; id++) {
            sent.add(new RpcFrame(new RpcResponse(id, new RpcSuccess(bytes("answer " + id)))));
        }

        sender.writeOutbound(sent.toArray());
        for (Object buf; (buf = sender.readOutbound()) != null; ) {
            // split each frame in two to check reassembly
            ByteBuf whole = (ByteBuf) buf;
            receiver.writeInbound(whole.readRetainedSlice(3));
            receiver.writeInbound(whole);
        }

        List<RpcFrame> received = new ArrayList<>();
        for (RpcFrame f; (f = receiver.readInbound()) != null; ) {
            received.add(f);
        }
        assertThat(received).isEqualTo(sent);
        assertThat(sender.finishAndReleaseAll()).isFalse();
        assertThat(receiver.finishAndReleaseAll()).isFalse();
    }

    @Test
    void when_controlMessagesAreEncoded_then_theyDecodeEqual() {
        ResourceID tm = new ResourceID("container_1_0001_01_000002");
        List<Object> values = new ArrayList<>(List.of(
                tm, JobID.generate(), new AllocationID(UUID.randomUUID()), new SlotID(tm, 3),
                new ResourceOverview(2, 8, 5), "text", 42, 42L, true));
        values.addAll(Arrays.asList(JobStatus.values()));

        for (Object value : values) {
            ArgumentCodec codec = ControlMessageCodecs.forType(value.getClass());
            assertThat(codec).as("typed codec of %s", value.getClass()).isInstanceOf(AvroRecordCodec.class);
            assertThat(codec.decode(codec.encode(value, CONTEXT), CONTEXT)).isEqualTo(value);
        }
    }

    @Test
    void when_codecsAreDerived_then_controlMessagesAreTypedGatewaysAreReferencesAndTheRestJavaSerialized()
            throws Exception {
        MethodCodecs codecs = new MethodCodecs();

        MethodCodecs.Codecs submitTask = codecs.of(TaskExecutorGateway.class.getMethod("submitTask",
                org.millrace.task.TaskDeploymentDescriptor.class, AllocationID.class,
                org.millrace.jobmaster.JobMasterGateway.class));
        assertThat(submitTask.parameters()[0]).isSameAs(JavaSerializationCodec.INSTANCE);
        assertThat(submitTask.parameters()[1]).isSameAs(ControlMessageCodecs.forType(AllocationID.class));
        assertThat(submitTask.parameters()[2]).isInstanceOf(GatewayReferenceCodec.class);

        MethodCodecs.Codecs register =
                codecs.of(ResourceManagerGateway.class.getMethod("registerTaskExecutor", TaskExecutorRegistration.class));
        assertThat(register.parameters()[0]).isSameAs(ControlMessageCodecs.forType(TaskExecutorRegistration.class));

        MethodCodecs.Codecs requestSlots =
                codecs.of(ResourceManagerGateway.class.getMethod("requestSlots", JobID.class, int.class));
        assertThat(requestSlots.result()).isSameAs(JavaSerializationCodec.INSTANCE);

        MethodCodecs.Codecs overview = codecs.of(ResourceManagerGateway.class.getMethod("requestResourceOverview"));
        assertThat(overview.result()).isSameAs(ControlMessageCodecs.forType(ResourceOverview.class));

        MethodCodecs.Codecs heartbeat = codecs.of(ResourceManagerGateway.class.getMethod(
                "heartbeatFromTaskManager", ResourceID.class, org.millrace.resourcemanager.SlotReport.class));
        assertThat(heartbeat.parameters()).containsExactly(ControlMessageCodecs.forType(ResourceID.class),
                ControlMessageCodecs.forType(org.millrace.resourcemanager.SlotReport.class));
        assertThat(heartbeat.result()).isNull();
    }

    @Test
    void when_methodCodecIsOverridden_then_theOverrideIsUsed() throws Exception {
        MethodCodecs codecs = new MethodCodecs();
        MethodCodecs.Codecs javaOnly = new MethodCodecs.Codecs(
                new ArgumentCodec[] {JavaSerializationCodec.INSTANCE}, JavaSerializationCodec.INSTANCE);

        codecs.override(ResourceManagerGateway.class, "registerTaskExecutor", javaOnly);

        assertThat(codecs.of(ResourceManagerGateway.class.getMethod("registerTaskExecutor",
                TaskExecutorRegistration.class))).isSameAs(javaOnly);
    }

    /** A user type, as an accumulator value or exception would be. */
    record UserValue(String name, int count) implements Serializable {}

    /** Stands in for a job's class loader: records what it is asked for. */
    static final class RecordingClassLoader extends ClassLoader {
        final List<String> requested = new ArrayList<>();

        RecordingClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void when_javaSerializedValueIsDecoded_then_theContextClassLoaderResolvesItsClasses() {
        RecordingClassLoader jobClassLoader = new RecordingClassLoader(getClass().getClassLoader());
        CodecContext jobContext = new CodecContext() {
            @Override
            public ClassLoader classLoader() {
                return jobClassLoader;
            }

            @Override
            public RpcGateway gatewayFor(GatewayReference reference) {
                throw new UnsupportedOperationException();
            }
        };
        UserValue value = new UserValue("records", 12);

        Object decoded = JavaSerializationCodec.INSTANCE.decode(
                JavaSerializationCodec.INSTANCE.encode(value, CONTEXT), jobContext);

        assertThat(decoded).isEqualTo(value);
        assertThat(jobClassLoader.requested).contains(UserValue.class.getName());
    }

    @Test
    void when_jobResultWithCheckpointHistoryIsJavaSerialized_then_theHistorySurvives() {
        List<CheckpointStats> history = List.of(
                new CheckpointStats(1, false, false, 1_000, 5, 0, 0, null, "not all tasks are running"),
                new CheckpointStats(2, false, true, 2_000, 180, 7_340_032, 7_340_032, "file:///tmp/c/chk-2", null));
        JobResult result = new JobResult(JobID.generate(), "job", JobStatus.FINISHED, Map.of("n", 3L), null, 4_200, history);

        Object decoded = JavaSerializationCodec.INSTANCE.decode(JavaSerializationCodec.INSTANCE.encode(result, CONTEXT), CONTEXT);

        assertThat(decoded).isEqualTo(result);
        assertThat(((JobResult) decoded).checkpointStats()).containsExactlyElementsOf(history);
    }
}
