package org.millrace.types;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.millrace.api.tuple.Tuple;
import org.millrace.api.typeinfo.AvroTypeInfo;
import org.millrace.api.typeinfo.BasicTypeInfo;
import org.millrace.api.typeinfo.EnumTypeInfo;
import org.millrace.api.typeinfo.GenericTypeInfo;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.ListTypeInfo;
import org.millrace.api.typeinfo.LocalTimeTypeInfo;
import org.millrace.api.typeinfo.MapTypeInfo;
import org.millrace.api.typeinfo.ObjectArrayTypeInfo;
import org.millrace.api.typeinfo.PojoField;
import org.millrace.api.typeinfo.PojoTypeInfo;
import org.millrace.api.typeinfo.PrimitiveArrayTypeInfo;
import org.millrace.api.typeinfo.SetTypeInfo;
import org.millrace.api.typeinfo.TupleTypeInfo;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.types.GenericTypes.ErasedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Java {@link Type} into {@link TypeInformation}, in this order: basic types, java.time
 * local types, primitive and object arrays, tuples, enums, Avro records, {@code List}/{@code ArrayList}/
 * {@code Collection}, {@code Set}/{@code HashSet} and {@code Map}/{@code HashMap}, POJOs (including
 * Java records), and finally {@link GenericTypeInfo} (Avro reflect) for the application's other
 * classes; other JDK classes are rejected, since Avro reflect cannot read their state. Type
 * variables are looked up in the bindings the caller derived from input types.
 *
 * <p>Fails with an {@link InvalidTypesException} whose message is the reason only; the caller adds
 * which operator or class it was analysing. One instance per analysis (it tracks the POJOs being
 * analysed, so that recursive types fall back to Avro reflect instead of recursing); used by one
 * thread.
 */
