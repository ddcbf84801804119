package org.millrace.network.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.network.NetworkBufferSettings;

/** The TaskManager-wide pool, local pools drawn from it, their bounds, reservations and wake-ups. */
@Timeout(60)
class LocalBufferPoolTest {

    @Test
    void when_sizedFromMemory_then_bufferCountIsMemoryOverSegmentSize() {
        assertThat(NetworkBufferSettings.defaults().numberOfBuffers()).isEqualTo(2048);
        assertThat(NetworkBufferSettings.defaults().segmentSize()).isEqualTo(32 * 1024);
        Configuration conf = new Configuration()
                .setString(TaskManagerOptions.NETWORK_MEMORY_SIZE.key(), "128 mb")
                .setString(TaskManagerOptions.MEMORY_SEGMENT_SIZE.key(), "16 kb");
        NetworkBufferSettings settings = NetworkBufferSettings.fromConfiguration(conf);
        assertThat(settings.numberOfBuffers()).isEqualTo(8192);
        assertThat(settings.segmentSize()).isEqualTo(16384);
        assertThat(settings.minBuffersPerPartition(4)).isEqualTo(5);
        assertThat(settings.maxBuffersPerPartition(4)).isEqualTo(4 * 2 + 8);

        NetworkBufferPool pool = new NetworkBufferPool(10, 128);
        assertThat(pool.getTotalNumberOfSegments()).isEqualTo(10);
        assertThat(pool.getNumberOfAvailableSegments()).isEqualTo(10);
    }

    @Test
    void when_minimumsExceedTheTotal_then_poolCreationFails() throws IOException {
        NetworkBufferPool global = new NetworkBufferPool(10, 128);
        global.createBufferPool(6, 10);
        assertThatThrownBy(() -> global.createBufferPool(5, 5))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Insufficient number of network buffers");
        global.createBufferPool(4, 4);
        assertThat(global.getNumberOfReservedSegments()).isEqualTo(10);
    }

    @Test
    void when_poolIsExhausted_then_requestReturnsNullAndRecycleCompletesAvailability() throws IOException {
        NetworkBufferPool global = new NetworkBufferPool(10, 128);
        LocalBufferPool pool = global.createBufferPool(1, 3);
        List<Buffer> taken = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            taken.add(pool.requestBuffer());
            assertThat(pool.isAvailable()).isTrue();
        }
        taken.add(pool.requestBuffer());
        assertThat(taken).doesNotContainNull();
        assertThat(taken.get(0).getMaxCapacity()).isEqualTo(128);
        assertThat(pool.isAvailable()).as("unavailable as soon as the last buffer is out").isFalse();
        CompletableFuture<Void> available = pool.getAvailableFuture();
        assertThat(available).isNotDone();
        assertThat(pool.requestBuffer()).isNull();
        assertThat(global.getNumberOfAvailableSegments()).isEqualTo(7);

        taken.remove(0).recycleBuffer();
        assertThat(available).isDone();
        assertThat(pool.isAvailable()).isTrue();
        Buffer again = pool.requestBuffer();
        assertThat(again).isNotNull();
        assertThat(global.getNumberOfAvailableSegments()).as("recycled segments stay in the local pool").isEqualTo(7);

