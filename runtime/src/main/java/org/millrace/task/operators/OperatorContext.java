package org.millrace.task.operators;

import org.millrace.api.functions.RuntimeContext;

/** What an operator knows of where it runs; built by the task for each operator of its chain. */
public interface OperatorContext {

    RuntimeContext getRuntimeContext();

    String getOperatorName();
}
