package org.millrace.types;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.millrace.api.functions.FlatMapFunction;
import org.millrace.api.functions.Function;
import org.millrace.api.functions.KeySelector;
import org.millrace.api.functions.MapFunction;
import org.millrace.api.tuple.Tuple;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.ListTypeInfo;
import org.millrace.api.typeinfo.MapTypeInfo;
import org.millrace.api.typeinfo.ObjectArrayTypeInfo;
import org.millrace.api.typeinfo.PojoTypeInfo;
import org.millrace.api.typeinfo.ResultTypeQueryable;
import org.millrace.api.typeinfo.SetTypeInfo;
import org.millrace.api.typeinfo.TupleTypeInfo;
import org.millrace.api.typeinfo.TypeInformation;

/**
 * Finds the {@link TypeInformation} of classes, values and the results of user functions, by
 * reflection over generic signatures.
 *
 * <p>For a function, the output type comes from the type arguments the function's class gives the
 * function interface (through any chain of generic superclasses and interfaces, e.g.
 * {@code RichMapFunction}), or, for lambdas and method references, from the implementation
 * method's signature. Type variables left open (a generic function class, a generic method
 * reference such as {@code Util::identity}) are bound by matching the declared input types against
 * the actual input type information. Java keeps no generic types for lambda bodies, so a lambda
 * returning a generic type ({@code Tuple2}, {@code List}) or emitting through
 * {@code Collector<O>} yields no output type: callers then ask the user for {@code .returns(...)}.
 *
 * <p>Stateless; any thread (the job-building thread, in practice).
 */
public final class TypeExtractor {

    private TypeExtractor() {}

    // ------------------------------------------------------------------------------------------
    //  Classes, types and values
    // ------------------------------------------------------------------------------------------

    /**
     * The type information of a class (the rules of {@link TypeInformation#of(Class)}).
     *
     * @throws InvalidTypesException for generic classes (their parameters are unknown), {@code Object}
     *     and Avro generic records (which need a schema)
     */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> getForClass(Class<T> type) {
        try {
            return (TypeInformation<T>) new TypeAnalyzer().analyze(type);
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException("Cannot determine the type information of " + type.getName() + ": "
                    + e.getMessage() + hintFor(type), e);
        }
    }

    /**
     * The type information of a fully specified generic type (as captured by a {@code TypeHint}).
     *
     * @throws InvalidTypesException if the type contains type variables or is otherwise unusable
     */
    public static TypeInformation<?> createTypeInfo(Type type) {
        try {
            return new TypeAnalyzer().analyze(type);
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException("Cannot determine the type information of " + type.getTypeName() + ": "
                    + e.getMessage() + ". Generic types must be fully specified, e.g."
                    + " new TypeHint<Tuple2<String, Long>>(){}", e);
        }
    }

    /**
     * The type information of the type argument {@code typeArgIndex} that {@code subclass} gives its
     * generic superclass or interface {@code baseClass}, e.g. the {@code T} of an anonymous
     * {@code TypeHint<T>} subclass.
     *
     * @throws InvalidTypesException if the argument is not fully specified
     */
    public static TypeInformation<?> createTypeInfo(Class<?> subclass, Class<?> baseClass, int typeArgIndex) {
        Type[] args = GenericTypes.typeArgumentsOf(subclass, baseClass, true);
        if (args == null) {
            throw new IllegalArgumentException(subclass.getName() + " does not extend " + baseClass.getName());
        }
        return createTypeInfo(args[typeArgIndex]);
    }

    /**
     * The type information of a class that must be a POJO.
     *
     * @throws InvalidTypesException naming the POJO rule the class breaks
     */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> getForPojo(Class<T> pojoClass) {
        String violation = TypeAnalyzer.PojoRules.classViolation(pojoClass);
        if (violation == null) {
            violation = TypeAnalyzer.PojoRules.fieldViolation(pojoClass, TypeAnalyzer.PojoRules.fields(pojoClass));
        }
        if (violation != null) {
            throw new InvalidTypesException(pojoClass.getName() + " is not a POJO: " + violation + ". A POJO is a public,"
                    + " non-abstract class with a public no-argument constructor whose fields are public (and not final)"
                    + " or have a public getter and setter");
        }
        TypeInformation<T> info = getForClass(pojoClass);
        if (!(info instanceof PojoTypeInfo)) {
            throw new InvalidTypesException(pojoClass.getName() + " is not a POJO but " + info);
        }
        return info;
    }

