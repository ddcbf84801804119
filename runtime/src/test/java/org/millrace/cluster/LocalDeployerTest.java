package org.millrace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.millrace.api.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.dispatcher.DispatcherGateway;
import org.millrace.graph.JobGraph;
import org.millrace.graph.JobVertex;
import org.millrace.jobmaster.JobStatus;
import org.millrace.jobmaster.TestingDeploymentDescriptors;
import org.millrace.rpc.RpcException;
import org.millrace.taskmanager.TestingShuffleEnvironment;
import org.millrace.taskmanager.TestingTaskFactory;

class LocalDeployerTest {

    @Test
    void when_targetIsLocal_then_theServiceLoaderFindsTheLocalDeployer() {
        assertThat(Deployers.forTarget("local", getClass().getClassLoader())).isInstanceOf(LocalDeployer.class);
    }

    @Test
    void when_clientIsClosed_then_theClusterItStartedIsShutDown() throws Exception {
        LocalCluster cluster = LocalCluster.builder(new Configuration())
                .shuffleEnvironmentFactory(TestingShuffleEnvironment::new)
                .taskFactory(new TestingTaskFactory())
                .deploymentDescriptorFactory(new TestingDeploymentDescriptors())
                .build();
        ClusterClient client = LocalDeployer.start(cluster);
        JobGraph job = new JobGraph(JobID.generate(), "one vertex", new Configuration());
        job.addVertex(new JobVertex("only", 1, 128, true, new byte[0]));
        JobID jobId = client.submitJob(job).get();
        assertThat(client.requestJobResult(jobId).get(30, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.FINISHED);
        DispatcherGateway dispatcher = cluster.getDispatcherGateway().get();

        client.close();

        assertThatThrownBy(() -> dispatcher.listJobs().get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RpcException.class)
                .hasMessageContaining("is not running");
    }
}
