package org.millrace.types;

import org.millrace.api.typeinfo.TypeHint;
import org.millrace.types.TestingTypes.Box;

/** Type hints shared by tests. */
final class TypeHintsForTests {

    private TypeHintsForTests() {}

    static final class StringBoxHint extends TypeHint<Box<String>> {}
}
