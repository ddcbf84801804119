package org.millrace.api.source.lib;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.millrace.api.source.InputStatus;
import org.millrace.api.source.ReaderOutput;
import org.millrace.api.source.Source;
import org.millrace.api.source.SourceReader;
import org.millrace.api.source.SourceReaderContext;
import org.millrace.api.source.SourceSplit;
import org.millrace.api.typeinfo.ResultTypeQueryable;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.DataInputDeserializer;
import org.millrace.types.DataOutputSerializer;

/**
 * A bounded source of given elements, in their order ({@code fromElements}, {@code fromCollection},
 * {@code fromData}). The elements are serialized on the client with the serializer of their
 * {@link TypeInformation} and travel as bytes, so their class need not be {@link java.io.Serializable}.
 * One split, read by one reader (run it with parallelism 1); its position is the index of the next
 * element.
 */
public final class FromElementsSource<T> implements Source<T, FromElementsSource.FromElementsSplit>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> typeInfo;

    /** The elements, serialized one after the other. */
    private final byte[] serializedElements;

    private final int numElements;

    /** Serializes {@code elements} now; null elements are rejected. */
    public FromElementsSource(TypeInformation<T> typeInfo, Iterable<? extends T> elements) throws IOException {
        this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
        TypeSerializer<T> serializer = typeInfo.createSerializer();
        DataOutputSerializer out = new DataOutputSerializer(256);
        int n = 0;
        for (T element : elements) {
            if (element == null) {
                throw new IllegalArgumentException("The elements must not contain null (element " + n + " is null)");
            }
            serializer.serialize(element, out);
            n++;
        }
        this.serializedElements = out.getCopyOfBuffer();
        this.numElements = n;
    }

    public int getNumElements() {
        return numElements;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return typeInfo;
    }

    @Override
    public List<FromElementsSplit> createSplits(int parallelism) {
        return numElements == 0 ? List.of() : List.of(new FromElementsSplit("0", 0));
    }

    @Override
    public SourceReader<T, FromElementsSplit> createReader(SourceReaderContext context) {
        return createReader(SequenceReader.DEFAULT_BATCH_SIZE);
    }

    ElementsReader<T> createReader(int batchSize) {
        return new ElementsReader<>(typeInfo.createSerializer(), serializedElements, numElements, batchSize);
    }

    @Override
    public String toString() {
        return "FromElementsSource[" + numElements + " elements of " + typeInfo + "]";
    }

    /** The elements from index {@code nextIndex} on. An immutable value. */
    public static final class FromElementsSplit implements SourceSplit {

        private static final long serialVersionUID = 1L;

        private final String splitId;
        private final int nextIndex;

        public FromElementsSplit(String splitId, int nextIndex) {
            if (nextIndex < 0) {
                throw new IllegalArgumentException("nextIndex must not be negative, got " + nextIndex);
            }
            this.splitId = Objects.requireNonNull(splitId);
            this.nextIndex = nextIndex;
        }

        @Override
        public String splitId() {
            return splitId;
        }

        /** The index of the next element to emit. */
        public int nextIndex() {
            return nextIndex;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FromElementsSplit
                    && splitId.equals(((FromElementsSplit) o).splitId)
                    && nextIndex == ((FromElementsSplit) o).nextIndex;
        }

        @Override
        public int hashCode() {
            return splitId.hashCode() * 31 + nextIndex;
        }

        @Override
        public String toString() {
            return "FromElementsSplit{" + splitId + " from element " + nextIndex + "}";
        }
    }

    /** Deserializes the elements of its split in order. Called only from the source task's thread. */
    static final class ElementsReader<T> implements SourceReader<T, FromElementsSplit> {

        private final TypeSerializer<T> serializer;
        private final DataInputDeserializer input;
        private final int numElements;
        private final int batchSize;

        /** The split being read, or null if none has been added (or it was finished). */
        private FromElementsSplit split;

        /** Index of the next element {@link #input} will return. */
        private int nextIndex;

        private boolean positioned;

        ElementsReader(TypeSerializer<T> serializer, byte[] serialized, int numElements, int batchSize) {
            this.serializer = serializer;
            this.input = new DataInputDeserializer(serialized, 0, serialized.length);
            this.numElements = numElements;
            this.batchSize = batchSize;
        }

        @Override
        public void addSplits(List<FromElementsSplit> splits) {
            for (FromElementsSplit s : splits) {
                if (split != null) {
                    throw new IllegalStateException("FromElementsSource has a single split, got " + split + " and " + s);
                }
                split = s;
            }
        }

        @Override
        public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
            if (split == null) {
                return InputStatus.END_OF_INPUT;
            }
            if (!positioned) {
                // Records have variable length: a restored split reaches its index by reading past the ones before.
                while (nextIndex < split.nextIndex()) {
                    serializer.deserialize(input);
                    nextIndex++;
                }
                positioned = true;
            }
            int stop = Math.min(numElements, nextIndex + batchSize);
            while (nextIndex < stop) {
                T element = serializer.deserialize(input);
                nextIndex++;
                output.collect(element);
            }
            if (nextIndex == numElements) {
                split = null;
                return InputStatus.END_OF_INPUT;
            }
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<FromElementsSplit> snapshotState(long checkpointId) {
            List<FromElementsSplit> remaining = new ArrayList<>(1);
            if (split != null) {
                remaining.add(new FromElementsSplit(split.splitId(), positioned ? nextIndex : split.nextIndex()));
            }
            return remaining;
        }
    }
}
