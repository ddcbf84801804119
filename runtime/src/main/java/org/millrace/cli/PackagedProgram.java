package org.millrace.cli;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job jar opened for running: its own class loader (parent: the CLI's), the entry class and its
 * {@code main} method, all checked before anything runs so that each problem is one clear line.
 * Used by the CLI's main thread; {@link #close()} closes the class loader.
 */
final class PackagedProgram implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PackagedProgram.class);

    private final Path jar;
    private final URLClassLoader classLoader;
    private final Class<?> entryClass;
    private final Method mainMethod;

    private PackagedProgram(Path jar, URLClassLoader classLoader, Class<?> entryClass, Method mainMethod) {
        this.jar = jar;
        this.classLoader = classLoader;
        this.entryClass = entryClass;
        this.mainMethod = mainMethod;
    }

    /**
     * Opens {@code jar} and finds the entry class: {@code entryClassName} if given, else the
     * manifest's {@code Main-Class}.
     *
     * @throws CliException (exit code 2) if the jar is missing or unreadable, there is no entry
     *     class, it is not in the jar, or it has no {@code public static void main(String[])}
     */
    static PackagedProgram open(Path jar, String entryClassName, ClassLoader parent) throws CliException {
        Manifest manifest = readManifest(jar);
        String className = entryClassName != null ? entryClassName : mainClassOf(manifest);
        if (className == null || className.isBlank()) {
            throw new CliException(MillraceCli.EXIT_USAGE, "No entry class: use -c CLASS or set Main-Class in the jar manifest");
        }
        URLClassLoader loader = new URLClassLoader("millrace-user-code", new URL[] {toUrl(jar)}, parent);
        try {
            Class<?> entryClass = loadClass(loader, className.trim(), jar);
            return new PackagedProgram(jar, loader, entryClass, findMain(entryClass));
        } catch (CliException | RuntimeException e) {
            closeQuietly(loader, e);
            throw e;
        }
    }

    private static Manifest readManifest(Path jar) throws CliException {
        if (!Files.exists(jar)) {
            throw unreadable(jar, "no such file", null);
        }
        if (Files.isDirectory(jar)) {
            throw unreadable(jar, "it is a directory", null);
        }
        if (!Files.isReadable(jar)) {
            throw unreadable(jar, "permission denied", null);
        }
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            return jarFile.getManifest();
        } catch (IOException | SecurityException e) {
            throw unreadable(jar, "not a jar file (" + e.getMessage() + ")", e);
        }
    }

    private static CliException unreadable(Path jar, String why, Throwable cause) {
        return new CliException(MillraceCli.EXIT_USAGE, "Cannot read job jar '" + jar + "': " + why, cause);
    }

    private static String mainClassOf(Manifest manifest) {
        return manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
    }

    private static URL toUrl(Path jar) throws CliException {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw unreadable(jar, e.getMessage(), e);
        }
    }

    private static Class<?> loadClass(ClassLoader loader, String className, Path jar) throws CliException {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new CliException(MillraceCli.EXIT_USAGE, "Entry class '" + className + "' not found in job jar '" + jar + "'", e);
        } catch (LinkageError e) {
            throw new CliException(MillraceCli.EXIT_USAGE,
                    "Cannot load entry class '" + className + "' from job jar '" + jar + "': " + e, e);
        }
    }

    private static Method findMain(Class<?> entryClass) throws CliException {
        Method main;
        try {
            main = entryClass.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            main = null;
        } catch (LinkageError e) {
            throw new CliException(MillraceCli.EXIT_USAGE,
                    "Cannot load entry class '" + entryClass.getName() + "': " + e, e);
        }
        if (main == null || !Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
            throw new CliException(MillraceCli.EXIT_USAGE,
                    "Entry class '" + entryClass.getName() + "' has no public static void main(String[]) method");
        }
        // like the java launcher, accept a main method of a class that is not itself public
        main.setAccessible(true);
        return main;
    }

    URI jarUri() {
        return jar.toUri();
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    String entryClassName() {
        return entryClass.getName();
    }

    /**
     * Calls {@code main(args)} with the job's class loader as the thread's context class loader.
     *
     * @throws InvocationTargetException wrapping whatever {@code main} threw
     */
    void invokeMain(String[] args) throws InvocationTargetException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            mainMethod.invoke(null, (Object) args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("main was made accessible", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Closes the class loader; a failure to close is logged, as the program's outcome matters more. */
    @Override
    public void close() {
        try {
            classLoader.close();
        } catch (IOException e) {
            LOG.warn("Could not close the class loader of {}", jar, e);
        }
    }

    private static void closeQuietly(URLClassLoader loader, Exception failure) {
        try {
            loader.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
