package io.fetchbox.config;

/** One key's effective text before it is typed, and the source that won. */
record RawValue(Key key, String text, Origin origin) {

    /** The value as a user reads it in a message: {@code fetchbox.layout=weird (system property -Dfetchbox.layout)}. */
    String describe() {
        return key.name + "=" + text + " (" + origin + ")";
    }
}
