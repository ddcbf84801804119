package org.millrace.types;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reflection over generic types: which type arguments a class hierarchy gives a generic supertype,
 * substitution of type variables, and structural unification of a declared signature with an
 * actual one. Stateless; any thread.
 *
 * <p>Where Java erased a type argument (a raw type), the result holds an {@link ErasedType} marker
 * instead of the class's own type variable, so the analysis can say "erased" rather than
 * "unresolved".
 */
final class GenericTypes {

    private GenericTypes() {}

    /** The raw class of a class or parameterized type; {@code null} for variables, wildcards and markers. */
    static Class<?> rawClass(Type type) {
        if (type instanceof Class) {
            return (Class<?>) type;
        }
        if (type instanceof ParameterizedType) {
            return (Class<?>) ((ParameterizedType) type).getRawType();
        }
        if (type instanceof GenericArrayType) {
            Class<?> component = rawClass(((GenericArrayType) type).getGenericComponentType());
            return component == null ? null : Array.newInstance(component, 0).getClass();
        }
        return null;
    }

    /**
     * The type arguments that {@code type} gives its supertype {@code target}, or {@code null} if
     * {@code target} is not a supertype. Arguments may contain type variables that no class in the
     * hierarchy binds. If {@code type} is a raw generic class: with {@code rawIsErased} its own type
     * variables become {@link ErasedType} markers; without, they stay free (for function classes,
     * whose variables the input type may still bind).
     */
    static Type[] typeArgumentsOf(Type type, Class<?> target, boolean rawIsErased) {
        Class<?> raw = rawClass(type);
        if (raw == null || !target.isAssignableFrom(raw)) {
            return null;
        }
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        TypeVariable<?>[] params = raw.getTypeParameters();
        if (type instanceof ParameterizedType) {
            Type[] args = ((ParameterizedType) type).getActualTypeArguments();
            for (int i = 0; i < params.length; i++) {
                bindings.put(params[i], args[i]);
            }
        } else if (rawIsErased) {
            for (TypeVariable<?> param : params) {
                bindings.put(param, new ErasedType(raw, param));
            }
        }
        return walk(raw, target, bindings);
    }

    private static Type[] walk(Class<?> raw, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        if (raw == target) {
            TypeVariable<?>[] params = target.getTypeParameters();
            Type[] result = new Type[params.length];
            for (int i = 0; i < params.length; i++) {
                result[i] = bindings.getOrDefault(params[i], params[i]);
            }
            return result;
        }
        List<Type> supertypes = new ArrayList<>(Arrays.asList(raw.getGenericInterfaces()));
        if (raw.getGenericSuperclass() != null) {
            supertypes.add(0, raw.getGenericSuperclass());
        }
        for (Type supertype : supertypes) {
            Class<?> superRaw = rawClass(supertype);
            if (superRaw == null || !target.isAssignableFrom(superRaw)) {
                continue;
            }
            Map<TypeVariable<?>, Type> superBindings = new HashMap<>();
            TypeVariable<?>[] superParams = superRaw.getTypeParameters();
            if (supertype instanceof ParameterizedType) {
                Type[] args = ((ParameterizedType) supertype).getActualTypeArguments();
                for (int i = 0; i < superParams.length; i++) {
                    superBindings.put(superParams[i], substitute(args[i], bindings));
                }
            } else {
                // declared with a raw supertype ("implements MapFunction"): its arguments are gone
                for (TypeVariable<?> param : superParams) {
                    superBindings.put(param, new ErasedType(superRaw, param));
                }
            }
            return walk(superRaw, target, superBindings);
        }
        return null;
    }