        again.recycleBuffer();
        taken.forEach(Buffer::recycleBuffer);
        pool.lazyDestroy();
        assertThat(global.getNumberOfAvailableSegments()).isEqualTo(10);
        assertThat(global.getNumberOfReservedSegments()).isZero();
    }

    @Test
    void when_otherPoolsHaveReservations_then_aPoolGrowsOnlyIntoUnreservedSegments() throws IOException {
        NetworkBufferPool global = new NetworkBufferPool(10, 128);
        LocalBufferPool a = global.createBufferPool(2, 10);
        LocalBufferPool b = global.createBufferPool(3, 10);
        List<Buffer> heldByA = takeAll(a);
        assertThat(heldByA).as("10 total - 3 reserved for b").hasSize(7);
        List<Buffer> heldByB = takeAll(b);
        assertThat(heldByB).hasSize(3);

        // c's reservation is held as a's surplus: c waits until a gives a surplus segment back.
        LocalBufferPool c = global.createBufferPool(2, 2);
        assertThat(c.requestBuffer()).isNull();
        CompletableFuture<Void> cAvailable = c.getAvailableFuture();
        assertThat(cAvailable).isNotDone();
        heldByA.remove(0).recycleBuffer();
        assertThat(cAvailable).isDone();
        assertThat(a.getNumberOfRequestedSegments()).isEqualTo(6);
        Buffer forC = c.requestBuffer();
        assertThat(forC).isNotNull();

        forC.recycleBuffer();
        heldByA.forEach(Buffer::recycleBuffer);
        heldByB.forEach(Buffer::recycleBuffer);
        a.lazyDestroy();
        b.lazyDestroy();
        c.lazyDestroy();
        assertThat(global.getNumberOfAvailableSegments()).isEqualTo(10);
        assertThat(global.getNumberOfReservedSegments()).isZero();
    }

    private static List<Buffer> takeAll(LocalBufferPool pool) {
        List<Buffer> buffers = new ArrayList<>();
        for (Buffer b = pool.requestBuffer(); b != null; b = pool.requestBuffer()) {
            buffers.add(b);
        }
        return buffers;
    }

    @Test
    void when_blockedRequesterGetsARecycledBuffer_then_itWakesUp() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(4, 128);
        LocalBufferPool pool = global.createBufferPool(1, 1);
        Buffer only = pool.requestBuffer();
        CompletableFuture<Buffer> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.requestBufferBlocking();
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        assertThat(blocked).isNotDone();
        only.recycleBuffer();
        Buffer next = blocked.get(30, TimeUnit.SECONDS);
        assertThat(next.getMemory()).isSameAs(only.getMemory());
        next.recycleBuffer();
        pool.lazyDestroy();
    }

    @Test
    void when_blockedRequesterIsInterrupted_then_itThrowsInterruptedException() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(4, 128);
        LocalBufferPool pool = global.createBufferPool(1, 1);
        Buffer only = pool.requestBuffer();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread requester = new Thread(() -> {
            try {
                pool.requestBufferBlocking();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        requester.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> requester.getState() == Thread.State.WAITING);
        requester.interrupt();
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        only.recycleBuffer();
        pool.lazyDestroy();
        assertThat(global.getNumberOfAvailableSegments()).isEqualTo(4);
    }

    @Test
    void when_poolIsDestroyed_then_blockedRequesterWakesAndOutstandingBuffersReturnOnRecycle() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(4, 128);
        LocalBufferPool pool = global.createBufferPool(2, 2);
        Buffer first = pool.requestBuffer();
        Buffer second = pool.requestBuffer();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread requester = new Thread(() -> {
            try {
                pool.requestBufferBlocking();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        requester.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> requester.getState() == Thread.State.WAITING);
        first.recycleBuffer(); // wakes the requester, which takes it
        await().atMost(Duration.ofSeconds(30)).until(outcome::isDone);
        assertThat(outcome.get()).isNull();

        CompletableFuture<Throwable> outcome2 = new CompletableFuture<>();
        Thread requester2 = new Thread(() -> {
            try {
                pool.requestBufferBlocking();
                outcome2.complete(null);
            } catch (Throwable t) {
                outcome2.complete(t);
            }
        });
        CompletableFuture<Void> unavailable = pool.getAvailableFuture();
        assertThat(unavailable).isNotDone();
        requester2.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> requester2.getState() == Thread.State.WAITING);
        pool.lazyDestroy();
        assertThat(outcome2.get(30, TimeUnit.SECONDS)).isInstanceOf(BufferPoolDestroyedException.class);
        assertThat(unavailable).as("waiters on the future wake too").isDone();
        assertThatThrownBy(pool::requestBuffer).isInstanceOf(BufferPoolDestroyedException.class);

        assertThat(global.getNumberOfAvailableSegments()).as("two buffers still out").isEqualTo(2);
        second.recycleBuffer();
        assertThat(global.getNumberOfAvailableSegments()).isEqualTo(3);
        assertThat(global.getNumberOfReservedSegments()).isZero();
    }

    @Test
    void when_bufferIsRecycledTwice_then_itFails() throws IOException {
        NetworkBufferPool global = new NetworkBufferPool(2, 128);
        LocalBufferPool pool = global.createBufferPool(1, 1);
        Buffer buffer = pool.requestBuffer();
        buffer.retainBuffer();
        buffer.recycleBuffer();
        assertThat(buffer.isRecycled()).isFalse();
        buffer.recycleBuffer();
        assertThat(buffer.isRecycled()).isTrue();
        assertThatThrownBy(buffer::recycleBuffer).isInstanceOf(IllegalStateException.class);
        assertThat(pool.getNumberOfAvailableSegments()).isEqualTo(1);
    }
}
