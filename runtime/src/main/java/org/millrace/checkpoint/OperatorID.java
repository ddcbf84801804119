package org.millrace.checkpoint;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of an operator's state across runs of a job: 32 hex digits derived from the
 * operator's {@code uid} when it has one (so state survives changes to the job's shape), otherwise
 * from its position in the stream graph (stable for the same program). Immutable.
 */
public record OperatorID(String hex) implements Serializable {

    public OperatorID {
        if (hex == null || hex.length() != 32) {
            throw new IllegalArgumentException("an operator id has 32 hex digits: " + hex);
        }
    }

    /** The id of an operator with user-given uid {@code uid}. */
    public static OperatorID fromUid(String uid) {
        return new OperatorID(md5("uid:" + uid));
    }

    /** The id of an operator without uid: node {@code nodeId} of the stream graph. */
    public static OperatorID fromStreamNode(int nodeId) {
        return new OperatorID(md5("node:" + nodeId));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
