package io.fetchbox.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** One key's effective text before it is typed, and the source that won. */
record RawValue(Key key, String text, Origin origin) {

    /** The value as a user reads it in a message: {@code fetchbox.layout=weird (system property -Dfetchbox.layout)}. */
    String describe() {
        return key.name + "=" + shown() + " (" + origin + ")";
    }

    /** Keys holding URLs may hold credentials and a password is one: those are never echoed (README, "Credentials"). */
    private String shown() {
        return switch (key) {
            case BROKER_URL -> Redaction.redact(text);
            case BROKER_PASSWORD -> text.isEmpty() ? "" : Redaction.HIDDEN;
            // entry by entry, so that a secret option of one entry does not hide the next
            case NOTIFY ->
                Arrays.stream(text.split(",", -1)).map(Redaction::redact).collect(Collectors.joining(","));
            default -> text;
        };
    }
}
