package org.millrace.taskmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.ha.StandaloneHaServices;
import org.millrace.resourcemanager.InJvmResourceDriver;
import org.millrace.resourcemanager.ResourceManager;
import org.millrace.resourcemanager.ResourceManagerGateway;
import org.millrace.rpc.netty.NettyRpcService;

/**
 * A {@link TaskManagerRunner} in a child JVM, as {@code -t process} and YARN start it, against a
 * ResourceManager in this JVM: verifying that it registers, that it exits by itself with code
 * {@value TaskManagerRunner#EXIT_FATAL_ERROR} once its ResourceManager is gone for longer than the
 * registration timeout, and that with {@code --exit-with-parent} it exits when its stdin closes.
 */
class TaskManagerRunnerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    // generous for a cold JVM on a machine busy with other builds; the first registration counts too
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(8);
    private static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(300);
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path logDir;
    private NettyRpcService rpcService;
    private StandaloneHaServices haServices;
    private ResourceManager resourceManager;
    private Process taskManager;

    @AfterEach
    void tearDown() throws Exception {
        if (taskManager != null) {
            taskManager.destroyForcibly().waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        if (resourceManager != null) {
            resourceManager.closeAsync().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        if (haServices != null) {
            haServices.close();
        }
        if (rpcService != null) {
            rpcService.close();
        }
    }

    /** A ResourceManager that starts no TaskManagers itself, at a fixed address on loopback. */
    private ResourceManagerGateway startResourceManager() throws Exception {
        rpcService = new NettyRpcService("127.0.0.1", "127.0.0.1", 0, Duration.ofSeconds(10), getClass().getClassLoader());
        haServices = StandaloneHaServices.forJobManager("127.0.0.1", port());
        resourceManager = new ResourceManager(rpcService, haServices.getResourceManagerLeaderElection(),
                new InJvmResourceDriver(1, 1, id -> {
                    throw new UnsupportedOperationException("this test starts its TaskManager itself");
                }), TIMEOUT, HEARTBEAT_INTERVAL, HEARTBEAT_TIMEOUT);
        resourceManager.start();
        return rpcService.connect(resourceManager.getAddress(), StandaloneHaServices.DEFAULT_LEADER_ID,
                ResourceManagerGateway.class).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private int port() {
        String hostPort = rpcService.getHostPort();
        return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }

    private Process startTaskManager(int resourceManagerPort, String... extraArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.millrace,java.util",
                "-Dlog4j2.configurationFile=" + repositoryRoot().resolve("conf/log4j2.xml"),
                "-Dmillrace.log.dir=" + logDir,
                "-Dmillrace.log.file=taskmanager.log",
                TaskManagerRunner.class.getName(),
                "--resource-id", "tm-under-test",
                "-Djobmanager.rpc.address=127.0.0.1",
                "-Djobmanager.rpc.port=" + resourceManagerPort,
                "-Dtaskmanager.rpc.bind-host=127.0.0.1",
                "-Dtaskmanager.memory.network.size=4 mb",
                "-Dheartbeat.interval=" + HEARTBEAT_INTERVAL.toMillis() + " ms",
                "-Dheartbeat.timeout=" + HEARTBEAT_TIMEOUT.toMillis() + " ms",
                "-Dtaskmanager.registration.timeout=" + REGISTRATION_TIMEOUT.toMillis() + " ms"));
        command.addAll(List.of(extraArguments));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("taskmanager.out").toFile())
                .start();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("conf/millrace.yaml"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    /** Awaits the condition; on timeout the failure shows the TaskManager's log. */
    private void awaitOrShowLog(java.util.concurrent.Callable<Boolean> condition) throws IOException {
        try {
            await().atMost(TIMEOUT).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; TaskManager log:\n" + log() + "\nstdout/stderr:\n"
                    + Files.readString(logDir.resolve("taskmanager.out")), e);
        }
    }

    private String log() throws IOException {
        Path file = logDir.resolve("taskmanager.log");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    @Test
    void when_itsResourceManagerDisappears_then_theTaskManagerProcessExitsByItself() throws Exception {
        ResourceManagerGateway gateway = startResourceManager();
        taskManager = startTaskManager(port());
        awaitOrShowLog(() -> gateway.requestResourceOverview().get().numberOfTaskManagers() == 1);

        // the JobManager side goes away without a word: no more heartbeat requests, nothing to register at
        resourceManager.closeAsync().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        resourceManager = null;
        rpcService.close();
        rpcService = null;

        awaitOrShowLog(() -> !taskManager.isAlive());
        assertThat(taskManager.exitValue()).isEqualTo(TaskManagerRunner.EXIT_FATAL_ERROR);
        assertThat(log()).contains("TaskManager tm-under-test exits: TaskManager tm-under-test could not register at a"
                + " ResourceManager within " + REGISTRATION_TIMEOUT.toMillis() + " ms (taskmanager.registration.timeout)");
    }

    @Test
    void when_itsParentIsGone_then_aTaskManagerStartedWithExitWithParentExits() throws Exception {
        ResourceManagerGateway gateway = startResourceManager();
        taskManager = startTaskManager(port(), "--exit-with-parent");
        awaitOrShowLog(() -> gateway.requestResourceOverview().get().numberOfTaskManagers() == 1);

        // what the OS does to the pipe when the parent dies, even by SIGKILL
        taskManager.getOutputStream().close();

        awaitOrShowLog(() -> !taskManager.isAlive());
        assertThat(taskManager.exitValue()).isEqualTo(TaskManagerRunner.EXIT_PARENT_GONE);
        assertThat(log()).contains("TaskManager tm-under-test exits: its stdin closed");
    }
}
