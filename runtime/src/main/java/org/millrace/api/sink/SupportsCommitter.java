package org.millrace.api.sink;

import java.io.IOException;
import org.millrace.api.io.SimpleVersionedSerializer;

/**
 * A {@link Sink} with two-phase commit, for exactly-once output. Its writer is a
 * {@link CommittingSinkWriter}; the runtime drives it like this:
 * <ol>
 *   <li>at each checkpoint barrier the writer's {@code flush(false)} then {@code prepareCommit()}
 *       turn everything written since the previous checkpoint into committables, which are stored
 *       in the checkpoint;</li>
 *   <li>when the checkpoint is complete, the committables of it (and of earlier ones not yet
 *       committed) go to the {@link Committer};</li>
 *   <li>after a failure, the job restores its latest complete checkpoint and commits its
 *       committables again, since the notification may have been lost: commits must be idempotent;
 *       records written after that checkpoint are written again, and their earlier uncommitted
 *       output is never made visible;</li>
 *   <li>a bounded job with checkpointing waits for one last checkpoint after its end of input
 *       and commits it; without checkpointing, committables are committed at the end of input
 *       (no exactly-once promise then).</li>
 * </ol>
 *
 * @param <CommT> what one commit makes visible
 */
public interface SupportsCommitter<CommT> {

    Committer<CommT> createCommitter(CommitterInitContext context) throws IOException;

    SimpleVersionedSerializer<CommT> getCommittableSerializer();
}
