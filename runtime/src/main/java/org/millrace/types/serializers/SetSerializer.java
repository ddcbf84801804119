package org.millrace.types.serializers;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@link Set}: the size as a varint, then the elements (format as
 * {@link ListSerializer}). Sets are read back as {@link HashSet}; with a reusable {@code HashSet}
 * the read fills it. Used by one thread at a time; {@link #duplicate()} copies it if the element
 * serializer is stateful.
 */
public final class SetSerializer<E> extends TypeSerializer<Set<E>> {

    private final TypeSerializer<E> elementSerializer;

    public SetSerializer(TypeSerializer<E> elementSerializer) {
        this.elementSerializer = elementSerializer;
    }

    public TypeSerializer<E> getElementSerializer() {
        return elementSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public SetSerializer<E> duplicate() {
        TypeSerializer<E> duplicated = elementSerializer.duplicate();
        return duplicated == elementSerializer ? this : new SetSerializer<>(duplicated);
    }

    @Override
    public Set<E> createInstance() {
        return new HashSet<>();
    }

    @Override
    public Set<E> copy(Set<E> from) {
        Set<E> copy = new HashSet<>(capacityFor(from.size()));
        boolean immutable = elementSerializer.isImmutableType();
        for (E element : from) {
            copy.add(immutable || element == null ? element : elementSerializer.copy(element));
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Set<E> record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.size(), target);
        for (E element : record) {
            try {
                elementSerializer.serialize(element, target);
            } catch (NullPointerException e) {
                if (element == null) {
                    throw new NullPointerException("The set contains null, which " + elementSerializer + " cannot write");
                }
                throw e;
            }
        }
    }

    @Override
    public Set<E> deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public Set<E> deserialize(Set<E> reuse, DataInputView source) throws IOException {
        int size = VarInts.readLength(source);
        Set<E> set;
        if (reuse instanceof HashSet) {
            set = reuse;
            set.clear();
        } else {
            set = new HashSet<>(capacityFor(size));
        }
        for (int i = 0; i < size; i++) {
            set.add(elementSerializer.deserialize(source));
        }
        return set;
    }

    private static int capacityFor(int size) {
        return size < 3 ? 4 : (int) (size / 0.75f) + 1;
    }

    @Override
    public String toString() {
        return "SetSerializer(" + elementSerializer + ")";
    }
}
