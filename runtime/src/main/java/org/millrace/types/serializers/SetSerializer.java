package org.millrace.types.serializers;

import java.util.HashSet;
import java.util.Set;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@link Set} (format in {@link CollectionSerializer}). Sets are read back as
 * {@link HashSet}; with a reusable {@code HashSet} the read fills it.
 */
public final class SetSerializer<E> extends CollectionSerializer<Set<E>, E> {

    public SetSerializer(TypeSerializer<E> elementSerializer) {
        super(elementSerializer);
    }

    @Override
    Set<E> newCollection(int size) {
        return new HashSet<>(capacityFor(size));
    }

    @Override
    Set<E> emptied(Set<E> reuse, int size) {
        if (reuse instanceof HashSet<E> set) {
            set.clear();
            return set;
        }
        return new HashSet<>(capacityFor(size));
    }

    @Override
    SetSerializer<E> withElementSerializer(TypeSerializer<E> elements) {
        return new SetSerializer<>(elements);
    }

    @Override
    String kind() {
        return "set";
    }

    private static int capacityFor(int size) {
        return size < 3 ? 4 : (int) (size / 0.75f) + 1;
    }
}
