package org.millrace.api.functions;

import java.io.Serializable;

/** Base of all user functions: serializable, so they travel in the job graph to the tasks. */
public interface Function extends Serializable {}
