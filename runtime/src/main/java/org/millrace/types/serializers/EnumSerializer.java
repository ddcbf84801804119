package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for an enum type: the constant's ordinal as a varint. Reordering or removing
 * constants therefore changes the meaning of stored state. Stateless after construction; any
 * threads.
 */
public final class EnumSerializer<E extends Enum<E>> extends ImmutableSerializer<E> {

    private final Class<E> enumClass;
    private final E[] constants;

    public EnumSerializer(Class<E> enumClass) {
        this.enumClass = enumClass;
        this.constants = enumClass.getEnumConstants();
        if (constants == null) {
            throw new IllegalArgumentException(enumClass.getName() + " is not an enum");
        }
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(E record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.ordinal(), target);
    }

    @Override
    public E deserialize(DataInputView source) throws IOException {
        int ordinal = VarInts.readVarInt(source);
        if (ordinal < 0 || ordinal >= constants.length) {
            throw new IOException("no constant with ordinal " + ordinal + " in " + enumClass.getName());
        }
        return constants[ordinal];
    }

    @Override
    public String toString() {
        return "EnumSerializer(" + enumClass.getName() + ")";
    }
}
