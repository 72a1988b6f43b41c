package io.fetchbox.config;

import io.fetchbox.url.Credentials;
import java.util.regex.Pattern;

/** Hides credentials in URLs written to logs (README, "Credentials": written {@code ***}). */
public final class Redaction {

    /** What a hidden secret is written as. */
    public static final String HIDDEN = "***";

    // Artemis takes credentials as URL parameters too: ?user=admin&password=secret; Camel endpoints as options
    // named like authUsername, authPassword, authBearerToken, oauth2ClientSecret or accessToken
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;](?:user|username|pass|[a-z0-9_.-]*(?:username|password|passwd|secret|token))=)[^&;)]*");

    private Redaction() {}

    public static String redact(String url) {
        // user:pass@ after a scheme, e.g. tcp://admin:secret@broker:61616, read as list URLs are
        String out = Credentials.redact(url);
        return SECRET_PARAMETER.matcher(out).replaceAll("$1***");
    }
}
