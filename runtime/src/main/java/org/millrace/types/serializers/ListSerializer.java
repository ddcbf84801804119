package org.millrace.types.serializers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@link List} (format in {@link CollectionSerializer}). Lists are read back as
 * {@link ArrayList}; with a reusable {@code ArrayList} the read fills it.
 */
public final class ListSerializer<E> extends CollectionSerializer<List<E>, E> {

    public ListSerializer(TypeSerializer<E> elementSerializer) {
        super(elementSerializer);
    }

    @Override
    List<E> newCollection(int size) {
        return new ArrayList<>(size);
    }

    @Override
    List<E> emptied(List<E> reuse, int size) {
        if (reuse instanceof ArrayList<E> list) {
            list.clear();
            list.ensureCapacity(size);
            return list;
        }
        return new ArrayList<>(size);
    }

    @Override
    ListSerializer<E> withElementSerializer(TypeSerializer<E> elements) {
        return new ListSerializer<>(elements);
    }

    @Override
    String kind() {
        return "list";
    }

    /** Indexed access where the list has it: no iterator per record. */
    @Override
    void serializeElements(List<E> record, DataOutputView target) throws IOException {
        if (record instanceof RandomAccess) {
            TypeSerializer<E> elements = getElementSerializer();
            for (int i = 0, size = record.size(); i < size; i++) {
                elements.serialize(record.get(i), target);
            }
        } else {
            super.serializeElements(record, target);
        }
    }
}
