package org.millrace.types;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The signature of a serializable lambda or method reference, recovered through its
 * {@code writeReplace} method ({@link SerializedLambda}), aligned to the parameters of the
 * functional interface's method.
 *
 * <p>Two views: the implementation method's generic signature (full generic types for method
 * references to real methods; for lambda bodies javac keeps none, so it is erased there), and the
 * instantiated method type (always erased, but never a method type variable). Immutable.
 */
final class LambdaSignature {

    /** "lambda in com.acme.Job.main" or "method reference Parser::parse", for messages. */
    final String description;
    final Class<?> functionalInterface;
    /** The functional interface's method, as declared (in terms of its declaring interface's type variables). */
    final Method interfaceMethod;
    final Type genericReturnType;
    /** One per interface-method parameter, or {@code null} if the implementation's parameters do not line up. */
    final Type[] genericParameterTypes;
    final Class<?> instantiatedReturnType;
    final Class<?>[] instantiatedParameterTypes;

    private LambdaSignature(String description, Class<?> functionalInterface, Method interfaceMethod, Type genericReturnType,
            Type[] genericParameterTypes, MethodType instantiated) {
        this.description = description;
        this.functionalInterface = functionalInterface;
        this.interfaceMethod = interfaceMethod;
        this.genericReturnType = genericReturnType;
        this.genericParameterTypes = genericParameterTypes;
        this.instantiatedReturnType = instantiated.returnType();
        this.instantiatedParameterTypes = instantiated.parameterArray();
    }

    /** The signature of {@code function} if it is a lambda or method reference, else {@code null}. */
    static LambdaSignature of(Object function) {
        SerializedLambda lambda = serializedLambda(function);
        if (lambda == null) {
            return null;
        }
        ClassLoader loader = function.getClass().getClassLoader();
        try {
            Class<?> functionalInterface = load(lambda.getFunctionalInterfaceClass(), loader);
            Method interfaceMethod = interfaceMethod(functionalInterface, lambda);
            MethodType instantiated = MethodType.fromMethodDescriptorString(lambda.getInstantiatedMethodType(), loader);
            Class<?> implClass = load(lambda.getImplClass(), loader);
            MethodType implType = MethodType.fromMethodDescriptorString(lambda.getImplMethodSignature(), loader);
            int kind = lambda.getImplMethodKind();
            Executable impl = implementation(implClass, lambda.getImplMethodName(), implType, kind);

            Type returnType;
            List<Type> implArgs = new ArrayList<>();
            if (kind == MethodHandleInfo.REF_newInvokeSpecial) {
                returnType = selfType(implClass);
            } else {
                Method method = (Method) impl;
                returnType = method.getGenericReturnType();
                if (!Modifier.isStatic(method.getModifiers())) {
                    implArgs.add(selfType(implClass)); // the receiver comes first
                }
            }
            implArgs.addAll(Arrays.asList(impl.getGenericParameterTypes()));
            // captured values fill the first implementation arguments; the interface's parameters the rest
            int captured = lambda.getCapturedArgCount();
            Type[] parameters = null;
            if (implArgs.size() - captured == instantiated.parameterCount()) {
                parameters = implArgs.subList(captured, implArgs.size()).toArray(new Type[0]);
            }
            return new LambdaSignature(describe(lambda, implClass), functionalInterface, interfaceMethod, returnType,
                    parameters, instantiated);
        } catch (ReflectiveOperationException | TypeNotPresentException | IllegalArgumentException e) {
            return null;
        }
    }

    private static SerializedLambda serializedLambda(Object function) {
        Class<?> clazz = function.getClass();
        if (!clazz.isSynthetic() && !clazz.isHidden()) {
            return null;
        }
        try {
            Method writeReplace = clazz.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replacement = writeReplace.invoke(function);
            return replacement instanceof SerializedLambda ? (SerializedLambda) replacement : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not serializable, or its module does not open it to us: no signature to read
            return null;
        }
    }

    private static Class<?> load(String slashedName, ClassLoader loader) throws ClassNotFoundException {
        return Class.forName(slashedName.replace('/', '.'), false, loader);
    }

    private static Method interfaceMethod(Class<?> functionalInterface, SerializedLambda lambda) throws NoSuchMethodException {
        MethodType erased = MethodType.fromMethodDescriptorString(lambda.getFunctionalInterfaceMethodSignature(),
                functionalInterface.getClassLoader());
        for (Method method : functionalInterface.getMethods()) {
            if (method.getName().equals(lambda.getFunctionalInterfaceMethodName())
                    && Arrays.equals(method.getParameterTypes(), erased.parameterArray())
                    && Modifier.isAbstract(method.getModifiers())) {
                return method;
            }
        }
        throw new NoSuchMethodException(lambda.getFunctionalInterfaceMethodName());
    }

    private static Executable implementation(Class<?> implClass, String name, MethodType type, int kind)
            throws NoSuchMethodException {
        if (kind == MethodHandleInfo.REF_newInvokeSpecial) {
            return implClass.getDeclaredConstructor(type.parameterArray());
        }
        for (Class<?> c = implClass; c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getReturnType() == type.returnType()
                        && Arrays.equals(method.getParameterTypes(), type.parameterArray()) && !method.isBridge()) {
                    return method;
                }
            }
        }
        for (Method method : implClass.getMethods()) { // interface methods (default or abstract)
            if (method.getName().equals(name) && Arrays.equals(method.getParameterTypes(), type.parameterArray())) {
                return method;
            }
        }
        throw new NoSuchMethodException(implClass.getName() + "." + name + type);
    }

    /** A generic class as parameterized by its own type variables (so an input type can bind them). */
    private static Type selfType(Class<?> clazz) {
        return clazz.getTypeParameters().length == 0 ? clazz
                : new GenericTypes.ParameterizedTypeImpl(clazz, clazz.getTypeParameters(), clazz.getDeclaringClass());
    }

    private static String describe(SerializedLambda lambda, Class<?> implClass) {
        String name = lambda.getImplMethodName();
        if (name.startsWith("lambda$")) {
            String[] parts = name.split("\\$");
            String enclosing = parts.length > 1 ? parts[1] : "?";
            return "lambda in " + implClass.getName() + "." + enclosing;
        }
        if (lambda.getImplMethodKind() == MethodHandleInfo.REF_newInvokeSpecial) {
            return "constructor reference " + implClass.getSimpleName() + "::new";
        }
        return "method reference " + implClass.getSimpleName() + "::" + name;
    }
}
