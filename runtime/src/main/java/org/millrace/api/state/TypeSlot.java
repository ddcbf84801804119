package org.millrace.api.state;

import java.io.Serializable;
import java.util.Objects;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * One type of a state descriptor, given either as a {@link TypeInformation} or as a class that is
 * analysed on first use (so descriptors can be built before the type system is needed). Owned by
 * its descriptor; resolved on the task's thread.
 */
final class TypeSlot<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;
    private TypeInformation<T> typeInfo;

    private TypeSlot(Class<T> typeClass, TypeInformation<T> typeInfo) {
        this.typeClass = typeClass;
        this.typeInfo = typeInfo;
    }

    static <T> TypeSlot<T> of(Class<T> typeClass, String what) {
        return new TypeSlot<>(Objects.requireNonNull(typeClass, what + " class must not be null"), null);
    }

    static <T> TypeSlot<T> of(TypeInformation<T> typeInfo, String what) {
        return new TypeSlot<>(null, Objects.requireNonNull(typeInfo, what + " type information must not be null"));
    }

    TypeInformation<T> typeInfo() {
        if (typeInfo == null) {
            typeInfo = TypeInformation.of(typeClass);
        }
        return typeInfo;
    }

    /** A new serializer: each state gets its own, as serializers belong to one thread. */
    TypeSerializer<T> createSerializer() {
        return typeInfo().createSerializer();
    }
}
