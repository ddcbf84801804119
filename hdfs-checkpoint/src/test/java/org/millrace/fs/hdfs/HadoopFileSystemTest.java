package org.millrace.fs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.fs.Path;
import org.millrace.configuration.Configuration;
import org.millrace.fs.FSDataInputStream;
import org.millrace.fs.FSDataOutputStream;
import org.millrace.fs.FileStatus;
import org.millrace.fs.FileSystem;
import org.millrace.fs.FileSystem.WriteMode;
import org.millrace.fs.UnsupportedFileSystemSchemeException;

/**
 * Verifying that {@link HadoopFileSystem} keeps the contract of Millrace's FileSystem SPI on a real
 * HDFS (one {@link MiniDfs} for the class; each test works in its own directory), and that the
 * runtime finds it through ServiceLoader for {@code hdfs}, {@code webhdfs} and {@code viewfs}
 * paths, with {@code fs.hadoop.*} keys reaching Hadoop.
 */
class HadoopFileSystemTest {

    @TempDir
    static java.nio.file.Path tmp;

    private static MiniDfs dfs;
    private static HadoopFileSystem fs;

    @BeforeAll
    static void startCluster() throws IOException {
        dfs = MiniDfs.start(tmp);
        fs = dfs.fileSystem();
    }

    @AfterAll
    static void stopCluster() {
        if (dfs != null) {
            dfs.close();
        }
    }

    @AfterEach
    void resetRegistry() {
        // the registry is process-wide: leave it as a fresh process has it
        FileSystem.initialize(new Configuration());
    }

