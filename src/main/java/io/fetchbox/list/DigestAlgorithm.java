package io.fetchbox.list;

import java.util.Locale;

/** The checksum algorithms a list may ask for, by their list name and by the JDK's name. */
enum DigestAlgorithm {
    SHA_256("sha-256", "SHA-256", 64),
    SHA_1("sha-1", "SHA-1", 40),
    MD5("md5", "MD5", 32);

    private final String listName;
    private final String jdkName;
    private final int hexDigits;

    DigestAlgorithm(String listName, String jdkName, int hexDigits) {
        this.listName = listName;
        this.jdkName = jdkName;
        this.hexDigits = hexDigits;
    }

    String listName() {
        return listName;
    }

    String jdkName() {
        return jdkName;
    }

    /** By the name a list uses ({@code sha-256}, also written {@code sha256}), any case; or null. */
    static DigestAlgorithm byListName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.listName.equals(wanted)
                    || algorithm.listName.replace("-", "").equals(wanted)) {
                return algorithm;
            }
        }
        return null;
    }

    /** By the JDK name kept in {@link UrlEntry.Checksum}; or null. */
    static DigestAlgorithm byJdkName(String name) {
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.jdkName.equalsIgnoreCase(name)) {
                return algorithm;
            }
        }
        return null;
    }

    /** Null when {@code hex} is a digest of this algorithm, else what is wrong with it. */
    String problemWith(String hex) {
        if (!hex.matches("[0-9a-fA-F]*")) {
            return "'" + hex + "' is not hexadecimal";
        }
        if (hex.length() != hexDigits) {
            return listName + " needs " + hexDigits + " hex digits, got " + hex.length();
        }
        return null;
    }
}
