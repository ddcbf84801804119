package org.millrace.cli.port;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ports a source tree from Flink to Millrace: copies it to another directory (or edits it in
 * place), rewriting the imports of every {@code .java} file with {@link ImportRewriter} and the
 * Flink dependencies of every {@code pom.xml} with {@link PomRewriter}; every other file is copied
 * as it is, with its attributes, and symbolic links are copied as links (in place: left alone).
 * Files are read and written as bytes (decoded one char per byte), so whatever is not rewritten
 * stays byte for byte, line endings and encoding included. Runs on the CLI's main thread.
 */
public final class SourceTreePorter {

    /**
     * What a port did. {@code problems} are {@code file:line: message} lines, each naming a Flink
     * import or name left as it was; {@code notes} describe the {@code pom.xml} changes.
     */
    public record Report(
            List<String> problems, List<String> notes, int javaFiles, int rewrittenImports, int otherFiles) {

        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    private final ImportRewriter imports;
    private final PomRewriter poms;
    private final ApiTypeTable table;

    public SourceTreePorter(ApiTypeTable table) {
        this.table = table;
        this.imports = new ImportRewriter(table);
        this.poms = new PomRewriter(table.version());
    }

    /**
     * Ports {@code sourceDir} into {@code targetDir}, which the caller made sure is empty or
     * missing, and outside {@code sourceDir}; or into {@code sourceDir} itself when both are the
     * same. File names in the report start with {@code sourceDir} as given.
     */
    public Report port(Path sourceDir, Path targetDir) throws IOException {
        boolean inPlace = sourceDir.equals(targetDir);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(sourceDir)) {
            paths = walk.map(sourceDir::relativize).sorted(Comparator.comparing(Path::toString)).toList();
        }
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int javaFiles = 0;
        int rewrittenImports = 0;
        int otherFiles = 0;
        for (Path relative : paths) {
            Path source = sourceDir.resolve(relative);
            Path target = targetDir.resolve(relative);
            if (Files.isSymbolicLink(source)) {
                if (!inPlace) {
                    Files.copy(source, target, LinkOption.NOFOLLOW_LINKS);
                }
            } else if (Files.isDirectory(source)) {
                if (!inPlace) {
                    Files.createDirectories(target);
                }
            } else if (relative.getFileName().toString().endsWith(".java")) {
                javaFiles++;
                ImportRewriter.Result result = imports.rewrite(read(source));
                rewrittenImports += result.rewrittenImports();
                for (ImportRewriter.Finding finding : result.findings()) {
                    problems.add(source + ":" + finding.line() + ": " + finding.message());
                }
                write(source, target, result.text(), result.rewrittenImports() > 0, inPlace);
            } else if (relative.getFileName().toString().equals("pom.xml")) {
                otherFiles++;
                PomRewriter.Result result = poms.rewrite(read(source));
                boolean changed = !result.removedArtifacts().isEmpty();
                if (changed) {
                    notes.add("Note: " + source + ": replaced the " + PomRewriter.FLINK_GROUP + " dependencies "
                            + String.join(", ", result.removedArtifacts()) + " by org.millrace:millrace-runtime:"
                            + table.version() + " (scope provided); Flink properties and plugins are left as they are");
                }
                write(source, target, result.text(), changed, inPlace);
            } else {
                otherFiles++;
                if (!inPlace) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return new Report(List.copyOf(problems), List.copyOf(notes), javaFiles, rewrittenImports, otherFiles);
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    private static void write(Path source, Path target, String text, boolean changed, boolean inPlace)
            throws IOException {
        if (!inPlace) {
            // the copy first, so the rewritten file keeps the original's permissions
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        if (changed) {
            Files.write(target, text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
