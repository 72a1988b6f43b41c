package io.fetchbox.fetch;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fresh message digests by algorithm name, cloned from one looked-up prototype each: every download
 * needs one or two, and a provider look-up per digest costs more than the digest of a small body.
 */
final class Digests {
    private static final Map<String, MessageDigest> PROTOTYPES = new ConcurrentHashMap<>();

    private Digests() {}

    /** A new digest, in its initial state; IllegalArgumentException for an unknown algorithm. */
    static MessageDigest of(String algorithm) {
        MessageDigest prototype = PROTOTYPES.computeIfAbsent(algorithm, Digests::lookUp);
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return lookUp(algorithm);
        }
    }

    private static MessageDigest lookUp(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("no digest " + algorithm, e);
        }
    }
}
