package org.millrace.state;

import java.util.Locale;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;

/** Picks the {@link StateBackend} that {@code state.backend.type} names. Stateless; any thread. */
public final class StateBackendLoader {

    private StateBackendLoader() {}

    public static StateBackend fromConfiguration(Configuration configuration) {
        String type = configuration.get(CheckpointingOptions.STATE_BACKEND).trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case HashMapStateBackend.NAME:
                return new HashMapStateBackend();
            case EmbeddedRocksDBStateBackend.NAME:
                return EmbeddedRocksDBStateBackend.fromConfiguration(configuration);
            default:
                throw new IllegalConfigurationException("Unknown state backend '" + type + "' ("
                        + CheckpointingOptions.STATE_BACKEND.key() + "): use hashmap or rocksdb");
        }
    }
}
