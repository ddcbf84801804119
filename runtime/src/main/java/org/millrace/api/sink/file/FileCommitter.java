package org.millrace.api.sink.file;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.Collection;
import org.millrace.api.fs.Path;
import org.millrace.api.sink.Committer;
import org.millrace.fs.FileSystem;

/**
 * Commits {@link FileSink} part files by renaming each pending (hidden) file to its final name, an
 * atomic step on the local disk and on HDFS: a reader sees a part file whole or not at all.
 * Idempotent: a committable whose pending file is gone and whose final file exists was committed
 * before (by the attempt before a recovery). Called from the sink task's thread.
 */
final class FileCommitter implements Committer<FileSinkCommittable> {

    @Override
    public void commit(Collection<CommitRequest<FileSinkCommittable>> requests) throws IOException {
        for (CommitRequest<FileSinkCommittable> request : requests) {
            commit(request);
        }
    }

    private static void commit(CommitRequest<FileSinkCommittable> request) throws IOException {
        FileSinkCommittable committable = request.getCommittable();
        Path pending = committable.getPendingFile();
        Path target = committable.getFinalFile();
        FileSystem fs = pending.getFileSystem();
        if (fs.rename(pending, target)) {
            return;
        }
        // rename says only "no": find out which of the cases it was
        boolean pendingExists = fs.exists(pending);
        boolean finalExists = fs.exists(target);
        if (!pendingExists && finalExists) {
            request.signalAlreadyCommitted();
        } else if (!pendingExists) {
            request.signalFailedWithUnknownReason(new FileNotFoundException("Cannot commit part file " + target
                    + ": neither it nor its pending file " + pending + " exists, so the data of this part file is lost"
                    + " (were files deleted from the sink's directory while the job ran or was restored?)"));
        } else if (finalExists) {
            request.signalFailedWithUnknownReason(new FileAlreadyExistsException(target.toString(), pending.toString(),
                    "cannot commit the pending part file: a file of the committed name exists already and is not"
                    + " overwritten; part file names are unique per writer, so something else wrote it"));
        } else {
            throw new IOException("Could not rename the pending part file " + pending + " to " + target
                    + " although it exists and the target does not");
        }
    }
}
