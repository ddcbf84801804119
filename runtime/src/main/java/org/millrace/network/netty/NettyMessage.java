package org.millrace.network.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.millrace.graph.IntermediateDataSetID;
import org.millrace.network.ResultPartitionID;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.consumer.InputChannelID;

/**
 * The messages of the data-plane protocol between TaskManagers, and their wire format. Every frame
 * is {@code [int length of the rest][byte message id][body]}; {@link NettyMessageDecoder} cuts
 * frames with a length-field decoder. Consumer to producer: {@link PartitionRequest},
 * {@link AddCredit}, {@link CancelPartitionRequest}, {@link CloseRequest}. Producer to consumer:
 * {@link BufferResponse}, {@link ErrorResponse}. Messages are immutable, except that a
 * {@link BufferResponse} owns a network buffer or a Netty buffer until it is written or consumed.
 */
abstract sealed class NettyMessage {

    static final int FRAME_HEADER_LENGTH = 4 + 1;

    /** Serializes this message into a buffer holding one whole frame (length prefix included). */
    abstract ByteBuf write(ByteBufAllocator allocator);

    /** Reads one message from a frame whose length prefix was already stripped. */
    static NettyMessage read(ByteBuf frame) {
        byte id = frame.readByte();
        return switch (id) {
            case BufferResponse.ID -> BufferResponse.readFrom(frame);
            case PartitionRequest.ID -> PartitionRequest.readFrom(frame);
            case AddCredit.ID -> new AddCredit(readChannelId(frame), frame.readInt());
            case CancelPartitionRequest.ID -> new CancelPartitionRequest(readChannelId(frame));
            case CloseRequest.ID -> new CloseRequest();
            case ErrorResponse.ID -> ErrorResponse.readFrom(frame);
            default -> throw new IllegalArgumentException("unknown message id " + id);
        };
    }

    /** A frame buffer of {@code bodyLength} bytes after the id, with the prefix and id written. */
    private static ByteBuf allocateFrame(ByteBufAllocator allocator, byte id, int bodyLength) {
        ByteBuf frame = allocator.ioBuffer(FRAME_HEADER_LENGTH + bodyLength);
        frame.writeInt(1 + bodyLength);
        frame.writeByte(id);
        return frame;
    }

    private static void writeChannelId(ByteBuf out, InputChannelID id) {
        out.writeLong(id.upperPart());
        out.writeLong(id.lowerPart());
    }

    private static InputChannelID readChannelId(ByteBuf in) {
        return new InputChannelID(in.readLong(), in.readLong());
    }

    // ------------------------------------------------------------------------
    //  Producer to consumer
    // ------------------------------------------------------------------------

    /**
     * One data buffer or event of a subpartition. On the producer side it carries the network
     * {@link Buffer}, written without copying; on the consumer side the received bytes as a
     * {@link ByteBuf} slice of the frame, which the receiver copies into a buffer of its gate and
     * releases.
     */
    static final class BufferResponse extends NettyMessage {
        static final byte ID = 0;
        private static final int BODY_HEADER_LENGTH = 16 + 4 + 4 + 1 + 4;

        final InputChannelID receiverId;
        final int sequenceNumber;
        final int backlog;
        final boolean isEvent;
        final int size;
        /** Producer side only. */
        final Buffer buffer;
        /** Consumer side only. */
        final ByteBuf payload;

        BufferResponse(Buffer buffer, InputChannelID receiverId, int sequenceNumber, int backlog) {
            this(receiverId, sequenceNumber, backlog, !buffer.isBuffer(), buffer.getSize(), buffer, null);
        }

        private BufferResponse(InputChannelID receiverId, int sequenceNumber, int backlog, boolean isEvent, int size,
                Buffer buffer, ByteBuf payload) {
            this.receiverId = receiverId;
            this.sequenceNumber = sequenceNumber;
            this.backlog = backlog;
            this.isEvent = isEvent;
            this.size = size;
            this.buffer = buffer;
            this.payload = payload;
        }

        /** Header plus the network buffer's bytes in place; releasing the result recycles the buffer. */
        @Override
        ByteBuf write(ByteBufAllocator allocator) {
            ByteBuf header;
            try {
                header = allocateFrame(allocator, ID, BODY_HEADER_LENGTH + size);
                writeChannelId(header, receiverId);
                header.writeInt(sequenceNumber);
                header.writeInt(backlog);
                header.writeBoolean(isEvent);
                header.writeInt(size);
            } catch (RuntimeException e) {
                buffer.recycleBuffer();
                throw e;
            }
            CompositeByteBuf frame = allocator.compositeBuffer(2);
            frame.addComponents(true, header, new NetworkBufferByteBuf(buffer));
            return frame;
        }

        static BufferResponse readFrom(ByteBuf frame) {
            InputChannelID receiverId = readChannelId(frame);
            int sequenceNumber = frame.readInt();
            int backlog = frame.readInt();
            boolean isEvent = frame.readBoolean();
            int size = frame.readInt();
            return new BufferResponse(receiverId, sequenceNumber, backlog, isEvent, size, null,
                    frame.readRetainedSlice(size));
        }

        /** Releases what this message holds; for messages that are dropped instead of written or consumed. */
        void release() {
            if (buffer != null) {
                buffer.recycleBuffer();
            }
            if (payload != null) {
                payload.release();
            }
        }
    }

