package io.fetchbox.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Facts about this process that fill the empty defaults of user-agent and node-id. */
final class LocalIdentity {

    static final String DEV_VERSION = "dev";
    static final String FALLBACK_NODE = "node";

    private LocalIdentity() {}

    /** The jar's Implementation-Version, or {@code dev} when running from classes (tests, IDE). */
    static String version() {
        String version = Settings.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? DEV_VERSION : version;
    }

    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? FALLBACK_NODE : name;
        } catch (UnknownHostException | SecurityException e) {
            return FALLBACK_NODE;
        }
    }
}
