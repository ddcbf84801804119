package org.millrace.task.operators;

import org.millrace.api.functions.Function;
import org.millrace.api.functions.OpenContext;
import org.millrace.api.functions.RichFunction;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.state.CheckpointListener;

/**
 * An operator around one user function: opens and closes it when it is a {@link RichFunction}, tells it
 * of completed checkpoints when it is a {@link CheckpointListener}.
 */
public abstract class AbstractUdfStreamOperator<OUT, F extends Function> extends AbstractStreamOperator<OUT> {

    private static final long serialVersionUID = 1L;

    private static final OpenContext OPEN_CONTEXT = new OpenContext() {};

    protected final F userFunction;
    /** Set when the operator runs on a keyed stream; null otherwise. */
    protected KeyContext<Object, ?> keyContext;

    protected AbstractUdfStreamOperator(F userFunction) {
        this.userFunction = userFunction;
    }

    public F getUserFunction() {
        return userFunction;
    }

    /** Makes this operator keyed (it runs on a keyed stream): keyed state for its function. */
    @SuppressWarnings("unchecked")
    public void setKeyContext(KeyContext<?, ?> keyContext) {
        this.keyContext = (KeyContext<Object, ?>) keyContext;
    }

    @Override
    public void open() throws Exception {
        if (userFunction instanceof RichFunction rich) {
            rich.setRuntimeContext(functionRuntimeContext());
            rich.open(OPEN_CONTEXT);
        }
    }

    /** The runtime context the function sees; keyed operators add keyed state to it. */
    protected RuntimeContext functionRuntimeContext() throws Exception {
        return keyContext == null ? context.getRuntimeContext() : keyContext.open(context);
    }

    /** Passes the news on to a user function that listens for it. */
    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (userFunction instanceof CheckpointListener listener) {
            listener.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (userFunction instanceof RichFunction rich) {
                rich.close();
            }
        } finally {
            if (keyContext != null) {
                keyContext.close();
            }
        }
    }
}
