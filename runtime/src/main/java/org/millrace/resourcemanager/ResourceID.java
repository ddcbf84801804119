package org.millrace.resourcemanager;

import java.io.Serializable;

/** Identifies a TaskManager process (in-JVM: {@code taskmanager-<n>}; on YARN: its container id). */
public record ResourceID(String value) implements Serializable {

    @Override
    public String toString() {
        return value;
    }
}
