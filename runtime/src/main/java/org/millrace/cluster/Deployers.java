package org.millrace.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.millrace.configuration.IllegalConfigurationException;

/** Finds the {@link Deployer} for an {@code execution.target} among those on the class path. */
public final class Deployers {

    private Deployers() {}

    public static Deployer forTarget(String target, ClassLoader classLoader) {
        List<String> known = new ArrayList<>();
        for (Deployer d : ServiceLoader.load(Deployer.class, classLoader)) {
            if (d.target().equals(target)) {
                return d;
            }
            known.add(d.target());
        }
        throw new IllegalConfigurationException(
                "Unknown execution target '" + target + "'; available: " + String.join(", ", known));
    }
}
