package io.fetchbox.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Keys this version accepts and validates but does not act on yet. Each one a user sets is named in
 * a warning at start-up, so that nothing is ignored silently.
 */
public final class NotYetActive {
    private static final List<String> KEYS = List.of("fetchbox.broker-url", "fetchbox.node-id");

    private NotYetActive() {}

    public static List<String> warnings(Settings settings) {
        List<String> warnings = new ArrayList<>();
        for (String key : KEYS) {
            if (settings.explicitlySet(key)) {
                warnings.add(key + " is accepted but not active in this version; it has no effect yet");
            }
        }
        return warnings;
    }
}
