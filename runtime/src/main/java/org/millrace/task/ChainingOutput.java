package org.millrace.task;

import org.millrace.task.operators.OneInputStreamOperator;
import org.millrace.task.operators.Output;

/**
 * Passes records to the next operator of the chain by a plain method call: no copy, no
 * serialization (object reuse: chained operators must not keep references to records they
 * forwarded and then mutate them). Task thread only.
 */
final class ChainingOutput<T> implements Output<T> {

    private final OneInputStreamOperator<T, ?> operator;
    private final String operatorName;

    ChainingOutput(OneInputStreamOperator<T, ?> operator, String operatorName) {
        this.operator = operator;
        this.operatorName = operatorName;
    }

    @Override
    public void collect(T record, long timestamp) {
        try {
            operator.processElement(record, timestamp);
        } catch (Exception e) {
            throw ChainedOperatorException.wrap(operatorName, e);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        try {
            operator.processWatermark(watermark);
        } catch (Exception e) {
            throw ChainedOperatorException.wrap(operatorName, e);
        }
    }
}