    private static byte[] bytes(int n, int seed) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i * 31 + seed);
        }
        return data;
    }

    private static void write(FileSystem fs, Path file, byte[] data) throws IOException {
        try (FSDataOutputStream out = fs.create(file, WriteMode.OVERWRITE)) {
            out.write(data);
        }
    }

    private static byte[] read(FileSystem fs, Path file) throws IOException {
        try (FSDataInputStream in = fs.open(file)) {
            return in.readAllBytes();
        }
    }

    private static String text(FileSystem fs, Path file) throws IOException {
        return new String(read(fs, file), StandardCharsets.UTF_8);
    }

    private static void writeText(FileSystem fs, Path file, String text) throws IOException {
        write(fs, file, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void when_writtenFlushedSyncedAndClosed_then_readersSeeTheBytesAndPositionsMatch() throws IOException {
        Path file = dfs.path("/write/sub/dir/data.bin");
        byte[] data = bytes(300_000, 7);

        try (FSDataOutputStream out = fs.create(file, WriteMode.NO_OVERWRITE)) {
            out.write(data, 0, 100_000);
            assertThat(out.getPos()).isEqualTo(100_000);
            out.flush();
            // hflush: a new reader sees everything written so far although the file is still open
            assertThat(read(fs, file)).isEqualTo(Arrays.copyOf(data, 100_000));

            out.write(data[100_000]);
            out.write(data, 100_001, data.length - 100_001);
            assertThat(out.getPos()).isEqualTo(data.length);
            out.sync();
            assertThat(read(fs, file)).isEqualTo(data);
        }

        assertThat(read(fs, file)).isEqualTo(data);
        try (FSDataInputStream in = fs.open(file)) {
            in.seek(299_990);
            assertThat(in.getPos()).isEqualTo(299_990);
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 299_990, data.length));
            in.seek(7);
            assertThat(in.read()).isEqualTo(data[7] & 0xFF);
            assertThat(in.getPos()).isEqualTo(8);
            byte[] chunk = new byte[1000];
            assertThat(in.readNBytes(chunk, 0, chunk.length)).isEqualTo(1000);
            assertThat(chunk).isEqualTo(Arrays.copyOfRange(data, 8, 1008));
            assertThat(in.getPos()).isEqualTo(1008);
        }

        FileStatus status = fs.getFileStatus(file);
        assertThat(status.isDir()).isFalse();
        assertThat(status.getLen()).isEqualTo(data.length);
        assertThat(status.getPath()).isEqualTo(file);
        assertThat(status.getReplication()).isEqualTo((short) 1);
        assertThat(status.getBlockSize()).isPositive();
        assertThat(status.getModificationTime()).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis() + 1000);
        assertThat(fs.getFileStatus(dfs.path("/write/sub")).isDir()).isTrue();
        assertThat(fs.isDistributedFS()).isTrue();
        assertThat(fs.getUri()).isEqualTo(dfs.uri());
    }

    @Test
    void when_noOverwriteAndFileExists_then_fileAlreadyExistsAndContentKept() throws IOException {
        Path file = dfs.path("/overwrite/f");
        writeText(fs, file, "first");

        assertThatThrownBy(() -> fs.create(file, WriteMode.NO_OVERWRITE))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("NO_OVERWRITE");
        assertThat(text(fs, file)).isEqualTo("first");

        writeText(fs, file, "second");
        assertThat(text(fs, file)).isEqualTo("second");
    }

    @Test
    void when_listed_then_entriesInNameOrderWithTheirKinds() throws IOException {
        Path dir = dfs.path("/list");
        for (String name : new String[] {"c2", "b", "c10", "a", "c 1"}) {
            writeText(fs, new Path(dir, name), name);
        }
        assertThat(fs.mkdirs(new Path(dir, "d"))).isTrue();

        FileStatus[] entries = fs.listStatus(dir);
        assertThat(entries).extracting(s -> s.getPath().getName()).containsExactly("a", "b", "c 1", "c10", "c2", "d");
        assertThat(entries).extracting(FileStatus::isDir).containsExactly(false, false, false, false, false, true);
        assertThat(entries).extracting(FileStatus::getLen).containsExactly(1L, 1L, 3L, 3L, 2L, 0L);
        assertThat(entries[0].getPath()).isEqualTo(dfs.path("/list/a"));
        assertThat(text(fs, entries[2].getPath())).as("a name that needs quoting in a URI").isEqualTo("c 1");

        assertThat(fs.listStatus(new Path(dir, "b"))).extracting(FileStatus::getPath).containsExactly(dfs.path("/list/b"));
        assertThatThrownBy(() -> fs.listStatus(dfs.path("/list/missing"))).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> fs.getFileStatus(dfs.path("/list/missing"))).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> fs.open(dfs.path("/list/missing"))).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void when_renamed_then_movedOnlyIfSourceExistsAndTargetDoesNot() throws IOException {
        Path src = dfs.path("/rename/src");
        Path dst = dfs.path("/rename/dst");
        writeText(fs, src, "payload");

        assertThat(fs.rename(src, dst)).isTrue();
        assertThat(fs.exists(src)).isFalse();
        assertThat(text(fs, dst)).isEqualTo("payload");

        assertThat(fs.rename(src, dfs.path("/rename/other"))).as("source missing").isFalse();
        assertThat(fs.exists(dfs.path("/rename/other"))).isFalse();

        Path taken = dfs.path("/rename/taken");
        writeText(fs, taken, "taken");
        assertThat(fs.rename(dst, taken)).as("target file exists").isFalse();
        assertThat(text(fs, dst)).isEqualTo("payload");
        assertThat(text(fs, taken)).isEqualTo("taken");

        Path existingDir = dfs.path("/rename/dir");
        fs.mkdirs(existingDir);
        assertThat(fs.rename(dst, existingDir)).as("target directory exists: Hadoop would move into it").isFalse();
        assertThat(fs.listStatus(existingDir)).isEmpty();
        assertThat(text(fs, dst)).isEqualTo("payload");

        assertThat(fs.rename(dst, dfs.path("/rename/no/such/parent/f"))).as("target parent missing").isFalse();
        assertThat(text(fs, dst)).isEqualTo("payload");

        assertThat(fs.rename(existingDir, dfs.path("/rename/dir2"))).as("directories move too").isTrue();
        assertThat(fs.getFileStatus(dfs.path("/rename/dir2")).isDir()).isTrue();
    }

    @Test
    void when_deleted_then_directoriesNeedRecursiveUnlessEmpty() throws IOException {
        Path dir = dfs.path("/delete/dir");
        Path file = new Path(dir, "nested/f");
        writeText(fs, file, "x");

        assertThat(fs.delete(dfs.path("/delete/missing"), false)).isFalse();
        assertThatThrownBy(() -> fs.delete(dir, false))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not empty");
        assertThat(fs.exists(file)).isTrue();

        assertThat(fs.delete(file, false)).isTrue();
        assertThat(fs.exists(file)).isFalse();
        assertThat(fs.delete(new Path(dir, "nested"), false)).as("empty directory").isTrue();

        writeText(fs, file, "y");
        assertThat(fs.delete(dir, true)).isTrue();
        assertThat(fs.exists(dir)).isFalse();
        assertThat(fs.exists(dfs.path("/delete"))).isTrue();
    }

    @Test
    void when_mkdirs_then_parentsCreatedAndAFileInTheWayFails() throws IOException {
        Path deep = dfs.path("/mkdirs/a/b/c");
        assertThat(fs.exists(deep)).isFalse();
        assertThat(fs.mkdirs(deep)).isTrue();
        assertThat(fs.exists(deep)).isTrue();
        assertThat(fs.getFileStatus(dfs.path("/mkdirs/a/b")).isDir()).isTrue();
        assertThat(fs.mkdirs(deep)).as("already there").isTrue();

        Path file = dfs.path("/mkdirs/file");
        writeText(fs, file, "x");
        assertThatThrownBy(() -> fs.mkdirs(file)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> fs.mkdirs(new Path(file, "child"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(fs.getFileStatus(file).isDir()).isFalse();
    }

    @Test
    void when_hdfsUriResolvedThroughTheRegistry_then_serviceLoaderFindsTheHadoopFactory() throws IOException {
        FileSystem viaRegistry = FileSystem.get(URI.create("hdfs://localhost:" + dfs.uri().getPort() + "/registry/x"));

        assertThat(viaRegistry).isInstanceOf(HadoopFileSystem.class);
        assertThat(viaRegistry.getUri()).isEqualTo(dfs.uri());
        assertThat(viaRegistry.isDistributedFS()).isTrue();
        assertThat(dfs.path("/registry/y").getFileSystem()).as("cached per scheme and authority").isSameAs(viaRegistry);

        writeText(viaRegistry, dfs.path("/registry/x"), "through the registry");
        assertThat(text(fs, dfs.path("/registry/x"))).isEqualTo("through the registry");
        assertThat(FileSystem.get(URI.create("file:///tmp"))).as("file stays local").isSameAs(FileSystem.getLocalFileSystem());
    }

    @Test
    void when_schemeUnknownToHadoopToo_then_unsupportedSchemeNamingIt() {
        assertThatThrownBy(() -> FileSystem.get(URI.create("nosuchfs://host/x")))
                .isInstanceOf(UnsupportedFileSystemSchemeException.class)
                .hasMessageContaining("'nosuchfs'");
    }

    @Test
    void when_fsHadoopKeysSet_then_theyReachHadoopAndConfigureViewfsAndReplication() throws IOException {
        String nameNode = dfs.uri().toString();
        FileSystem.initialize(new Configuration()
                .setString("fs.hadoop.dfs.replication", "2")
                .setString("fs.hadoop.fs.viewfs.mounttable.testcluster.link./data", nameNode + "/view-target"));

        HadoopFileSystem hdfs = (HadoopFileSystem) FileSystem.get(dfs.uri());
        assertThat(hdfs.getHadoopFileSystem().getConf().get("dfs.replication")).isEqualTo("2");
        Path file = dfs.path("/passthrough/replicated");
        writeText(hdfs, file, "two copies wanted");
        // one DataNode holds the only copy, but the NameNode records what the client asked for
        assertThat(hdfs.getFileStatus(file).getReplication()).isEqualTo((short) 2);

        Path viewFile = new Path("viewfs://testcluster/data/f.txt");
        FileSystem viewfs = viewFile.getFileSystem();
        assertThat(viewfs).isInstanceOf(HadoopFileSystem.class);
        writeText(viewfs, viewFile, "through the mount table");
        assertThat(text(fs, dfs.path("/view-target/f.txt"))).isEqualTo("through the mount table");
        assertThat(viewfs.rename(viewFile, new Path("viewfs://testcluster/data"))).as("target exists").isFalse();
        assertThat(viewfs.rename(viewFile, new Path("viewfs://testcluster/data/g.txt"))).isTrue();
        assertThat(text(fs, dfs.path("/view-target/g.txt"))).isEqualTo("through the mount table");
    }

    @Test
    void when_webhdfsUri_then_servedThroughTheNameNodesHttpPort() throws IOException {
        Path file = new Path("webhdfs://localhost:" + dfs.httpPort() + "/webhdfs/f.txt");
        FileSystem webhdfs = file.getFileSystem();
        assertThat(webhdfs).isInstanceOf(HadoopFileSystem.class);
        assertThat(webhdfs.isDistributedFS()).isTrue();

        writeText(webhdfs, file, "over http");
        assertThat(text(fs, dfs.path("/webhdfs/f.txt"))).isEqualTo("over http");
        assertThat(text(webhdfs, file)).isEqualTo("over http");
        assertThatThrownBy(() -> webhdfs.create(file, WriteMode.NO_OVERWRITE)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(webhdfs.listStatus(new Path("webhdfs://localhost:" + dfs.httpPort() + "/webhdfs")))
                .extracting(s -> s.getPath().getName()).containsExactly("f.txt");
    }
}
