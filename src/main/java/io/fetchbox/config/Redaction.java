package io.fetchbox.config;

import java.util.regex.Pattern;

/** Hides credentials in URLs written to logs (SPEC 5: credentials are written {@code ***}). */
final class Redaction {

    // user:pass@ after a scheme, e.g. tcp://admin:secret@broker:61616
    private static final Pattern USER_INFO = Pattern.compile("(://)[^/@?#\\s]+@");
    // Artemis takes credentials as URL parameters too: ?user=admin&password=secret
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;](?:user|username|password|passwd|pass|trustStorePassword|keyStorePassword)=)[^&;)]*");

    private Redaction() {}

    static String redact(String url) {
        String out = USER_INFO.matcher(url).replaceAll("$1***@");
        return SECRET_PARAMETER.matcher(out).replaceAll("$1***");
    }
}
