package org.millrace.types.serializers;

import java.lang.reflect.Field;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.reflect.ReflectData;

/**
 * Avro reflect data whose schemas let every non-primitive field be {@code null} (a union with
 * null), like {@link ReflectData.AllowNull}, but loading classes through a given class loader (the
 * job's), which {@code AllowNull} cannot. Thread-safe, as {@link ReflectData}.
 */
final class NullableReflectData extends ReflectData {

    NullableReflectData(ClassLoader classLoader) {
        super(classLoader);
    }

    @Override
    protected Schema createFieldSchema(Field field, Map<String, Schema> names) {
        Schema schema = super.createFieldSchema(field, names);
        // a null in a primitive field is impossible, and a union would only cost a byte
        return field.getType().isPrimitive() ? schema : makeNullable(schema);
    }
}
