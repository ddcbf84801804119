package org.millrace.types;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian primitive access to byte arrays through var handles (intrinsified by the JIT). */
public final class ByteArrays {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private ByteArrays() {}

    public static void putShort(byte[] b, int pos, short v) {
        SHORT.set(b, pos, v);
    }

    public static short getShort(byte[] b, int pos) {
        return (short) SHORT.get(b, pos);
    }

    public static void putInt(byte[] b, int pos, int v) {
        INT.set(b, pos, v);
    }

    public static int getInt(byte[] b, int pos) {
        return (int) INT.get(b, pos);
    }

    public static void putLong(byte[] b, int pos, long v) {
        LONG.set(b, pos, v);
    }

    public static long getLong(byte[] b, int pos) {
        return (long) LONG.get(b, pos);
    }
}
