package org.millrace.api.sink.file;

/**
 * Puts every record into one bucket: the sink's base path itself (bucket id {@code ""}). The
 * default of {@link FileSink#forRowFormat}. Stateless.
 *
 * @param <IN> the records
 */
public final class BasePathBucketAssigner<IN> implements BucketAssigner<IN, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(IN element, Context context) {
        return "";
    }

    @Override
    public String toString() {
        return "BasePathBucketAssigner";
    }
}
