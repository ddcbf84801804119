package org.millrace.api.fs;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import org.millrace.fs.FileSystem;

/**
 * Names a file or directory in some {@link FileSystem}: an optional scheme ({@code file},
 * {@code hdfs}), an optional authority ({@code namenode:8020}) and a '/'-separated path, which may
 * be relative. Paths are normalized on creation (repeated and trailing slashes removed, {@code .}
 * and {@code ..} resolved), so equal strings after normalization give equal paths.
 *
 * <p>An immutable value: safe to share between threads, and serializable so it travels in the
 * job graph inside sources and sinks.
 */
public final class Path implements Serializable, Comparable<Path> {

    private static final long serialVersionUID = 1L;

    /** The separator between path segments. */
    public static final String SEPARATOR = "/";

    public static final char SEPARATOR_CHAR = '/';

    /** The name of the current directory, the parent of a one-segment relative path. */
    public static final String CUR_DIR = ".";

    private final URI uri;

    /** Parses {@code pathString}: {@code /tmp/x}, {@code file:///tmp/x}, {@code hdfs://nn:8020/data}, {@code rel/dir}. */
    public Path(String pathString) {
        this.uri = parse(checkNotBlank(pathString));
    }

    public Path(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("Can not create a Path from a null URI");
        }
        this.uri = build(uri.getScheme(), uri.getAuthority(), uri.getPath() == null ? "" : uri.getPath());
    }

    /** A path from its parts; {@code scheme} and {@code authority} may be null. */
    public Path(String scheme, String authority, String path) {
        this.uri = build(scheme, authority, checkNotBlank(path));
    }

    /** {@code child} resolved against {@code parent}; an absolute child keeps only the parent's scheme and authority. */
    public Path(Path parent, String child) {
        this(parent, new Path(child));
    }

    public Path(String parent, String child) {
        this(new Path(parent), new Path(child));
    }

    public Path(Path parent, Path child) {
        URI p = parent.uri;
        URI c = child.uri;
        if (c.getScheme() != null) {
            this.uri = c;
        } else if (c.getPath().startsWith(SEPARATOR)) {
            this.uri = build(p.getScheme(), c.getAuthority() != null ? c.getAuthority() : p.getAuthority(), c.getPath());
        } else {
            String parentPath = p.getPath();
            String joined;
            if (parentPath.isEmpty()) {
                joined = p.getAuthority() != null ? SEPARATOR + c.getPath() : c.getPath();
            } else if (parentPath.endsWith(SEPARATOR)) {
                joined = parentPath + c.getPath();
            } else {
                joined = parentPath + SEPARATOR + c.getPath();
            }
            this.uri = build(p.getScheme(), p.getAuthority(), joined);
        }
    }

    private static String checkNotBlank(String s) {
        if (s == null) {
            throw new IllegalArgumentException("Can not create a Path from a null string");
        }
        String trimmed = s.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Can not create a Path from an empty string");
        }
        return trimmed;
    }

    private static URI parse(String s) {
        String scheme = null;
        String authority = null;
        int start = 0;
        int colon = s.indexOf(':');
        int slash = s.indexOf('/');
        if (colon > 0 && (slash == -1 || colon < slash)) {
            scheme = s.substring(0, colon);
            start = colon + 1;
        }
        if (s.startsWith("//", start)) {
            int next = s.indexOf('/', start + 2);
            int authEnd = next == -1 ? s.length() : next;
            authority = s.substring(start + 2, authEnd);
            start = authEnd;
        }
        return build(scheme, authority, s.substring(start));
    }

    private static URI build(String scheme, String authority, String path) {
        String auth = authority == null || authority.isEmpty() ? null : authority;
        String normalized = normalizeSlashes(path);
        if (auth != null && !normalized.isEmpty() && !normalized.startsWith(SEPARATOR)) {
            normalized = SEPARATOR + normalized;
        }
        try {
            URI u = new URI(scheme, auth, normalized, null, null).normalize();
            // URI.normalize turns "a/.." into "" and keeps a trailing slash from "a/b/..": clean both.
            String p = u.getPath();
            if (p.length() > 1 && p.endsWith(SEPARATOR)) {
                u = new URI(scheme, auth, p.substring(0, p.length() - 1), null, null);
            } else if (p.isEmpty() && scheme == null && auth == null) {
                u = new URI(null, null, CUR_DIR, null, null);
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid path: scheme=" + scheme + ", authority=" + auth + ", path=" + path
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /** Collapses repeated slashes and drops a trailing slash (but keeps the root "/"). */
    private static String normalizeSlashes(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        char prev = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == SEPARATOR_CHAR && prev == SEPARATOR_CHAR) {
                continue;
            }
            sb.append(c);
            prev = c;
        }
        if (sb.length() > 1 && sb.charAt(sb.length() - 1) == SEPARATOR_CHAR) {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    public URI toUri() {
        return uri;
    }

    /** The path part, without scheme and authority. */
    public String getPath() {
        return uri.getPath();
    }

    /** The last segment: the file or directory name ("" for the root). */
    public String getName() {
        String path = uri.getPath();
        return path.substring(path.lastIndexOf(SEPARATOR_CHAR) + 1);
    }

    /** The parent path, or null for the root (and for an empty path). */
    public Path getParent() {
        String path = uri.getPath();
        int lastSlash = path.lastIndexOf(SEPARATOR_CHAR);
        if (path.isEmpty() || path.equals(SEPARATOR) || path.equals(CUR_DIR)) {
            return null;
        }
        String parent;
        if (lastSlash == -1) {
            parent = CUR_DIR;
        } else if (lastSlash == 0) {
            parent = SEPARATOR;
        } else {
            parent = path.substring(0, lastSlash);
        }
        return new Path(uri.getScheme(), uri.getAuthority(), parent);
    }

    public boolean isAbsolute() {
        return uri.getPath().startsWith(SEPARATOR);
    }

    /** The number of segments: 0 for the root. */
    public int depth() {
        String path = uri.getPath();
        int depth = 0;
        int slash = path.length() == 1 && path.charAt(0) == SEPARATOR_CHAR ? -1 : 0;
        while (slash != -1) {
            depth++;
            slash = path.indexOf(SEPARATOR_CHAR, slash + 1);
        }
        return depth;
    }

    /** This path with {@code suffix} appended to its last segment. */
    public Path suffix(String suffix) {
        return new Path(uri.getScheme(), uri.getAuthority(), uri.getPath() + suffix);
    }

    /** The file system this path lives in ({@link FileSystem#get}). */
    public FileSystem getFileSystem() throws IOException {
        return FileSystem.get(uri);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (uri.getScheme() != null) {
            sb.append(uri.getScheme()).append(':');
        }
        if (uri.getAuthority() != null) {
            sb.append("//").append(uri.getAuthority());
        }
        sb.append(uri.getPath());
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path && uri.equals(((Path) o).uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public int compareTo(Path other) {
        return uri.compareTo(other.uri);
    }
}
