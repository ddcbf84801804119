package org.millrace.api.util;

import java.io.Serializable;
import java.util.Objects;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.types.TypeExtractor;

/**
 * Names a side output of an operator and the type of its records. Create it as an anonymous
 * subclass so the type is captured ({@code new OutputTag<String>("late") {}}) or give the type
 * ({@code new OutputTag<>("late", Types.STRING)}). Two tags are equal when their ids are.
 */
public class OutputTag<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final TypeInformation<T> typeInfo;

    @SuppressWarnings("unchecked")
    public OutputTag(String id) {
        this.id = requireId(id);
        if (getClass() == OutputTag.class) {
            throw new InvalidTypesException("The type of OutputTag '" + id + "' is unknown: create it as an anonymous"
                    + " subclass, new OutputTag<Type>(\"" + id + "\") {}, or pass its TypeInformation");
        }
        try {
            this.typeInfo = (TypeInformation<T>) TypeExtractor.createTypeInfo(getClass(), OutputTag.class, 0);
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException("The type of OutputTag '" + id + "' could not be determined: " + e.getMessage()
                    + "; pass its TypeInformation instead", e);
        }
    }

    public OutputTag(String id, TypeInformation<T> typeInfo) {
        this.id = requireId(id);
        this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
    }

    private static String requireId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("An OutputTag needs a non-empty id");
        }
        return id;
    }

    public String getId() {
        return id;
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag<?> t && t.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutputTag(" + typeInfo + ", " + id + ")";
    }
}