    /**
     * The type information of a value: for tuples, from the classes of the field values (which must
     * not be null); otherwise {@link #getForClass} of the value's class.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> TypeInformation<T> getForObject(T value) {
        if (value == null) {
            throw new InvalidTypesException("Cannot determine the type information of null");
        }
        if (value instanceof Tuple && value.getClass().getTypeParameters().length > 0) {
            Tuple tuple = (Tuple) value;
            TypeInformation<?>[] fields = new TypeInformation<?>[tuple.getArity()];
            for (int i = 0; i < fields.length; i++) {
                Object field = tuple.getField(i);
                if (field == null) {
                    throw new InvalidTypesException("Cannot determine the type of field f" + i + " of " + value
                            + " because it is null; declare the type explicitly");
                }
                fields[i] = getForObject(field);
            }
            return new TupleTypeInfo(value.getClass(), fields);
        }
        return getForClass((Class<T>) value.getClass());
    }

    // ------------------------------------------------------------------------------------------
    //  Function results
    // ------------------------------------------------------------------------------------------

    /** The result type of a {@link MapFunction}; see {@link #extractOutputType(Function, Class, int, TypeInformation, String)}. */
    public static <I, O> TypeInformation<O> getMapReturnTypes(MapFunction<I, O> mapper, TypeInformation<I> inputType,
            String operatorName) {
        return extractOutputType(mapper, MapFunction.class, 1, inputType, operatorName);
    }

    /** The result type of a {@link FlatMapFunction} (its {@code Collector}'s type). */
    public static <I, O> TypeInformation<O> getFlatMapReturnTypes(FlatMapFunction<I, O> flatMapper,
            TypeInformation<I> inputType, String operatorName) {
        return extractOutputType(flatMapper, FlatMapFunction.class, 1, inputType, operatorName);
    }

    /** The key type of a {@link KeySelector}. */
    public static <I, K> TypeInformation<K> getKeySelectorTypes(KeySelector<I, K> selector, TypeInformation<I> inputType,
            String operatorName) {
        return extractOutputType(selector, KeySelector.class, 1, inputType, operatorName);
    }

    /**
     * The type that {@code function} gives the type parameter {@code outputTypeArgIndex} of
     * {@code functionInterface}, where type parameter 0 is the input of type {@code inputType}
     * (may be {@code null} if unknown). A function that implements {@link ResultTypeQueryable}
     * answers itself.
     *
     * @param operatorName names the operator in the error message
     * @throws MissingOutputTypeException if the type cannot be determined; the message names the
     *     operator and asks for {@code .returns(...)}
     */
    public static <O> TypeInformation<O> extractOutputType(Function function, Class<?> functionInterface,
            int outputTypeArgIndex, TypeInformation<?> inputType, String operatorName) {
        return extractOutputType(function, functionInterface, outputTypeArgIndex, new int[] {0},
                new TypeInformation<?>[] {inputType}, operatorName);
    }

    /**
     * Like {@link #extractOutputType(Function, Class, int, TypeInformation, String)} for functions
     * with several inputs (or keys): {@code inputTypes[i]} is the type of the interface's type
     * parameter {@code inputTypeArgIndices[i]}; entries may be {@code null}.
     */
    @SuppressWarnings("unchecked")
    public static <O> TypeInformation<O> extractOutputType(Function function, Class<?> functionInterface,
            int outputTypeArgIndex, int[] inputTypeArgIndices, TypeInformation<?>[] inputTypes, String operatorName) {
        if (function instanceof ResultTypeQueryable) {
            return ((ResultTypeQueryable<O>) function).getProducedType();
        }
        if (!functionInterface.isInstance(function)) {
            throw new IllegalArgumentException(function.getClass().getName() + " is not a " + functionInterface.getName());
        }
        LambdaSignature lambda = LambdaSignature.of(function);
        String description = lambda != null ? lambda.description : describeClass(function.getClass());
        try {
            return (TypeInformation<O>) (lambda != null
                    ? fromLambda(lambda, functionInterface, outputTypeArgIndex, inputTypeArgIndices, inputTypes)
                    : fromClass(function.getClass(), functionInterface, outputTypeArgIndex, inputTypeArgIndices, inputTypes));
        } catch (InvalidTypesException e) {
            throw new MissingOutputTypeException(operatorName, description, e.getMessage(), lambda != null, e);
        }
    }

