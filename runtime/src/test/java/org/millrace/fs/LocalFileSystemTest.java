package org.millrace.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.fs.Path;
import org.millrace.fs.FileSystem.WriteMode;

class LocalFileSystemTest {

    @TempDir
    java.nio.file.Path tmp;

    private Path path(String relative) {
        return new Path(tmp.resolve(relative).toString());
    }

    @Test
    void when_noSchemeOrFileScheme_then_localFileSystem() throws IOException {
        assertThat(FileSystem.get(URI.create("/tmp/x"))).isSameAs(LocalFileSystem.getSharedInstance());
        assertThat(FileSystem.get(URI.create("file:///tmp/x"))).isSameAs(LocalFileSystem.getSharedInstance());
        assertThat(new Path("relative/dir").getFileSystem()).isSameAs(FileSystem.getLocalFileSystem());
    }

    @Test
    void when_unknownScheme_then_messageNamesSchemeAndHdfsModule() {
        assertThatThrownBy(() -> FileSystem.get(URI.create("hdfs://namenode:8020/data")))
                .isInstanceOf(UnsupportedFileSystemSchemeException.class)
                .hasMessageContaining("'hdfs'")
                .hasMessageContaining("millrace-hdfs-checkpoint");
        assertThatThrownBy(() -> new Path("s3x://bucket/key").getFileSystem())
                .isInstanceOf(UnsupportedFileSystemSchemeException.class)
                .hasMessageContaining("'s3x'")
                .hasMessageContaining("[file]");
    }

    @Test
    void when_writtenThenRead_then_sameBytesAndSeekable() throws IOException {
        FileSystem fs = FileSystem.getLocalFileSystem();
        Path file = path("sub/dir/data.bin");
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }

        try (FSDataOutputStream out = fs.create(file, WriteMode.NO_OVERWRITE)) {
            out.write(data, 0, 60_000);
            out.write(data[60_000]);
            out.write(data, 60_001, data.length - 60_001);
            assertThat(out.getPos()).isEqualTo(data.length);
            out.flush();
            out.sync();
        }

        assertThat(Files.readAllBytes(tmp.resolve("sub/dir/data.bin"))).isEqualTo(data);
        try (FSDataInputStream in = fs.open(file)) {
            in.seek(99_990);
            assertThat(in.getPos()).isEqualTo(99_990);
            byte[] tail = in.readAllBytes();
            assertThat(tail).isEqualTo(Arrays.copyOfRange(data, 99_990, data.length));
            in.seek(7);
            assertThat(in.read()).isEqualTo(data[7] & 0xFF);
            assertThat(in.getPos()).isEqualTo(8);
        }
        FileStatus status = fs.getFileStatus(file);
        assertThat(status.isDir()).isFalse();
        assertThat(status.getLen()).isEqualTo(data.length);
        assertThat(status.getPath()).isEqualTo(file);
    }

    @Test
    void when_createExistingWithNoOverwrite_then_fails_andOverwriteTruncates() throws IOException {
        FileSystem fs = FileSystem.getLocalFileSystem();
        Path file = path("f.txt");
        Files.writeString(tmp.resolve("f.txt"), "old content");

        assertThatThrownBy(() -> fs.create(file, WriteMode.NO_OVERWRITE))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("NO_OVERWRITE");
        try (FSDataOutputStream out = fs.create(file, WriteMode.OVERWRITE)) {
            out.write("new".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(tmp.resolve("f.txt"))).isEqualTo("new");
    }

    @Test
    void when_listStatus_then_entriesInNameOrder_andFileListsItself() throws IOException {
        FileSystem fs = FileSystem.getLocalFileSystem();
        Files.createDirectories(tmp.resolve("d/inner"));
        Files.writeString(tmp.resolve("d/b"), "bb");
        Files.writeString(tmp.resolve("d/a"), "a");

        FileStatus[] entries = fs.listStatus(path("d"));

        assertThat(entries).extracting(s -> s.getPath().getName()).containsExactly("a", "b", "inner");
        assertThat(entries).extracting(FileStatus::isDir).containsExactly(false, false, true);
        assertThat(entries[1].getLen()).isEqualTo(2);
        assertThat(entries[0].getPath()).isEqualTo(new Path(path("d"), "a"));
        assertThat(fs.listStatus(path("d/a"))).extracting(FileStatus::getPath).containsExactly(path("d/a"));
        assertThatThrownBy(() -> fs.listStatus(path("missing"))).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void when_missingOrUnderAFile_then_doesNotExist() throws IOException {
        FileSystem fs = FileSystem.getLocalFileSystem();
        Files.writeString(tmp.resolve("plain"), "x");

        assertThat(fs.exists(path("missing"))).isFalse();
        assertThat(fs.exists(path("plain/child"))).isFalse();
        assertThat(fs.exists(path("plain"))).isTrue();
        assertThatThrownBy(() -> fs.getFileStatus(path("missing"))).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> fs.open(path("missing"))).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void when_delete_then_recursiveNeededForNonEmptyDirectories() throws IOException {
        FileSystem fs = FileSystem.getLocalFileSystem();
        Files.createDirectories(tmp.resolve("d/e"));
        Files.writeString(tmp.resolve("d/e/f"), "x");

        assertThat(fs.delete(path("nothing"), false)).isFalse();
        assertThatThrownBy(() -> fs.delete(path("d"), false)).isInstanceOf(IOException.class).hasMessageContaining("not empty");
        assertThat(fs.delete(path("d"), true)).isTrue();
        assertThat(Files.exists(tmp.resolve("d"))).isFalse();
    }

    @Test
    void when_mkdirsAndRename_then_moved() throws IOException {
        FileSystem fs = FileSystem.getLocalFileSystem();
        assertThat(fs.mkdirs(path("x/y/z"))).isTrue();
        assertThat(fs.mkdirs(path("x/y/z"))).isTrue();
        Files.writeString(tmp.resolve("x/y/z/file"), "content");
        Files.writeString(tmp.resolve("taken"), "");

        assertThat(fs.rename(path("x/y/z/file"), path("taken"))).isFalse();
        assertThat(fs.rename(path("x/y/z/file"), path("moved"))).isTrue();
        assertThat(Files.readString(tmp.resolve("moved"))).isEqualTo("content");
        assertThat(fs.rename(path("x/y/z/file"), path("again"))).isFalse();
        assertThatThrownBy(() -> fs.mkdirs(path("moved/sub"))).isInstanceOf(IOException.class);
    }

    @Test
    void when_otherSchemePath_then_localFileSystemRejectsIt() {
        assertThatThrownBy(() -> LocalFileSystem.getSharedInstance().getFileStatus(new Path("hdfs://nn/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hdfs://nn/x");
    }
}
