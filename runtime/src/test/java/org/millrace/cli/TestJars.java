package org.millrace.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds small job jars for CLI tests: compiles Java sources with the system compiler against the
 * runtime's classes (and the test classes, for {@link ProgramProbe}) and packs them with an
 * optional {@code Main-Class}. Used by one test thread at a time.
 */
final class TestJars {

    /** Source of a Deployer for target "testing", so that run's target check passes without the engine. */
    static final String TESTING_DEPLOYER = """
            package jobs;
            public class TestingDeployer implements org.millrace.cluster.Deployer {
                public String target() { return "testing"; }
                public org.millrace.cluster.ClusterClient deploy(org.millrace.configuration.Configuration c) {
                    throw new UnsupportedOperationException("the testing target runs no jobs");
                }
            }
            """;

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private String mainClass;

    static TestJars jar() {
        return new TestJars();
    }

    /** Adds a class; {@code className} is fully qualified. */
    TestJars source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    TestJars mainClass(String className) {
        this.mainClass = className;
        return this;
    }

    /** Adds {@link #TESTING_DEPLOYER} and its service entry. */
    TestJars withTestingDeployer() {
        sources.put("jobs.TestingDeployer", TESTING_DEPLOYER);
        resources.put("META-INF/services/org.millrace.cluster.Deployer", "jobs.TestingDeployer\n");
        return this;
    }

    /** Compiles the sources and writes the jar to {@code jarFile}. */
    Path build(Path jarFile) throws IOException {
        Path work = Files.createTempDirectory(jarFile.getParent(), "classes");
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", compileClassPath(), "-nowarn"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        if (!sources.isEmpty()) {
            compile(args);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile), manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                put(jar, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
            for (Map.Entry<String, String> r : resources.entrySet()) {
                put(jar, r.getKey(), r.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jarFile;
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }

    private static void compile(List<String> args) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        OutputStream errors = new OutputStream() {
            @Override
            public void write(int b) {
                diagnostics.write(b);
            }
        };
        int rc = compiler.run(null, errors, errors, args.toArray(new String[0]));
        if (rc != 0) {
            throw new IllegalStateException("test job sources do not compile:\n" + diagnostics);
        }
    }

    /** The runtime's classes and the test classes, wherever Maven put them. */
    static String compileClassPath() {
        return String.join(java.io.File.pathSeparator, location(MillraceCli.class), location(TestJars.class));
    }

    /** The repository's top directory (the one holding bin/ and conf/), found upwards from the working directory. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("conf/millrace.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no conf/millrace.yaml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
