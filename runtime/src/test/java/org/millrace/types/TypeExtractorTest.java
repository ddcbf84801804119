package org.millrace.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.millrace.api.functions.FlatMapFunction;
import org.millrace.api.functions.KeySelector;
import org.millrace.api.functions.MapFunction;
import org.millrace.api.functions.ReduceFunction;
import org.millrace.api.functions.RichFlatMapFunction;
import org.millrace.api.functions.RichMapFunction;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.tuple.Tuple3;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.ListTypeInfo;
import org.millrace.api.typeinfo.PojoTypeInfo;
import org.millrace.api.typeinfo.ResultTypeQueryable;
import org.millrace.api.typeinfo.TupleTypeInfo;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.util.Collector;
import org.millrace.types.TestingTypes.Address;
import org.millrace.types.TestingTypes.Box;
import org.millrace.types.TestingTypes.Person;

/** Output type extraction for function classes, lambdas and method references. */
class TypeExtractorTest {

    private static final TypeInformation<Tuple2<String, Long>> STRING_LONG = Types.TUPLE(Types.STRING, Types.LONG);

    private static <O> TypeInformation<O> mapOutput(MapFunction<?, ?> fn, TypeInformation<?> input) {
        return TypeExtractor.extractOutputType(fn, MapFunction.class, 1, input, "Map");
    }

    private static <O> TypeInformation<O> flatMapOutput(FlatMapFunction<?, ?> fn, TypeInformation<?> input) {
        return TypeExtractor.extractOutputType(fn, FlatMapFunction.class, 1, input, "FlatMap");
    }

    // ------------------------------------------------------------------------------------------
    //  Classes
    // ------------------------------------------------------------------------------------------

    @Test
    void anonymousClass_givesFullGenericOutput() {
        MapFunction<String, Tuple2<String, Long>> fn = new MapFunction<>() {
            @Override
            public Tuple2<String, Long> map(String value) {
                return Tuple2.of(value, 1L);
            }
        };
        assertThat(mapOutput(fn, Types.STRING)).isEqualTo(STRING_LONG);
    }

    static class Length extends RichMapFunction<String, Integer> {
        @Override
        public Integer map(String value) {
            return value.length();
        }
    }

    @Test
    void richFunctionSubclass_resolvesThroughTheAbstractClass() {
        assertThat(mapOutput(new Length(), Types.STRING)).isEqualTo(Types.INT);
    }

    abstract static class Pairing<A, B> implements MapFunction<A, Tuple2<A, B>> {}

    abstract static class WithCount<X> extends Pairing<X, Long> {}

    static class CountStrings extends WithCount<String> {
        @Override
        public Tuple2<String, Long> map(String value) {
            return Tuple2.of(value, 1L);
        }
    }

    @Test
    void genericInheritanceChain_isResolved() {
        assertThat(mapOutput(new CountStrings(), Types.STRING)).isEqualTo(STRING_LONG);
    }

    static class Identity<T> implements MapFunction<T, T> {
        @Override
        public T map(T value) {
            return value;
        }
    }

    static class Swap<A, B> implements MapFunction<Tuple2<A, B>, Tuple2<B, A>> {
        @Override
        public Tuple2<B, A> map(Tuple2<A, B> value) {
            return value.swap();
        }
    }

    static class Wrap<T> extends RichMapFunction<T, List<T>> {
        @Override
        public List<T> map(T value) {
            return List.of(value);
        }
    }

    @Test
    void typeVariables_areBoundFromTheInputType() {
        assertThat(mapOutput(new Identity<>(), STRING_LONG)).isEqualTo(STRING_LONG);
        assertThat(mapOutput(new Swap<>(), STRING_LONG)).isEqualTo(Types.TUPLE(Types.LONG, Types.STRING));
        assertThat(mapOutput(new Wrap<>(), Types.INT)).isEqualTo(new ListTypeInfo<>(Types.INT));
    }

    static class Unbound<T> implements MapFunction<String, T> {
        @Override
        public T map(String value) {
            return null;
        }
    }

    @Test
    void typeVariableNotBoundByTheInput_isAnErrorNamingTheOperator() {
        assertThatThrownBy(() -> mapOutput(new Unbound<Long>(), Types.STRING))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("'Map'")
                .hasMessageContaining("type variable T")
                .hasMessageContaining(".returns(");
    }

