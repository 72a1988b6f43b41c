package io.fetchbox.naming;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * 128 bits of SHA-256 over a list of strings, each length-prefixed so no two lists encode alike.
 * A cryptographic hash, because a list author must not be able to make two different URLs look
 * like duplicates. Not thread-safe: the planner calls it under its lock.
 */
final class TargetHasher {

    private final MessageDigest sha256;

    TargetHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The key of these parts, in order; a null part differs from "". */
    Key hash(String... parts) {
        for (String part : parts) {
            if (part == null) {
                sha256.update((byte) 0);
            } else {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha256.update((byte) 1);
                sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha256.update(bytes);
            }
        }
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
        long high = digest.getLong();
        long low = digest.getLong();
        return high == 0 && low == 0 ? new Key(0, 1) : new Key(high, low);
    }

    /** A 128-bit key; never all zero (that marks an empty slot in {@link Hash128Table}). */
    record Key(long high, long low) {

        int get(Hash128Table table, int absent) {
            return table.get(high, low, absent);
        }

        void put(Hash128Table table, int value) {
            table.put(high, low, value);
        }
    }
}