final class TypeAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(TypeAnalyzer.class);

    private final Map<TypeVariable<?>, TypeInformation<?>> bindings;
    private final Deque<Class<?>> pojosInProgress = new ArrayDeque<>();

    TypeAnalyzer(Map<TypeVariable<?>, TypeInformation<?>> bindings) {
        this.bindings = bindings;
    }

    TypeAnalyzer() {
        this(Map.of());
    }

    TypeInformation<?> analyze(Type type) {
        if (type instanceof Class) {
            return analyzeClass((Class<?>) type, type);
        }
        if (type instanceof ParameterizedType) {
            return analyzeClass((Class<?>) ((ParameterizedType) type).getRawType(), type);
        }
        if (type instanceof GenericArrayType) {
            TypeInformation<?> component = analyze(((GenericArrayType) type).getGenericComponentType());
            return ObjectArrayTypeInfo.getInfoFor(component);
        }
        if (type instanceof TypeVariable) {
            TypeInformation<?> bound = bindings.get(type);
            if (bound == null) {
                TypeVariable<?> variable = (TypeVariable<?>) type;
                throw new InvalidTypesException("the type variable " + variable.getName() + " (of "
                        + describe(variable.getGenericDeclaration()) + ") cannot be inferred from the input types");
            }
            return bound;
        }
        if (type instanceof ErasedType) {
            ErasedType erased = (ErasedType) type;
            throw new InvalidTypesException("the type parameter " + erased.variable.getName() + " of "
                    + erased.owner.getName() + " is unknown because Java erased it (a lambda or a raw type keeps no"
                    + " generic parameters)");
        }
        if (type instanceof WildcardType) {
            throw new InvalidTypesException("the wildcard type '" + type + "' does not name a concrete type");
        }
        throw new InvalidTypesException("unsupported kind of type " + type);
    }

    private TypeInformation<?> analyzeClass(Class<?> clazz, Type type) {
        TypeInformation<?> basic = BasicTypeInfo.getInfoFor(clazz);
        if (basic != null) {
            return basic;
        }
        if (Temporal.class.isAssignableFrom(clazz) && LocalTimeTypeInfo.getInfoFor(clazz.asSubclass(Temporal.class)) != null) {
            return LocalTimeTypeInfo.getInfoFor(clazz.asSubclass(Temporal.class));
        }
        if (clazz.isArray()) {
            if (clazz.getComponentType().isPrimitive()) {
                return PrimitiveArrayTypeInfo.getInfoFor(clazz);
            }
            return ObjectArrayTypeInfo.getInfoFor(clazz, analyze(clazz.getComponentType()));
        }
        if (clazz == Object.class) {
            throw new InvalidTypesException("the type is java.lang.Object, which says nothing about the values"
                    + " (often an erased generic type)");
        }
        if (Tuple.class.isAssignableFrom(clazz)) {
            return analyzeTuple(clazz, type);
        }
        if (clazz.isEnum() || (clazz.getSuperclass() != null && clazz.getSuperclass().isEnum())) {
            return enumInfo(clazz.isEnum() ? clazz : clazz.getSuperclass());
        }
        if (SpecificRecord.class.isAssignableFrom(clazz) && !clazz.isInterface() && !Modifier.isAbstract(clazz.getModifiers())) {
            return new AvroTypeInfo<>(clazz);
        }
        if (IndexedRecord.class.isAssignableFrom(clazz)) {
            throw new InvalidTypesException("Avro " + clazz.getSimpleName() + " values carry their schema only at run time;"
                    + " declare the type with new GenericRecordAvroTypeInfo(schema)");
        }
        if (clazz == List.class || clazz == ArrayList.class || clazz == Collection.class) {
            return new ListTypeInfo<>(analyzeArgument(type, Collection.class, 0));
        }
        if (clazz == Set.class || clazz == HashSet.class) {
            return new SetTypeInfo<>(analyzeArgument(type, Set.class, 0));
        }
        if (clazz == Map.class || clazz == HashMap.class) {
            return new MapTypeInfo<>(analyzeArgument(type, Map.class, 0), analyzeArgument(type, Map.class, 1));
        }
        if (isPlatformClass(clazz)) {
            throw new InvalidTypesException(clazz.getName() + " has no built-in serializer, and Avro reflect cannot"
                    + " serialize JDK classes (their state is in inaccessible or transient fields). Use a supported type"
                    + " instead (basic types, java.time local types, List/Set/Map interfaces, arrays, tuples, POJOs)");
        }
        if (pojosInProgress.contains(clazz)) {
            LOG.info("{} refers to itself; that reference is serialized with Avro reflect", clazz.getName());
            return new GenericTypeInfo<>(clazz);
        }
        TypeInformation<?> pojo = analyzePojo(clazz, type);
        return pojo != null ? pojo : new GenericTypeInfo<>(clazz);
    }

    /** Classes of the JDK itself (boot or platform class loader). */
    static boolean isPlatformClass(Class<?> clazz) {
        ClassLoader loader = clazz.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeInformation<?> enumInfo(Class<?> enumClass) {
        return new EnumTypeInfo(enumClass);
    }

    private TypeInformation<?> analyzeArgument(Type type, Class<?> generic, int index) {
        Type[] args = GenericTypes.typeArgumentsOf(type, generic, true);
        return analyze(args[index]);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TypeInformation<?> analyzeTuple(Class<?> clazz, Type type) {
        if (clazz == Tuple.class) {
            throw new InvalidTypesException("the abstract Tuple class does not say which fields the values have;"
                    + " use Tuple0..Tuple" + Tuple.MAX_ARITY + " with their type parameters");
        }
        Class<?> tupleClass = clazz;
        while (tupleClass.getSuperclass() != Tuple.class) {
            tupleClass = tupleClass.getSuperclass();
        }
        Type[] args = GenericTypes.typeArgumentsOf(type, tupleClass, true);
        TypeInformation<?>[] fields = new TypeInformation<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            try {
                fields[i] = analyze(args[i]);
            } catch (InvalidTypesException e) {
                throw new InvalidTypesException("field f" + i + " of " + clazz.getSimpleName() + ": " + e.getMessage(), e);
            }
        }
        return new TupleTypeInfo(clazz, fields);
    }

    /** The POJO type information, or {@code null} (with the reason logged) if the class does not follow the POJO rules. */
    private TypeInformation<?> analyzePojo(Class<?> clazz, Type type) {
        String violation = PojoRules.classViolation(clazz);
        List<Field> fields = violation == null ? PojoRules.fields(clazz) : List.of();
        if (violation == null) {
            violation = PojoRules.fieldViolation(clazz, fields);
        }
        if (violation != null) {
            LOG.info("{} is not a POJO ({}); it is serialized with Avro reflect, which is slower", clazz.getName(), violation);
            return null;
        }
        pojosInProgress.push(clazz);
        try {
            List<PojoField> pojoFields = new ArrayList<>(fields.size());
            for (Field field : fields) {
                Type fieldType = resolveFieldType(field, type);
                try {
                    pojoFields.add(new PojoField(field, analyze(fieldType)));
                } catch (InvalidTypesException e) {
                    throw new InvalidTypesException("field '" + field.getName() + "' of " + clazz.getName() + ": "
                            + e.getMessage(), e);
                }
            }
            return new PojoTypeInfo<>(clazz, pojoFields);
        } finally {
            pojosInProgress.pop();
        }
    }

    /** The field's generic type with the declaring class's type variables replaced as {@code type} binds them. */
    private static Type resolveFieldType(Field field, Type type) {
        Class<?> declaring = field.getDeclaringClass();
        if (declaring.getTypeParameters().length == 0) {
            return field.getGenericType();
        }
        Type[] args = GenericTypes.typeArgumentsOf(type, declaring, true);
        Map<TypeVariable<?>, Type> declaringBindings = new HashMap<>();
        TypeVariable<?>[] params = declaring.getTypeParameters();
        for (int i = 0; i < params.length; i++) {
            declaringBindings.put(params[i], args[i]);
        }
        return GenericTypes.substitute(field.getGenericType(), declaringBindings);
    }

    private static String describe(Object genericDeclaration) {
        if (genericDeclaration instanceof Class) {
            return "class " + ((Class<?>) genericDeclaration).getName();
        }
        if (genericDeclaration instanceof Method) {
            Method method = (Method) genericDeclaration;
            return "method " + method.getDeclaringClass().getName() + "." + method.getName();
        }
        return String.valueOf(genericDeclaration);
    }

    /** The POJO rules, as pure checks. */
    static final class PojoRules {

        private PojoRules() {}

        /** Why the class itself cannot be a POJO, or {@code null}. */
        static String classViolation(Class<?> clazz) {
            if (!Modifier.isPublic(clazz.getModifiers())) {
                return "the class is not public";
            }
            if (clazz.isInterface() || Modifier.isAbstract(clazz.getModifiers())) {
                return "the class is abstract";
            }
            if (clazz.isRecord()) {
                return null; // built through the canonical constructor, read through the accessors
            }
            if (clazz.getEnclosingClass() != null && !Modifier.isStatic(clazz.getModifiers())) {
                return "it is a non-static inner class";
            }
            try {
                clazz.getConstructor();
            } catch (NoSuchMethodException e) {
                return "it has no public no-argument constructor";
            }
            return null;
        }

        /** The instance fields that are serialized: all non-static, non-transient fields of the class and its superclasses. */
        static List<Field> fields(Class<?> clazz) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = clazz; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                        fields.add(field);
                    }
                }
            }
            return fields;
        }

        /** Why these fields cannot all be POJO fields, or {@code null}. */
        static String fieldViolation(Class<?> clazz, List<Field> fields) {
            if (fields.isEmpty()) {
                return "it has no fields";
            }
            Set<String> names = new HashSet<>();
            for (Field field : fields) {
                if (!names.add(field.getName())) {
                    return "field '" + field.getName() + "' is declared twice in its class hierarchy";
                }
                if (clazz.isRecord()) {
                    continue; // record components are final by design and have public accessors
                }
                if (Modifier.isFinal(field.getModifiers())) {
                    return "field '" + field.getName() + "' is final";
                }
                if (!Modifier.isPublic(field.getModifiers()) && !(hasGetter(clazz, field) && hasSetter(clazz, field))) {
                    return "field '" + field.getName() + "' is neither public nor has a public getter and setter";
                }
            }
            return null;
        }

        private static boolean hasGetter(Class<?> clazz, Field field) {
            String suffix = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
            for (String name : new String[] {"get" + suffix, "is" + suffix, field.getName()}) {
                try {
                    Method getter = clazz.getMethod(name);
                    if (getter.getReturnType() == field.getType()) {
                        return true;
                    }
                } catch (NoSuchMethodException e) {
                    // try the next naming convention
                }
            }
            return false;
        }

        private static boolean hasSetter(Class<?> clazz, Field field) {
            String name = "set" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
            try {
                clazz.getMethod(name, field.getType());
                return true;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    }
}