    @Test
    void flatMapClass_outputIsTheCollectorType() {
        FlatMapFunction<String, Tuple2<String, Long>> tokenizer = new FlatMapFunction<>() {
            @Override
            public void flatMap(String value, Collector<Tuple2<String, Long>> out) {
                out.collect(Tuple2.of(value, 1L));
            }
        };
        assertThat(flatMapOutput(tokenizer, Types.STRING)).isEqualTo(STRING_LONG);

        RichFlatMapFunction<Person, Address> addresses = new RichFlatMapFunction<>() {
            @Override
            public void flatMap(Person value, Collector<Address> out) {
                out.collect(value.address);
            }
        };
        assertThat(flatMapOutput(addresses, TypeInformation.of(Person.class))).isInstanceOf(PojoTypeInfo.class)
                .isEqualTo(TypeInformation.of(Address.class));
    }

    @Test
    void keySelectorAndReduceClasses() {
        KeySelector<Tuple2<String, Long>, String> byWord = new KeySelector<>() {
            @Override
            public String getKey(Tuple2<String, Long> value) {
                return value.f0;
            }
        };
        assertThat(TypeExtractor.getKeySelectorTypes(byWord, STRING_LONG, "keyBy")).isEqualTo(Types.STRING);

        ReduceFunction<Tuple2<String, Long>> sum = new ReduceFunction<>() {
            @Override
            public Tuple2<String, Long> reduce(Tuple2<String, Long> a, Tuple2<String, Long> b) {
                return Tuple2.of(a.f0, a.f1 + b.f1);
            }
        };
        assertThat(TypeExtractor.<Tuple2<String, Long>>extractOutputType(sum, ReduceFunction.class, 0, STRING_LONG, "Reduce"))
                .isEqualTo(STRING_LONG);
    }

    static <T> MapFunction<T, Tuple2<T, Long>> pairWithOne() {
        return new MapFunction<>() {
            @Override
            public Tuple2<T, Long> map(T value) {
                return Tuple2.of(value, 1L);
            }
        };
    }

    @Test
    void anonymousClassInAGenericMethod_bindsTheMethodsVariableFromTheInput() {
        assertThat(mapOutput(pairWithOne(), Types.DOUBLE)).isEqualTo(Types.TUPLE(Types.DOUBLE, Types.LONG));
    }

    static class Declared implements MapFunction<String, Object>, ResultTypeQueryable<Long> {
        @Override
        public Object map(String value) {
            return 1L;
        }

        @Override
        public TypeInformation<Long> getProducedType() {
            return Types.LONG;
        }
    }

    @Test
    void resultTypeQueryableFunction_answersItself() {
        assertThat(mapOutput(new Declared(), Types.STRING)).isEqualTo(Types.LONG);
    }

    // ------------------------------------------------------------------------------------------
    //  Lambdas and method references
    // ------------------------------------------------------------------------------------------

    @Test
    void lambdaWithNonGenericResult_isResolved() {
        MapFunction<String, Integer> length = s -> s.length();
        assertThat(mapOutput(length, Types.STRING)).isEqualTo(Types.INT);
        MapFunction<Tuple2<String, Long>, String> first = t -> t.f0;
        assertThat(mapOutput(first, STRING_LONG)).isEqualTo(Types.STRING);
        KeySelector<Person, String> byName = p -> p.name;
        assertThat(TypeExtractor.getKeySelectorTypes(byName, TypeInformation.of(Person.class), "keyBy")).isEqualTo(Types.STRING);
        MapFunction<String, Person> toPerson = s -> new Person(s, 0);
        assertThat(mapOutput(toPerson, Types.STRING)).isEqualTo(TypeInformation.of(Person.class));
    }

    @Test
    void lambdaWithTupleResult_isUnknown_andTheMessageNamesTheOperator() {
        MapFunction<String, Tuple2<String, Long>> fn = s -> Tuple2.of(s, 1L);
        assertThat(TypeExtractor.<Tuple2<String, Long>>tryExtractOutputType(fn, MapFunction.class, 1, Types.STRING)).isNull();
        assertThatThrownBy(() -> TypeExtractor.extractOutputType(fn, MapFunction.class, 1, Types.STRING, "Map at WordCount.java:12"))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("'Map at WordCount.java:12'")
                .hasMessageContaining("lambda in " + TypeExtractorTest.class.getName())
                .hasMessageContaining("erased")
                .hasMessageContaining(".returns(Types.TUPLE(")
                .hasMessageContaining("TypeHint");
    }

    @Test
    void missingTypeError_canBeRenamedForTheOperatorsFinalName() {
        MapFunction<String, List<String>> fn = s -> List.of(s);
        MissingOutputTypeException error = catchThrowableOfType(MissingOutputTypeException.class,
                () -> TypeExtractor.extractOutputType(fn, MapFunction.class, 1, Types.STRING, "Map"));
        MissingOutputTypeException renamed = error.forOperator("Wrap in list");
        assertThat(renamed).hasMessageContaining("'Wrap in list'").hasMessageNotContaining("'Map'")
                .hasMessageContaining(error.getReason()).hasCause(error.getCause());
        assertThat(error.getReason()).contains("java.util.List").contains("erased");
    }

