package org.millrace.fs.hdfs;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.millrace.api.fs.Path;

/**
 * A real HDFS for tests: a {@link MiniDFSCluster} with one NameNode and one DataNode in this JVM,
 * its files under a given base directory, plus a {@link HadoopFileSystem} client for it. Start one
 * per test class ({@code @BeforeAll}, about 5 to 9 s here) and {@link #close} it in
 * {@code @AfterAll}. Used from the test thread; the file system it hands out is thread-safe.
 *
 * <pre>{@code
 * @TempDir static java.nio.file.Path tmp;
 * static MiniDfs dfs;
 * @BeforeAll static void start() throws IOException { dfs = MiniDfs.start(tmp); }
 * @AfterAll static void stop() { dfs.close(); }
 * ... dfs.fileSystem().create(dfs.path("/checkpoints/chk-1/_metadata"), WriteMode.NO_OVERWRITE) ...
 * }</pre>
 */
public final class MiniDfs implements AutoCloseable {

    private final MiniDFSCluster cluster;
    private final URI uri;
    private final HadoopFileSystem fileSystem;

    private MiniDfs(MiniDFSCluster cluster) throws IOException {
        this.cluster = cluster;
        this.uri = cluster.getURI();
        this.fileSystem = new HadoopFileSystem(org.apache.hadoop.fs.FileSystem.newInstance(uri, clientConfiguration()));
    }

    /** Starts a cluster keeping its NameNode and DataNode directories under {@code baseDir}, and waits until it is up. */
    public static MiniDfs start(java.nio.file.Path baseDir) throws IOException {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toAbsolutePath().resolve("minidfs").toString());
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            cluster.waitClusterUp();
            return new MiniDfs(cluster);
        } catch (IOException | RuntimeException e) {
            cluster.shutdown();
            throw e;
        }
    }

    /** The NameNode's URI, {@code hdfs://localhost:<port>}. */
    public URI uri() {
        return uri;
    }

    /** {@code absolutePath} (e.g. {@code /data/input.txt}) on this cluster, with scheme and authority. */
    public Path path(String absolutePath) {
        return new Path(uri.getScheme(), uri.getAuthority(), absolutePath);
    }

    /** A client of this cluster, shared by the callers; closed with the cluster. */
    public HadoopFileSystem fileSystem() {
        return fileSystem;
    }

    /** A copy of the cluster's client configuration (replication 1, the NameNode address as default file system). */
    public org.apache.hadoop.conf.Configuration clientConfiguration() {
        return new org.apache.hadoop.conf.Configuration(cluster.getConfiguration(0));
    }

    /** The HTTP port of the NameNode, which serves {@code webhdfs://localhost:<port>}. */
    public int httpPort() {
        return cluster.getNameNode().getHttpAddress().getPort();
    }

    public MiniDFSCluster cluster() {
        return cluster;
    }

    @Override
    public void close() {
        try {
            fileSystem.getHadoopFileSystem().close();
        } catch (IOException e) {
            // the cluster goes away next; a client failing to close does not matter then
        }
        cluster.shutdown();
    }
}