    /**
     * A failure for one channel ({@code receiverId} set) or the whole connection (null). The
     * consumer rebuilds it as an exception; {@link #partitionReleased} says it should surface as a
     * {@link org.millrace.network.partition.PartitionReleasedException}.
     */
    static final class ErrorResponse extends NettyMessage {
        static final byte ID = 1;
        static final int MAX_MESSAGE_LENGTH = 4096;

        final InputChannelID receiverId;
        final boolean partitionReleased;
        final String message;

        ErrorResponse(InputChannelID receiverId, boolean partitionReleased, String message) {
            this.receiverId = receiverId;
            this.partitionReleased = partitionReleased;
            String text = message == null ? "(no message)" : message;
            // Bounded, so that an error always fits the decoder's maximum frame length.
            this.message = text.length() > MAX_MESSAGE_LENGTH ? text.substring(0, MAX_MESSAGE_LENGTH) + "..." : text;
        }

        boolean isFatal() {
            return receiverId == null;
        }

        @Override
        ByteBuf write(ByteBufAllocator allocator) {
            byte[] text = message.getBytes(StandardCharsets.UTF_8);
            ByteBuf frame = allocateFrame(allocator, ID, 1 + 16 + 1 + 4 + text.length);
            frame.writeBoolean(receiverId != null);
            if (receiverId != null) {
                writeChannelId(frame, receiverId);
            } else {
                frame.writeZero(16);
            }
            frame.writeBoolean(partitionReleased);
            frame.writeInt(text.length);
            frame.writeBytes(text);
            return frame;
        }

        static ErrorResponse readFrom(ByteBuf frame) {
            boolean hasReceiver = frame.readBoolean();
            InputChannelID receiverId = readChannelId(frame);
            boolean partitionReleased = frame.readBoolean();
            byte[] text = new byte[frame.readInt()];
            frame.readBytes(text);
            return new ErrorResponse(hasReceiver ? receiverId : null, partitionReleased,
                    new String(text, StandardCharsets.UTF_8));
        }
    }

    // ------------------------------------------------------------------------
    //  Consumer to producer
    // ------------------------------------------------------------------------

    /** Asks for a subpartition on behalf of channel {@code receiverId}, which has {@code credit} free buffers. */
    static final class PartitionRequest extends NettyMessage {
        static final byte ID = 2;

        final ResultPartitionID partitionId;
        final int subpartitionIndex;
        final InputChannelID receiverId;
        final int credit;

        PartitionRequest(ResultPartitionID partitionId, int subpartitionIndex, InputChannelID receiverId, int credit) {
            this.partitionId = partitionId;
            this.subpartitionIndex = subpartitionIndex;
            this.receiverId = receiverId;
            this.credit = credit;
        }

        @Override
        ByteBuf write(ByteBufAllocator allocator) {
            ByteBuf frame = allocateFrame(allocator, ID, 16 + 4 + 4 + 4 + 16 + 4);
            UUID dataSet = partitionId.dataSetId().id();
            frame.writeLong(dataSet.getMostSignificantBits());
            frame.writeLong(dataSet.getLeastSignificantBits());
            frame.writeInt(partitionId.producerSubtask());
            frame.writeInt(partitionId.attempt());
            frame.writeInt(subpartitionIndex);
            writeChannelId(frame, receiverId);
            frame.writeInt(credit);
            return frame;
        }

        static PartitionRequest readFrom(ByteBuf frame) {
            IntermediateDataSetID dataSet = new IntermediateDataSetID(new UUID(frame.readLong(), frame.readLong()));
            ResultPartitionID partitionId = new ResultPartitionID(dataSet, frame.readInt(), frame.readInt());
            return new PartitionRequest(partitionId, frame.readInt(), readChannelId(frame), frame.readInt());
        }
    }

    /** {@code credit} more buffers of channel {@code receiverId} are free. */
    static final class AddCredit extends NettyMessage {
        static final byte ID = 3;

        final InputChannelID receiverId;
        final int credit;

        AddCredit(InputChannelID receiverId, int credit) {
            if (credit <= 0) {
                throw new IllegalArgumentException("credit must be positive, got " + credit);
            }
            this.receiverId = receiverId;
            this.credit = credit;
        }

        @Override
        ByteBuf write(ByteBufAllocator allocator) {
            ByteBuf frame = allocateFrame(allocator, ID, 16 + 4);
            writeChannelId(frame, receiverId);
            frame.writeInt(credit);
            return frame;
        }
    }

    /** Channel {@code receiverId} is done or gone: stop sending and release its subpartition. */
    static final class CancelPartitionRequest extends NettyMessage {
        static final byte ID = 4;

        final InputChannelID receiverId;

        CancelPartitionRequest(InputChannelID receiverId) {
            this.receiverId = receiverId;
        }

        @Override
        ByteBuf write(ByteBufAllocator allocator) {
            ByteBuf frame = allocateFrame(allocator, ID, 16);
            writeChannelId(frame, receiverId);
            return frame;
        }
    }

    /** The consumer closes the connection: release every subpartition served on it. */
    static final class CloseRequest extends NettyMessage {
        static final byte ID = 5;

        @Override
        ByteBuf write(ByteBufAllocator allocator) {
            return allocateFrame(allocator, ID, 0);
        }
    }
}