    @Test
    void flatMapLambda_isUnknownBecauseTheCollectorIsErased() {
        FlatMapFunction<String, String> split = (line, out) -> Arrays.stream(line.split(" ")).forEach(out::collect);
        assertThat(TypeExtractor.<String>tryExtractOutputType(split, FlatMapFunction.class, 1, Types.STRING)).isNull();
        assertThatThrownBy(() -> flatMapOutput(split, Types.STRING))
                .hasMessageContaining("Collector")
                .hasMessageContaining("'FlatMap'");
    }

    static List<String> words(String line) {
        return Arrays.asList(line.split(" "));
    }

    static void splitInto(String line, Collector<String> out) {
        for (String word : line.split(" ")) {
            out.collect(word);
        }
    }

    static <T> T identity(T value) {
        return value;
    }

    static <T> Tuple2<T, Integer> tag(T value) {
        return Tuple2.of(value, 1);
    }

    @Test
    void methodReferences_useTheMethodsGenericSignature() {
        MapFunction<String, List<String>> words = TypeExtractorTest::words;
        assertThat(mapOutput(words, Types.STRING)).isEqualTo(Types.LIST(Types.STRING));

        FlatMapFunction<String, String> split = TypeExtractorTest::splitInto;
        assertThat(flatMapOutput(split, Types.STRING)).isEqualTo(Types.STRING);

        MapFunction<String, Integer> parse = Integer::parseInt; // returns the primitive int
        assertThat(mapOutput(parse, Types.STRING)).isEqualTo(Types.INT);

        MapFunction<String, Integer> length = String::length; // unbound receiver
        assertThat(mapOutput(length, Types.STRING)).isEqualTo(Types.INT);

        String prefix = "p-";
        MapFunction<String, String> concat = prefix::concat; // bound receiver
        assertThat(mapOutput(concat, Types.STRING)).isEqualTo(Types.STRING);

        MapFunction<String, Box<String>> boxer = Box::new; // constructor of a generic class
        assertThat(this.<Object>mapOutput(boxer, Types.STRING)).isEqualTo(new TypeHintsForTests.StringBoxHint().getTypeInfo());
    }

    @Test
    void genericMethodReferences_bindTheirVariablesFromTheInput() {
        MapFunction<Tuple2<String, Long>, Tuple2<String, Long>> same = TypeExtractorTest::identity;
        assertThat(mapOutput(same, STRING_LONG)).isEqualTo(STRING_LONG);

        MapFunction<Long, Tuple2<Long, Integer>> tagged = TypeExtractorTest::tag;
        assertThat(mapOutput(tagged, Types.LONG)).isEqualTo(Types.TUPLE(Types.LONG, Types.INT));

        MapFunction<Tuple2<String, Long>, Tuple2<Long, String>> swap = Tuple2::swap; // receiver Tuple2<T0, T1>
        assertThat(mapOutput(swap, STRING_LONG)).isEqualTo(Types.TUPLE(Types.LONG, Types.STRING));
    }

    @Test
    void genericMethodReference_withoutInputType_fallsBackToTheInstantiatedType() {
        MapFunction<String, String> same = TypeExtractorTest::identity;
        assertThat(mapOutput(same, null)).isEqualTo(Types.STRING);
    }

    @Test
    void capturingLambda_isResolved() {
        long offset = 10;
        Map<String, Integer> lookup = Map.of("a", 1);
        MapFunction<String, Long> shifted = s -> lookup.getOrDefault(s, 0) + offset;
        assertThat(mapOutput(shifted, Types.STRING)).isEqualTo(Types.LONG);
    }

    // ------------------------------------------------------------------------------------------
    //  Objects
    // ------------------------------------------------------------------------------------------

    @Test
    void getForObject_ofATuple_usesTheFieldValues() {
        assertThat(TypeExtractor.getForObject(Tuple3.of("a", 1L, new int[] {1})))
                .isEqualTo(Types.TUPLE(Types.STRING, Types.LONG, Types.PRIMITIVE_ARRAY(Types.INT)));
        assertThat(TypeExtractor.getForObject(Tuple2.of(Tuple2.of(1, 2.0), "x")))
                .isEqualTo(new TupleTypeInfo<>(Types.TUPLE(Types.INT, Types.DOUBLE), Types.STRING));
        assertThat(TypeExtractor.getForObject(42L)).isEqualTo(Types.LONG);
        assertThatThrownBy(() -> TypeExtractor.getForObject(Tuple2.of("a", null))).hasMessageContaining("f1");
    }
}
