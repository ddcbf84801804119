package org.millrace.api.source;

import java.io.IOException;
import java.util.Objects;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/** Small type informations and serializers for tests, independent of the real {@code Types}. */
public final class TestingTypes {

    private TestingTypes() {}

    public static final TypeInformation<String> STRING = new StringTypeInfo();

    public static final TypeInformation<Long> LONG = new LongTypeInfo();

    public static final TypeInformation<Point> POINT = new PointTypeInfo();

    private static final class StringTypeInfo extends SimpleTypeInfo<String> {
        private static final long serialVersionUID = 1L;

        StringTypeInfo() {
            super(String.class);
        }

        @Override
        public TypeSerializer<String> createSerializer() {
            return new StringSerializer();
        }
    }

    private static final class LongTypeInfo extends SimpleTypeInfo<Long> {
        private static final long serialVersionUID = 1L;

        LongTypeInfo() {
            super(Long.class);
        }

        @Override
        public TypeSerializer<Long> createSerializer() {
            return new LongSerializer();
        }
    }

    private static final class PointTypeInfo extends SimpleTypeInfo<Point> {
        private static final long serialVersionUID = 1L;

        PointTypeInfo() {
            super(Point.class);
        }

        @Override
        public TypeSerializer<Point> createSerializer() {
            return new PointSerializer();
        }
    }

    /** A value class that is deliberately not {@link java.io.Serializable}. */
    public static final class Point {
        public final int x;
        public final int y;
        public final String label;

        public Point(int x, int y, String label) {
            this.x = x;
            this.y = y;
            this.label = label;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Point && ((Point) o).x == x && ((Point) o).y == y && ((Point) o).label.equals(label);
        }

        @Override
        public int hashCode() {
            return Objects.hash(x, y, label);
        }

        @Override
        public String toString() {
            return "Point(" + x + ", " + y + ", " + label + ")";
        }
    }

    /** Type information of one non-composite class. */
    private abstract static class SimpleTypeInfo<T> extends TypeInformation<T> {
        private static final long serialVersionUID = 1L;

        private final Class<T> type;

        SimpleTypeInfo(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<T> getTypeClass() {
            return type;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public String toString() {
            return "Testing" + type.getSimpleName();
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof SimpleTypeInfo && ((SimpleTypeInfo<?>) obj).type == type;
        }

        @Override
        public int hashCode() {
            return type.hashCode();
        }
    }

    private abstract static class ImmutableSerializer<T> extends TypeSerializer<T> {
        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<T> duplicate() {
            return this;
        }

        @Override
        public T createInstance() {
            return null;
        }

        @Override
        public T copy(T from) {
            return from;
        }

        @Override
        public int getLength() {
            return -1;
        }
    }

    private static final class StringSerializer extends ImmutableSerializer<String> {
        @Override
        public void serialize(String record, DataOutputView target) throws IOException {
            target.writeInt(record.length());
            target.writeChars(record);
        }

        @Override
        public String deserialize(DataInputView source) throws IOException {
            int length = source.readInt();
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                chars[i] = source.readChar();
            }
            return new String(chars);
        }
    }

    private static final class LongSerializer extends ImmutableSerializer<Long> {
        @Override
        public int getLength() {
            return 8;
        }

        @Override
        public void serialize(Long record, DataOutputView target) throws IOException {
            target.writeLong(record);
        }

        @Override
        public Long deserialize(DataInputView source) throws IOException {
            return source.readLong();
        }
    }

    private static final class PointSerializer extends ImmutableSerializer<Point> {
        @Override
        public void serialize(Point record, DataOutputView target) throws IOException {
            target.writeInt(record.x);
            target.writeInt(record.y);
            STRING.createSerializer().serialize(record.label, target);
        }

        @Override
        public Point deserialize(DataInputView source) throws IOException {
            int x = source.readInt();
            int y = source.readInt();
            return new Point(x, y, STRING.createSerializer().deserialize(source));
        }
    }
}
