package org.millrace.api.state;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of keyed state and says its kind and types; a state backend creates (or finds) the
 * state from it. Built by user code (usually in {@code open}) and immutable afterwards, apart from
 * the lazy resolution of types given as classes; used from the task's thread.
 *
 * <p>Two descriptors denote the same state if they have the same name; asking a backend for a name
 * with a different kind of state is an error.
 *
 * @param <S> the kind of state
 * @param <T> the type of the value the state holds (for lists: the list; for maps: the map)
 */
public abstract class StateDescriptor<S extends State, T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The kinds of state; the kind is part of a snapshot so a restore can check it. */
    public enum Type {
        VALUE, LIST, REDUCING, AGGREGATING, MAP
    }

    private final String name;

    protected StateDescriptor(String name) {
        this.name = Objects.requireNonNull(name, "a state needs a name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a state name must not be empty");
        }
    }

    public String getName() {
        return name;
    }

    public abstract Type getType();

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((StateDescriptor<?, ?>) o).name.equals(name);
    }

    @Override
    public final int hashCode() {
        return name.hashCode() * 31 + getClass().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{name=" + name + '}';
    }
}
