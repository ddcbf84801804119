package org.millrace.types;

/**
 * Thrown when a tuple is serialized with a {@code null} field whose serializer cannot write
 * {@code null} (every field type except {@code String} and the nullable containers). Names the
 * field, because the underlying {@link NullPointerException} would not.
 */
public class NullFieldException extends NullPointerException {

    private static final long serialVersionUID = 1L;

    private final int fieldPos;

    public NullFieldException(int fieldPos, String tupleType) {
        super("Field f" + fieldPos + " of a " + tupleType + " is null, and tuple fields of this type must not be null."
                + " Use a POJO (whose fields may be null) or a non-null placeholder value.");
        this.fieldPos = fieldPos;
    }

    /** The position of the null field. */
    public int getFieldPos() {
        return fieldPos;
    }
}
