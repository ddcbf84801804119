package org.millrace.types.serializers;

import java.io.IOException;
import java.lang.reflect.Array;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for arrays of objects ({@code C[]}): the length as a varint, then per element a null
 * marker byte (0 = null, 1 = present) followed by the element. The array itself must not be
 * {@code null}. Used by one thread at a time; {@link #duplicate()} copies it if the element
 * serializer is stateful.
 */
public final class ObjectArraySerializer<C> extends TypeSerializer<C[]> {

    private final Class<C> componentClass;
    private final TypeSerializer<C> elementSerializer;
    private final C[] empty;

    @SuppressWarnings("unchecked")
    public ObjectArraySerializer(Class<C> componentClass, TypeSerializer<C> elementSerializer) {
        this.componentClass = componentClass;
        this.elementSerializer = elementSerializer;
        this.empty = (C[]) Array.newInstance(componentClass, 0);
    }

    public TypeSerializer<C> getElementSerializer() {
        return elementSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public ObjectArraySerializer<C> duplicate() {
        TypeSerializer<C> duplicated = elementSerializer.duplicate();
        return duplicated == elementSerializer ? this : new ObjectArraySerializer<>(componentClass, duplicated);
    }

    @Override
    public C[] createInstance() {
        return empty;
    }

    @Override
    public C[] copy(C[] from) {
        C[] copy = from.clone();
        if (!elementSerializer.isImmutableType()) {
            for (int i = 0; i < copy.length; i++) {
                if (copy[i] != null) {
                    copy[i] = elementSerializer.copy(copy[i]);
                }
            }
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(C[] record, DataOutputView target) throws IOException {
        int length = record.length;
        VarInts.writeVarInt(length, target);
        for (int i = 0; i < length; i++) {
            C element = record[i];
            if (element == null) {
                target.writeByte(0);
            } else {
                target.writeByte(1);
                elementSerializer.serialize(element, target);
            }
        }
    }

    @Override
    public C[] deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    @SuppressWarnings("unchecked")
    public C[] deserialize(C[] reuse, DataInputView source) throws IOException {
        int length = VarInts.readLength(source);
        C[] array = reuse != null && reuse.length == length ? reuse : (C[]) Array.newInstance(componentClass, length);
        for (int i = 0; i < length; i++) {
            array[i] = source.readByte() == 0 ? null : elementSerializer.deserialize(array[i], source);
        }
        return array;
    }

    @Override
    public String toString() {
        return "ObjectArraySerializer(" + elementSerializer + ")";
    }
}
