package org.millrace.types.serializers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@link List}: the size as a varint, then the elements. Elements carry no null
 * marker, so a {@code null} element is accepted only if the element serializer writes nulls (as
 * the String serializer does). Lists are read back as {@link ArrayList}; with a reusable
 * {@code ArrayList} the read fills it. Used by one thread at a time; {@link #duplicate()} copies
 * it if the element serializer is stateful.
 */
public final class ListSerializer<E> extends TypeSerializer<List<E>> {

    private final TypeSerializer<E> elementSerializer;

    public ListSerializer(TypeSerializer<E> elementSerializer) {
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
    public ListSerializer<E> duplicate() {
        TypeSerializer<E> duplicated = elementSerializer.duplicate();
        return duplicated == elementSerializer ? this : new ListSerializer<>(duplicated);
    }

    @Override
    public List<E> createInstance() {
        return new ArrayList<>();
    }

    @Override
    public List<E> copy(List<E> from) {
        List<E> copy = new ArrayList<>(from.size());
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
    public void serialize(List<E> record, DataOutputView target) throws IOException {
        int size = record.size();
        VarInts.writeVarInt(size, target);
        try {
            if (record instanceof RandomAccess) {
                for (int i = 0; i < size; i++) {
                    elementSerializer.serialize(record.get(i), target);
                }
            } else {
                for (E element : record) {
                    elementSerializer.serialize(element, target);
                }
            }
        } catch (NullPointerException e) {
            if (containsNull(record)) {
                throw new NullPointerException("The list contains a null element, which " + elementSerializer
                        + " cannot write; list elements must not be null (use an array to store nulls)");
            }
            throw e;
        }
    }

    /** Unlike {@code contains(null)}, works on lists that reject null queries ({@code List.of}). */
    private static boolean containsNull(List<?> list) {
        for (Object element : list) {
            if (element == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<E> deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public List<E> deserialize(List<E> reuse, DataInputView source) throws IOException {
        int size = VarInts.readLength(source);
        ArrayList<E> list;
        if (reuse instanceof ArrayList) {
            list = (ArrayList<E>) reuse;
            list.clear();
            list.ensureCapacity(size);
        } else {
            list = new ArrayList<>(size);
        }
        for (int i = 0; i < size; i++) {
            list.add(elementSerializer.deserialize(source));
        }
        return list;
    }

    @Override
    public String toString() {
        return "ListSerializer(" + elementSerializer + ")";
    }
}
