package org.millrace.api.state;

import java.util.List;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Describes a {@link ListState} by its name and element type. Built by user code; see
 * {@link StateDescriptor} for threads.
 */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, List<T>> {

    private static final long serialVersionUID = 1L;

    private final TypeSlot<T> elementType;

    public ListStateDescriptor(String name, Class<T> elementTypeClass) {
        super(name);
        this.elementType = TypeSlot.of(elementTypeClass, "the element");
    }

    public ListStateDescriptor(String name, TypeInformation<T> elementTypeInfo) {
        super(name);
        this.elementType = TypeSlot.of(elementTypeInfo, "the element");
    }

    @Override
    public Type getType() {
        return Type.LIST;
    }

    public TypeInformation<T> getElementTypeInformation() {
        return elementType.typeInfo();
    }

    /** A new serializer for the elements. */
    public TypeSerializer<T> createElementSerializer() {
        return elementType.createSerializer();
    }
}
