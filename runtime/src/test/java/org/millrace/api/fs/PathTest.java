package org.millrace.api.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PathTest {

    @Test
    void when_localPathString_then_noSchemeAndNormalizedSlashes() {
        Path p = new Path("/tmp//data/input/");

        assertThat(p.toString()).isEqualTo("/tmp/data/input");
        assertThat(p.toUri().getScheme()).isNull();
        assertThat(p.getPath()).isEqualTo("/tmp/data/input");
        assertThat(p.getName()).isEqualTo("input");
        assertThat(p.isAbsolute()).isTrue();
        assertThat(p.depth()).isEqualTo(3);
    }

    @Test
    void when_fullUri_then_schemeAuthorityAndPathAreKept() {
        Path p = new Path("hdfs://namenode:8020/user/millrace/out");

        assertThat(p.toUri().getScheme()).isEqualTo("hdfs");
        assertThat(p.toUri().getAuthority()).isEqualTo("namenode:8020");
        assertThat(p.getPath()).isEqualTo("/user/millrace/out");
        assertThat(p.toString()).isEqualTo("hdfs://namenode:8020/user/millrace/out");
        assertThat(p.getParent()).isEqualTo(new Path("hdfs://namenode:8020/user/millrace"));
    }

    @Test
    void when_fileUriWithEmptyAuthority_then_printedWithoutAuthority() {
        assertThat(new Path("file:///tmp/x").toString()).isEqualTo("file:/tmp/x");
        assertThat(new Path("file:///tmp/x")).isEqualTo(new Path("file:/tmp/x"));
    }

    @Test
    void when_parentAndChild_then_childResolvedAgainstParent() {
        assertThat(new Path(new Path("/a/b"), "c").toString()).isEqualTo("/a/b/c");
        assertThat(new Path(new Path("/a/b/"), "c/d").toString()).isEqualTo("/a/b/c/d");
        assertThat(new Path(new Path("/"), "c").toString()).isEqualTo("/c");
        assertThat(new Path(new Path("hdfs://nn/a"), "1").toString()).isEqualTo("hdfs://nn/a/1");
        assertThat(new Path(new Path("hdfs://nn"), "x").toString()).isEqualTo("hdfs://nn/x");
        assertThat(new Path(new Path("rel"), "x").toString()).isEqualTo("rel/x");
        assertThat(new Path(new Path("/a/b"), "../c").toString()).isEqualTo("/a/c");
        assertThat(new Path(new Path("hdfs://nn/a"), "/abs").toString()).isEqualTo("hdfs://nn/abs");
        assertThat(new Path(new Path("/a"), "file:/other").toString()).isEqualTo("file:/other");
        assertThat(new Path("/a", "b")).isEqualTo(new Path("/a/b"));
    }

    @Test
    void when_parentOfRootOrRelative_then_flinkRules() {
        assertThat(new Path("/").getParent()).isNull();
        assertThat(new Path("/a").getParent()).isEqualTo(new Path("/"));
        assertThat(new Path("a").getParent()).isEqualTo(new Path("."));
        assertThat(new Path("/").getName()).isEmpty();
        assertThat(new Path("/").depth()).isZero();
    }

    @Test
    void when_fromUri_then_sameAsFromString() {
        assertThat(new Path(URI.create("hdfs://nn:9000/x/y"))).isEqualTo(new Path("hdfs://nn:9000/x/y"));
        assertThat(new Path(URI.create("/x//y/"))).isEqualTo(new Path("/x/y"));
    }

    @Test
    void when_emptyOrNull_then_illegalArgument() {
        assertThatThrownBy(() -> new Path("  ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> new Path((String) null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void when_suffix_then_appendedToName() {
        assertThat(new Path("/a/part").suffix(".tmp")).isEqualTo(new Path("/a/part.tmp"));
    }

    @Test
    void when_javaSerialized_then_equalPath() throws Exception {
        Path p = new Path("hdfs://nn:8020/data/in");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }

        assertThat(back).isEqualTo(p).hasSameHashCodeAs(p);
    }
}
