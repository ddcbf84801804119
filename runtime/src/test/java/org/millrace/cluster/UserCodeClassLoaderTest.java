package org.millrace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.LocalClusterOptions;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.graph.DistributionPattern;
import org.millrace.graph.JobEdge;
import org.millrace.graph.JobGraph;
import org.millrace.graph.JobVertex;
import org.millrace.jobmaster.JobStatus;
import org.millrace.jobmaster.TestingDeploymentDescriptors;
import org.millrace.taskmanager.TaskExecutor;
import org.millrace.taskmanager.TestingShuffleEnvironment;
import org.millrace.taskmanager.TestingTaskFactory;
import org.millrace.taskmanager.TestingTaskFactory.TestingTask;

/** Verifying that a TaskExecutor loads a job's code through one class loader per job, released after the job. */
class UserCodeClassLoaderTest {

    private final TestingTaskFactory tasks = new TestingTaskFactory();
    private final List<Boolean> sawMarker = new CopyOnWriteArrayList<>();
    private ClusterClient client;

    @AfterEach
    void close() {
        client.close();
    }

    private JobResult run(JobGraph job) throws Exception {
        TestingTaskFactory.Body lookForMarker = t -> {
            sawMarker.add(t.userClassLoader().getResource("marker.txt") != null);
            return Map.of();
        };
        tasks.behave("source", lookForMarker).behave("sink", lookForMarker);
        client = LocalDeployer.start(LocalCluster.builder(new Configuration()
                        .set(LocalClusterOptions.NUM_TASK_MANAGERS, 1)
                        .set(TaskManagerOptions.NUM_TASK_SLOTS, 2))
                .shuffleEnvironmentFactory(TestingShuffleEnvironment::new)
                .taskFactory(tasks)
                .deploymentDescriptorFactory(new TestingDeploymentDescriptors())
                .build());
        JobID jobId = client.submitJob(job).get();
        return client.requestJobResult(jobId).get(30, TimeUnit.SECONDS);
    }

    private static JobGraph job() {
        JobGraph graph = new JobGraph(JobID.generate(), "job", new Configuration());
        JobVertex source = new JobVertex("source", 2, 128, true, new byte[0]);
        JobVertex sink = new JobVertex("sink", 2, 128, false, new byte[0]);
        JobEdge.connect(source, sink, DistributionPattern.POINTWISE);
        graph.addVertex(source);
        graph.addVertex(sink);
        return graph;
    }

    private static Path jarWithMarker(Path dir) throws Exception {
        Path jar = dir.resolve("user.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry("marker.txt"));
            jarOut.write("user code".getBytes(StandardCharsets.UTF_8));
            jarOut.closeEntry();
        }
        return jar;
    }

    @Test
    void when_jobShipsJars_then_itsTasksShareAClassLoaderOverThem_closedAfterTheJob(@TempDir Path dir) throws Exception {
        Path jar = jarWithMarker(dir);
        JobGraph job = job();
        job.addUserJar(jar.toUri());

        JobResult result = run(job);

        assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
        List<ClassLoader> loaders = tasks.tasks().stream().map(TestingTask::userClassLoader).distinct().toList();
        assertThat(loaders).hasSize(1).first().isInstanceOf(URLClassLoader.class);
        URLClassLoader loader = (URLClassLoader) loaders.get(0);
        assertThat(loader.getURLs()).containsExactly(jar.toUri().toURL());
        assertThat(loader.getParent()).isSameAs(TaskExecutor.class.getClassLoader());
        assertThat(sawMarker).hasSize(4).containsOnly(true);
        // a closed URLClassLoader finds no resources any more
        await().atMost(Duration.ofSeconds(30)).until(() -> loader.getResource("marker.txt") == null);
    }

    @Test
    void when_jobShipsNoJars_then_itsTasksUseTheTaskExecutorsClassLoader() throws Exception {
        JobResult result = run(job());

        assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(tasks.tasks()).hasSize(4)
                .allSatisfy(t -> assertThat(t.userClassLoader()).isSameAs(TaskExecutor.class.getClassLoader()));
        assertThat(sawMarker).containsOnly(false);
    }
}
