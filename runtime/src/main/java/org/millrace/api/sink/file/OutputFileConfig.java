package org.millrace.api.sink.file;

import java.io.Serializable;
import java.util.Objects;

/**
 * The prefix and suffix of a {@link FileSink}'s part file names:
 * {@code <prefix>-<uuid>-<subtask>-<counter><suffix>} (defaults "part" and ""). The prefix must
 * not start with '.' or '_' (those files count as hidden and readers skip them). An immutable
 * value.
 */
public final class OutputFileConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String partPrefix;
    private final String partSuffix;

    public OutputFileConfig(String partPrefix, String partSuffix) {
        this.partPrefix = Objects.requireNonNull(partPrefix, "partPrefix");
        this.partSuffix = Objects.requireNonNull(partSuffix, "partSuffix");
        if (partPrefix.isEmpty() || partPrefix.startsWith(".") || partPrefix.startsWith("_")) {
            throw new IllegalArgumentException("The part prefix must not be empty nor start with '.' or '_'"
                    + " (such files are hidden from readers): '" + partPrefix + "'");
        }
        if (partPrefix.indexOf('/') >= 0 || partSuffix.indexOf('/') >= 0) {
            throw new IllegalArgumentException("The part prefix and suffix must not contain '/': '"
                    + partPrefix + "', '" + partSuffix + "'");
        }
    }

    public static OutputFileConfigBuilder builder() {
        return new OutputFileConfigBuilder();
    }

    public String getPartPrefix() {
        return partPrefix;
    }

    public String getPartSuffix() {
        return partSuffix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputFileConfig && partPrefix.equals(((OutputFileConfig) o).partPrefix)
                && partSuffix.equals(((OutputFileConfig) o).partSuffix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partPrefix, partSuffix);
    }

    @Override
    public String toString() {
        return "OutputFileConfig(" + partPrefix + "-...-<counter>" + partSuffix + ")";
    }

    /** Builds an {@link OutputFileConfig}; used by one thread. */
    public static final class OutputFileConfigBuilder {

        private String partPrefix = "part";
        private String partSuffix = "";

        private OutputFileConfigBuilder() {}

        public OutputFileConfigBuilder withPartPrefix(String prefix) {
            this.partPrefix = prefix;
            return this;
        }

        public OutputFileConfigBuilder withPartSuffix(String suffix) {
            this.partSuffix = suffix;
            return this;
        }

        public OutputFileConfig build() {
            return new OutputFileConfig(partPrefix, partSuffix);
        }
    }
}
