package org.millrace.api;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/** Identifies a job: 16 random bytes, shown as 32 lower-case hex digits (Flink's REST form). */
public final class JobID implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private JobID(byte[] bytes) {
        this.bytes = bytes;
    }

    public static JobID generate() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return new JobID(b);
    }

    /** Parses 32 hex digits; throws {@link IllegalArgumentException} naming the bad input. */
    public static JobID fromHexString(String hex) {
        if (hex == null || hex.length() != 32) {
            throw new IllegalArgumentException("A job id has 32 hex digits, got '" + hex + "'");
        }
        try {
            return new JobID(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A job id has 32 hex digits, got '" + hex + "'", e);
        }
    }

    public byte[] getBytes() {
        return bytes.clone();
    }

    public String toHexString() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobID && Arrays.equals(bytes, ((JobID) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHexString();
    }
}
