package org.millrace.state;

import org.millrace.api.state.StateDescriptor;

/** The name and kind of one state in a snapshot; what a restore knows before any descriptor is registered. Immutable; any thread. */
public record StateMetaInfo(String name, StateDescriptor.Type type) {}