    /** Like {@link #extractOutputType(Function, Class, int, TypeInformation, String)}, but {@code null} instead of an exception. */
    public static <O> TypeInformation<O> tryExtractOutputType(Function function, Class<?> functionInterface,
            int outputTypeArgIndex, TypeInformation<?> inputType) {
        return tryExtractOutputType(function, functionInterface, outputTypeArgIndex, new int[] {0},
                new TypeInformation<?>[] {inputType});
    }

    /**
     * Like {@link #extractOutputType(Function, Class, int, int[], TypeInformation[], String)}, but
     * {@code null} instead of an exception. Callers that need the type later can call the throwing
     * variant then, for a message that explains what is missing.
     */
    public static <O> TypeInformation<O> tryExtractOutputType(Function function, Class<?> functionInterface,
            int outputTypeArgIndex, int[] inputTypeArgIndices, TypeInformation<?>[] inputTypes) {
        try {
            return extractOutputType(function, functionInterface, outputTypeArgIndex, inputTypeArgIndices, inputTypes, "");
        } catch (InvalidTypesException e) {
            return null;
        }
    }

    /**
     * The message for an operator whose output type is unknown and was not declared: names the
     * operator and says how to declare the type.
     */
    public static String missingTypeMessage(String operatorName, String functionDescription, String reason, boolean lambda) {
        StringBuilder sb = new StringBuilder("Could not determine the output type of operator '").append(operatorName)
                .append("'");
        if (functionDescription != null) {
            sb.append(" (").append(functionDescription).append(')');
        }
        sb.append(": ").append(reason).append(". Declare the type after the operator, e.g. ")
                .append(".returns(Types.TUPLE(Types.STRING, Types.LONG)) or ")
                .append(".returns(new TypeHint<Tuple2<String, Long>>(){})");
        if (lambda) {
            sb.append(", or implement the function as a class (anonymous classes keep their generic types)");
        }
        return sb.append('.').toString();
    }

    private static TypeInformation<?> fromClass(Class<?> functionClass, Class<?> functionInterface, int outputIndex,
            int[] inputIndices, TypeInformation<?>[] inputTypes) {
        // raw: the class's own type variables stay open for the inputs to bind
        Type[] args = GenericTypes.typeArgumentsOf(functionClass, functionInterface, false);
        if (args == null) {
            throw new InvalidTypesException(functionClass.getName() + " does not implement " + functionInterface.getName());
        }
        Map<TypeVariable<?>, TypeInformation<?>> bindings = new HashMap<>();
        for (int i = 0; i < inputIndices.length; i++) {
            if (inputTypes[i] != null) {
                bindToInfo(args[inputIndices[i]], inputTypes[i], bindings);
            }
        }
        return new TypeAnalyzer(bindings).analyze(args[outputIndex]);
    }

