package org.millrace.api.windowing;

import java.io.IOException;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/** The types of the built-in windows, so window state can be kept in any state backend. */
final class WindowTypes {

    private WindowTypes() {}

    static final TypeInformation<TimeWindow> TIME_WINDOW = new WindowType<>(TimeWindow.class, 16) {
        private static final long serialVersionUID = 1L;

        @Override
        void write(TimeWindow w, DataOutputView out) throws IOException {
            out.writeLong(w.getStart());
            out.writeLong(w.getEnd());
        }

        @Override
        TimeWindow read(DataInputView in) throws IOException {
            return new TimeWindow(in.readLong(), in.readLong());
        }
    };

    static final TypeInformation<GlobalWindow> GLOBAL_WINDOW = new WindowType<>(GlobalWindow.class, 1) {
        private static final long serialVersionUID = 1L;

        @Override
        void write(GlobalWindow w, DataOutputView out) throws IOException {
            out.writeByte(0);
        }

        @Override
        GlobalWindow read(DataInputView in) throws IOException {
            in.readByte();
            return GlobalWindow.get();
        }
    };

    /** An immutable window type with a fixed-length binary form. */
    private abstract static class WindowType<W extends Window> extends TypeInformation<W> {
        private static final long serialVersionUID = 1L;
        private final Class<W> type;
        private final int length;

        WindowType(Class<W> type, int length) {
            this.type = type;
            this.length = length;
        }

        abstract void write(W window, DataOutputView out) throws IOException;

        abstract W read(DataInputView in) throws IOException;

        @Override
        public Class<W> getTypeClass() {
            return type;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public TypeSerializer<W> createSerializer() {
            WindowType<W> info = this;
            return new TypeSerializer<>() {
                @Override
                public boolean isImmutableType() {
                    return true;
                }

                @Override
                public TypeSerializer<W> duplicate() {
                    return this;
                }

                @Override
                public W createInstance() {
                    return null;
                }

                @Override
                public W copy(W from) {
                    return from;
                }

                @Override
                public int getLength() {
                    return length;
                }

                @Override
                public void serialize(W record, DataOutputView target) throws IOException {
                    info.write(record, target);
                }

                @Override
                public W deserialize(DataInputView source) throws IOException {
                    return info.read(source);
                }
            };
        }

        @Override
        public String toString() {
            return type.getSimpleName();
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof WindowType<?> w && w.type == type;
        }

        @Override
        public int hashCode() {
            return type.hashCode();
        }
    }
}
