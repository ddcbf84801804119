package org.millrace.fs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verifying that the runtime keeps working when this module's jar is on the class path but
 * Hadoop's jars are not (DESIGN: a local user never needs Hadoop): {@code file} paths resolve,
 * and an {@code hdfs} path fails with a message saying what to add.
 */
class HadoopFileSystemFactoryTest {

    /**
     * Loads Millrace's classes itself (from the test class path) and refuses every Hadoop class, as
     * a JVM started without Hadoop's jars would; everything else comes from the parent. Used by the
     * test thread only.
     */
    private static final class WithoutHadoopClassLoader extends URLClassLoader {

        WithoutHadoopClassLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.apache.hadoop.")) {
                throw new ClassNotFoundException(name + " (hidden by the test)");
            }
            if (!name.startsWith("org.millrace.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }
    }

    private static URL[] testClassPath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        return urls.toArray(new URL[0]);
    }

    /** Calls {@code org.millrace.fs.FileSystem.get(uri)} as loaded by {@code loader}; returns the result or what it threw. */
    private static Object fileSystemGet(ClassLoader loader, String uri) throws ReflectiveOperationException {
        Method get = Class.forName("org.millrace.fs.FileSystem", true, loader).getMethod("get", URI.class);
        try {
            return get.invoke(null, URI.create(uri));
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    @Test
    void when_hadoopMissingFromClassPath_then_fileStillWorksAndHdfsSaysWhatToAdd() throws Exception {
        try (URLClassLoader loader = new WithoutHadoopClassLoader(testClassPath(), getClass().getClassLoader())) {
            assertThat(loader.loadClass("org.millrace.fs.FileSystem")).isNotSameAs(org.millrace.fs.FileSystem.class);

            Object local = fileSystemGet(loader, "file:///tmp");
            assertThat(local.getClass().getName()).isEqualTo("org.millrace.fs.LocalFileSystem");

            Object failure = fileSystemGet(loader, "hdfs://namenode:8020/data");
            assertThat(failure.getClass().getName()).isEqualTo("org.millrace.fs.UnsupportedFileSystemSchemeException");
            assertThat(((Throwable) failure).getMessage())
                    .contains("'hdfs'")
                    .contains("Hadoop's classes are not on the class path")
                    .contains("HADOOP_CLASSPATH");
        }
    }

    @Test
    void when_factoryAsked_then_itIsTheFallbackForSchemesWithoutAFactory() {
        assertThat(new HadoopFileSystemFactory().getScheme()).isEqualTo(org.millrace.fs.FileSystemFactory.FALLBACK_SCHEME);
    }
}