    private static TypeInformation<?> fromLambda(LambdaSignature lambda, Class<?> functionInterface, int outputIndex,
            int[] inputIndices, TypeInformation<?>[] inputTypes) {
        // First from the implementation's generic signature (full types for method references), then,
        // if that leaves the output open, from the instantiated (erased but concrete) signature.
        Type[] generic = interfaceArguments(lambda, functionInterface, lambda.genericReturnType, lambda.genericParameterTypes);
        Type[] erased = interfaceArguments(lambda, functionInterface, lambda.instantiatedReturnType,
                lambda.instantiatedParameterTypes);
        InvalidTypesException first = null;
        for (Type[] args : List.of(generic, erased)) {
            Type output = args[outputIndex];
            if (output == null) {
                continue;
            }
            Map<TypeVariable<?>, TypeInformation<?>> bindings = new HashMap<>();
            for (int i = 0; i < inputIndices.length; i++) {
                if (inputTypes[i] != null && args[inputIndices[i]] != null) {
                    bindToInfo(args[inputIndices[i]], inputTypes[i], bindings);
                }
            }
            try {
                return new TypeAnalyzer(bindings).analyze(output);
            } catch (InvalidTypesException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        throw new InvalidTypesException("the output type does not appear in the signature of " + lambda.interfaceMethod);
    }

    /**
     * What {@code functionInterface}'s type parameters stand for in a lambda of the given
     * signature; {@code null} entries where the signature does not say.
     */
    private static Type[] interfaceArguments(LambdaSignature lambda, Class<?> functionInterface, Type returnType,
            Type[] parameterTypes) {
        Map<TypeVariable<?>, Type> found = new HashMap<>();
        GenericTypes.unify(lambda.interfaceMethod.getGenericReturnType(), returnType, found);
        Type[] formals = lambda.interfaceMethod.getGenericParameterTypes();
        if (parameterTypes != null && parameterTypes.length == formals.length) {
            for (int i = 0; i < formals.length; i++) {
                GenericTypes.unify(formals[i], parameterTypes[i], found);
            }
        }
        // The method may be declared in a super-interface: map through the functional interface.
        Type[] declared = GenericTypes.typeArgumentsOf(lambda.functionalInterface, functionInterface, false);
        TypeVariable<?>[] params = functionInterface.getTypeParameters();
        Type[] result = new Type[params.length];
        for (int i = 0; i < params.length; i++) {
            Type declaredArg = declared == null ? params[i] : declared[i];
            Type resolved = GenericTypes.substitute(declaredArg, found);
            result[i] = resolved == declaredArg && resolved instanceof TypeVariable ? found.get(params[i]) : resolved;
        }
        return result;
    }

    /** Binds the type variables in {@code formal} by matching it against the type information of an actual value. */
    static void bindToInfo(Type formal, TypeInformation<?> info, Map<TypeVariable<?>, TypeInformation<?>> bindings) {
        if (formal instanceof TypeVariable) {
            bindings.putIfAbsent((TypeVariable<?>) formal, info);
        } else if (formal instanceof GenericArrayType) {
            if (info instanceof ObjectArrayTypeInfo) {
                bindToInfo(((GenericArrayType) formal).getGenericComponentType(),
                        ((ObjectArrayTypeInfo<?, ?>) info).getComponentInfo(), bindings);
            }
        } else if (formal instanceof ParameterizedType) {
            Class<?> raw = GenericTypes.rawClass(formal);
            if (Tuple.class.isAssignableFrom(raw) && info instanceof TupleTypeInfo && raw != Tuple.class) {
                Type[] fields = GenericTypes.typeArgumentsOf(formal, Tuple.getTupleClass(info.getArity()), true);
                for (int i = 0; fields != null && i < fields.length; i++) {
                    bindToInfo(fields[i], ((TupleTypeInfo<?>) info).getTypeAt(i), bindings);
                }
            } else if (info instanceof ListTypeInfo && Collection.class.isAssignableFrom(raw)) {
                bindToInfo(GenericTypes.typeArgumentsOf(formal, Collection.class, true)[0],
                        ((ListTypeInfo<?>) info).getElementTypeInfo(), bindings);
            } else if (info instanceof SetTypeInfo && Set.class.isAssignableFrom(raw)) {
                bindToInfo(GenericTypes.typeArgumentsOf(formal, Set.class, true)[0],
                        ((SetTypeInfo<?>) info).getElementTypeInfo(), bindings);
            } else if (info instanceof MapTypeInfo && Map.class.isAssignableFrom(raw)) {
                Type[] kv = GenericTypes.typeArgumentsOf(formal, Map.class, true);
                bindToInfo(kv[0], ((MapTypeInfo<?, ?>) info).getKeyTypeInfo(), bindings);
                bindToInfo(kv[1], ((MapTypeInfo<?, ?>) info).getValueTypeInfo(), bindings);
            } else if (info instanceof PojoTypeInfo && raw == info.getTypeClass()) {
                bindPojoFields((ParameterizedType) formal, (PojoTypeInfo<?>) info, bindings);
            }
        }
    }

    private static void bindPojoFields(ParameterizedType formal, PojoTypeInfo<?> pojo,
            Map<TypeVariable<?>, TypeInformation<?>> bindings) {
        for (int i = 0; i < pojo.getArity(); i++) {
            Field field = pojo.getPojoFieldAt(i).getField();
            Type[] declaringArgs = GenericTypes.typeArgumentsOf(formal, field.getDeclaringClass(), true);
            if (declaringArgs == null) {
                continue;
            }
            Map<TypeVariable<?>, Type> declaring = new HashMap<>();
            TypeVariable<?>[] params = field.getDeclaringClass().getTypeParameters();
            for (int p = 0; p < params.length; p++) {
                declaring.put(params[p], declaringArgs[p]);
            }
            bindToInfo(GenericTypes.substitute(field.getGenericType(), declaring), pojo.getTypeAt(i), bindings);
        }
    }

    private static String describeClass(Class<?> clazz) {
        return clazz.isAnonymousClass() ? "anonymous class " + clazz.getName() : "class " + clazz.getName();
    }

    private static String hintFor(Class<?> type) {
        if (type.getTypeParameters().length > 0) {
            return ". " + type.getSimpleName() + " is generic: use a TypeHint, e.g. TypeInformation.of(new TypeHint<"
                    + type.getSimpleName() + "<...>>(){}), or Types.*";
        }
        return "";
    }
}
