package org.millrace.types.serializers;

import java.io.IOException;
import java.util.Collection;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * What {@link ListSerializer} and {@link SetSerializer} share: the size as a varint, then the
 * elements. Elements carry no null marker, so a {@code null} element is accepted only if the
 * element serializer writes nulls (as the String serializer does). Used by one thread at a time;
 * {@link #duplicate()} copies it if the element serializer is stateful.
 */
public abstract class CollectionSerializer<C extends Collection<E>, E> extends TypeSerializer<C> {

    private final TypeSerializer<E> elementSerializer;

    CollectionSerializer(TypeSerializer<E> elementSerializer) {
        this.elementSerializer = elementSerializer;
    }

    public TypeSerializer<E> getElementSerializer() {
        return elementSerializer;
    }

    /** An empty collection of this kind with room for {@code size} elements. */
    abstract C newCollection(int size);

    /** {@code reuse} emptied, with room for {@code size}, if it is of the kind read back; else a new one. */
    abstract C emptied(C reuse, int size);

    /** This serializer's kind over another element serializer. */
    abstract CollectionSerializer<C, E> withElementSerializer(TypeSerializer<E> elements);

    /** "list" or "set", for messages. */
    abstract String kind();

    /** Writes the elements in order; lists override it with indexed access. */
    void serializeElements(C record, DataOutputView target) throws IOException {
        for (E element : record) {
            elementSerializer.serialize(element, target);
        }
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public CollectionSerializer<C, E> duplicate() {
        TypeSerializer<E> duplicated = elementSerializer.duplicate();
        return duplicated == elementSerializer ? this : withElementSerializer(duplicated);
    }

    @Override
    public C createInstance() {
        return newCollection(0);
    }

    @Override
    public C copy(C from) {
        C copy = newCollection(from.size());
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
    public void serialize(C record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.size(), target);
        try {
            serializeElements(record, target);
        } catch (NullPointerException e) {
            if (containsNull(record)) {
                throw new NullPointerException("The " + kind() + " contains a null element, which " + elementSerializer
                        + " cannot write; " + kind() + " elements must not be null (use an array to store nulls)");
            }
            throw e;
        }
    }

    /** Unlike {@code contains(null)}, works on collections that reject null queries ({@code List.of}). */
    private static boolean containsNull(Collection<?> collection) {
        for (Object element : collection) {
            if (element == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public C deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public C deserialize(C reuse, DataInputView source) throws IOException {
        int size = VarInts.readLength(source);
        C collection = emptied(reuse, size);
        for (int i = 0; i < size; i++) {
            collection.add(elementSerializer.deserialize(source));
        }
        return collection;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + elementSerializer + ")";
    }
}
