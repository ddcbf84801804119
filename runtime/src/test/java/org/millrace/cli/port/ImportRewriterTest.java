package org.millrace.cli.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.millrace.cli.port.ImportRewriter.Finding;
import org.millrace.cli.port.ImportRewriter.Result;

/**
 * Import rewriting of single files against a small hand-made table, so each expected text is
 * written out in full: only the imported names change, byte for byte. The table's Types and
 * Tuple2 are the real classes (their static members are checked), the others made up.
 */
class ImportRewriterTest {

    private static final ApiTypeTable TABLE = new ApiTypeTable(Map.of(
            "StreamExecutionEnvironment", "org.millrace.api.StreamExecutionEnvironment",
            "KeyedProcessFunction", "org.millrace.testing.KeyedProcessFunction",
            "KeyedProcessFunction.Context", "org.millrace.testing.KeyedProcessFunction.Context",
            "Types", "org.millrace.api.typeinfo.Types",
            "Tuple2", "org.millrace.api.tuple.Tuple2",
            "MapFunction", "org.millrace.api.functions.MapFunction"), "1.0");

    private final ImportRewriter rewriter = new ImportRewriter(TABLE);

    @Test
    void top_level_types_map_to_the_millrace_type_of_the_same_name() {
        Result r = rewriter.rewrite("package com.example;\n\n"
                + "import java.util.List;\n"
                + "import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;\n"
                + "import org.apache.flink.api.java.tuple.Tuple2;\n"
                + "import com.example.util.Helper;\n\n"
                + "public class Job {}\n");

        assertThat(r.text()).isEqualTo("package com.example;\n\n"
                + "import java.util.List;\n"
                + "import org.millrace.api.StreamExecutionEnvironment;\n"
                + "import org.millrace.api.tuple.Tuple2;\n"
                + "import com.example.util.Helper;\n\n"
                + "public class Job {}\n");
        assertThat(r.rewrittenImports()).isEqualTo(2);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void nested_types_map_by_outer_and_inner_name() {
        Result r = rewriter.rewrite(
                "import org.apache.flink.streaming.api.functions.KeyedProcessFunction.Context;\n"
                        + "import org.apache.flink.streaming.api.functions.KeyedProcessFunction.*;\n");

        assertThat(r.text()).isEqualTo("import org.millrace.testing.KeyedProcessFunction.Context;\n"
                + "import org.millrace.testing.KeyedProcessFunction.*;\n");
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void static_imports_keep_their_member() {
        Result r = rewriter.rewrite("import static org.apache.flink.api.common.typeinfo.Types.LONG;\n"
                + "import static org.apache.flink.api.common.typeinfo.Types.*;\n"
                + "import  static  org.apache.flink.api.java.tuple.Tuple2.of ;\n"
                + "import static org.apache.flink.streaming.api.functions.KeyedProcessFunction.Context.MAGIC;\n");

        assertThat(r.text()).isEqualTo("import static org.millrace.api.typeinfo.Types.LONG;\n"
                + "import static org.millrace.api.typeinfo.Types.*;\n"
                + "import  static  org.millrace.api.tuple.Tuple2.of ;\n"
                + "import static org.millrace.testing.KeyedProcessFunction.Context.MAGIC;\n");
        assertThat(r.rewrittenImports()).isEqualTo(4);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void unmappable_imports_stay_and_are_reported_with_their_line() {
        String source = "package a;\n"
                + "\n"
                + "import org.apache.flink.streaming.api.functions.sink.SinkFunction;\n"
                + "import org.apache.flink.api.common.typeinfo.Types;\n"
                + "import static org.apache.flink.util.Preconditions.checkNotNull;\n"
                + "import org.apache.flink.streaming.api.functions.KeyedProcessFunction.OnTimerContext;\n";

        Result r = rewriter.rewrite(source);

        assertThat(r.text()).isEqualTo(source.replace(
                "org.apache.flink.api.common.typeinfo.Types", "org.millrace.api.typeinfo.Types"));
        assertThat(r.findings()).containsExactly(
                new Finding(3, "org.apache.flink.streaming.api.functions.sink.SinkFunction has no Millrace equivalent"),
                new Finding(5, "org.apache.flink.util.Preconditions.checkNotNull has no Millrace equivalent"),
                new Finding(6, "org.apache.flink.streaming.api.functions.KeyedProcessFunction.OnTimerContext"
                        + " has no Millrace equivalent"));
    }

    @Test
    void a_static_import_of_a_member_the_millrace_type_lacks_is_reported() {
        String source = "import static org.apache.flink.api.common.typeinfo.Types.NO_SUCH_TYPE;\n"
                + "import static org.apache.flink.api.common.typeinfo.Types.LONG;\n";

        Result r = rewriter.rewrite(source);

        assertThat(r.text()).isEqualTo("import static org.apache.flink.api.common.typeinfo.Types.NO_SUCH_TYPE;\n"
                + "import static org.millrace.api.typeinfo.Types.LONG;\n");
        assertThat(r.findings()).containsExactly(new Finding(1, "org.apache.flink.api.common.typeinfo.Types.NO_SUCH_TYPE"
                + " has no Millrace equivalent (org.millrace.api.typeinfo.Types has no public static NO_SUCH_TYPE)"));
    }

    @Test
    void package_wildcards_are_reported_with_a_hint() {
        String source = "import org.apache.flink.api.common.functions.*;\n";

        Result r = rewriter.rewrite(source);

        assertThat(r.text()).isEqualTo(source);
        assertThat(r.findings()).containsExactly(new Finding(1, "org.apache.flink.api.common.functions.*"
                + " has no Millrace equivalent (a package wildcard cannot be mapped: import the types it is used for"
                + " one by one)"));
    }

    @Test
    void imports_in_comments_and_strings_are_not_imports() {
        String source = "/* Flink version:\n"
                + "import org.apache.flink.api.java.tuple.Tuple2;\n"
                + "*/\n"
                + "// import org.apache.flink.api.java.tuple.Tuple2;\n"
                + "/** {@code import org.apache.flink.api.common.functions.MapFunction;} */\n"
                + "import org.apache.flink.api.common.functions.MapFunction; // import org.apache.flink.X;\n"
                + "class Job {\n"
                + "    String s = \"import org.apache.flink.api.java.tuple.Tuple2;\";\n"
                + "    String t = \"\"\"\n"
                + "        org.apache.flink.api.java.tuple.Tuple2 \\\"\"\" \"\n"
                + "        \"\"\";\n"
                + "    char c = '\"';\n"
                + "}\n";

        Result r = rewriter.rewrite(source);

        assertThat(r.text()).isEqualTo(source.replace(
                "import org.apache.flink.api.common.functions.MapFunction; //",
                "import org.millrace.api.functions.MapFunction; //"));
        assertThat(r.rewrittenImports()).isEqualTo(1);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void line_endings_stay_as_they_are_and_lines_count_each_kind() {
        String crlf = "// header\r\n\r\nimport org.apache.flink.api.java.tuple.Tuple2;\r\n"
                + "import org.apache.flink.core.fs.FileSystem;\r\n";
        String cr = "// header\r\rimport org.apache.flink.core.fs.FileSystem;\r";

        Result crlfResult = rewriter.rewrite(crlf);
        Result crResult = rewriter.rewrite(cr);

        assertThat(crlfResult.text()).isEqualTo("// header\r\n\r\nimport org.millrace.api.tuple.Tuple2;\r\n"
                + "import org.apache.flink.core.fs.FileSystem;\r\n");
        assertThat(crlfResult.findings()).extracting(Finding::line).containsExactly(4);
        assertThat(crResult.text()).isEqualTo(cr);
        assertThat(crResult.findings()).extracting(Finding::line).containsExactly(3);
    }

    @Test
    void flink_names_written_out_in_code_are_reported_but_not_rewritten() {
        String source = "package org.apache.flink.examples;\n"
                + "class Job {\n"
                + "    org.apache.flink.api.java.tuple.Tuple2<String, Integer> pair = org.apache.flink.api.java.tuple.Tuple2.of(\"a\", 1);\n"
                + "    @org.apache.flink.annotation.Public int x;\n"
                + "}\n";

        Result r = rewriter.rewrite(source);

        assertThat(r.text()).isEqualTo(source);
        String tuple2 = "org.apache.flink.api.java.tuple.Tuple2 is written out in full outside the imports and was left"
                + " as it is: write org.millrace.api.tuple.Tuple2 instead";
        assertThat(r.findings()).containsExactly(
                new Finding(3, tuple2),
                new Finding(3, tuple2),
                new Finding(4, "org.apache.flink.annotation.Public has no Millrace equivalent (written out in full"
                        + " outside the imports)"));
    }

    @Test
    void non_ascii_text_survives_the_byte_per_char_decoding() {
        byte[] utf8 = "// Grüße, 流\nimport org.apache.flink.api.java.tuple.Tuple2;\nclass Zähler {}\n"
                .getBytes(StandardCharsets.UTF_8);
        String latin1 = new String(utf8, StandardCharsets.ISO_8859_1);

        Result r = rewriter.rewrite(latin1);

        assertThat(new String(r.text().getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8))
                .isEqualTo("// Grüße, 流\nimport org.millrace.api.tuple.Tuple2;\nclass Zähler {}\n");
    }
}
