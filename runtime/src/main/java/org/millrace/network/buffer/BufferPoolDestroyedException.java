package org.millrace.network.buffer;

/**
 * Thrown to a task that requests a buffer from a pool that was destroyed, typically because its
 * result partition was released while the task was being cancelled. Wakes a task blocked in
 * {@link LocalBufferPool#requestBufferBlocking()}.
 */
public final class BufferPoolDestroyedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public BufferPoolDestroyedException(String message) {
        super(message);
    }
}