    /** {@code type} with the bound type variables replaced. */
    static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable) {
            return bindings.getOrDefault(type, type);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Type[] args = p.getActualTypeArguments().clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = substitute(args[i], bindings);
            }
            return new ParameterizedTypeImpl((Class<?>) p.getRawType(), args, p.getOwnerType());
        }
        if (type instanceof GenericArrayType) {
            Type component = substitute(((GenericArrayType) type).getGenericComponentType(), bindings);
            return component instanceof Class ? Array.newInstance((Class<?>) component, 0).getClass()
                    : new GenericArrayTypeImpl(component);
        }
        if (type instanceof WildcardType) {
            WildcardType w = (WildcardType) type;
            Type[] upper = w.getUpperBounds().clone();
            Type[] lower = w.getLowerBounds().clone();
            for (int i = 0; i < upper.length; i++) {
                upper[i] = substitute(upper[i], bindings);
            }
            for (int i = 0; i < lower.length; i++) {
                lower[i] = substitute(lower[i], bindings);
            }
            return new WildcardTypeImpl(upper, lower);
        }
        return type;
    }

    /**
     * Matches a declared type ({@code formal}, with type variables) against an actual type of the
     * same shape, and records what each variable stands for (first binding wins). Parts that do
     * not match in shape are skipped.
     */
    static void unify(Type formal, Type actual, Map<TypeVariable<?>, Type> bindings) {
        if (formal instanceof TypeVariable) {
            bindings.putIfAbsent((TypeVariable<?>) formal, actual);
        } else if (formal instanceof ParameterizedType) {
            Class<?> raw = (Class<?>) ((ParameterizedType) formal).getRawType();
            Type[] actualArgs = typeArgumentsOf(actual, raw, true);
            if (actualArgs != null) {
                Type[] formalArgs = ((ParameterizedType) formal).getActualTypeArguments();
                for (int i = 0; i < formalArgs.length; i++) {
                    unify(formalArgs[i], actualArgs[i], bindings);
                }
            }
        } else if (formal instanceof GenericArrayType) {
            Type component = ((GenericArrayType) formal).getGenericComponentType();
            if (actual instanceof GenericArrayType) {
                unify(component, ((GenericArrayType) actual).getGenericComponentType(), bindings);
            } else if (actual instanceof Class && ((Class<?>) actual).isArray()) {
                unify(component, ((Class<?>) actual).getComponentType(), bindings);
            }
        }
    }

    /** A type whose generic parameters Java erased: the parameter {@code variable} of {@code owner}. */
    static final class ErasedType implements Type {
        final Class<?> owner;
        final TypeVariable<?> variable;

        ErasedType(Class<?> owner, TypeVariable<?> variable) {
            this.owner = owner;
            this.variable = variable;
        }

        @Override
        public String getTypeName() {
            return "<erased " + variable.getName() + " of " + owner.getName() + ">";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ErasedType && ((ErasedType) o).owner == owner && ((ErasedType) o).variable.equals(variable);
        }

        @Override
        public int hashCode() {
            return 31 * owner.hashCode() + variable.hashCode();
        }

        @Override
        public String toString() {
            return getTypeName();
        }
    }

    /** A parameterized type built by substitution. */
    static final class ParameterizedTypeImpl implements ParameterizedType {
        private final Class<?> raw;
        private final Type[] args;
        private final Type owner;

        ParameterizedTypeImpl(Class<?> raw, Type[] args, Type owner) {
            this.raw = raw;
            this.args = args;
            this.owner = owner;
        }

        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return owner;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof ParameterizedType)) {
                return false;
            }
            ParameterizedType p = (ParameterizedType) o;
            return raw.equals(p.getRawType()) && Arrays.equals(args, p.getActualTypeArguments())
                    && Objects.equals(owner, p.getOwnerType());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(args) ^ Objects.hashCode(owner) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(raw.getName()).append('<');
            for (int i = 0; i < args.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(args[i].getTypeName());
            }
            return sb.append('>').toString();
        }
    }

    /** A generic array type built by substitution. */
    static final class GenericArrayTypeImpl implements GenericArrayType {
        private final Type component;

        GenericArrayTypeImpl(Type component) {
            this.component = component;
        }

        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GenericArrayType && component.equals(((GenericArrayType) o).getGenericComponentType());
        }

        @Override
        public int hashCode() {
            return component.hashCode();
        }

        @Override
        public String toString() {
            return component.getTypeName() + "[]";
        }
    }

    /** A wildcard type built by substitution. */
    static final class WildcardTypeImpl implements WildcardType {
        private final Type[] upper;
        private final Type[] lower;

        WildcardTypeImpl(Type[] upper, Type[] lower) {
            this.upper = upper;
            this.lower = lower;
        }

        @Override
        public Type[] getUpperBounds() {
            return upper.clone();
        }

        @Override
        public Type[] getLowerBounds() {
            return lower.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WildcardType && Arrays.equals(upper, ((WildcardType) o).getUpperBounds())
                    && Arrays.equals(lower, ((WildcardType) o).getLowerBounds());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(upper) ^ Arrays.hashCode(lower);
        }

        @Override
        public String toString() {
            return lower.length > 0 ? "? super " + lower[0].getTypeName()
                    : upper.length == 0 || upper[0] == Object.class ? "?" : "? extends " + upper[0].getTypeName();
        }
    }
}
