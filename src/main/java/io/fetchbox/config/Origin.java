package io.fetchbox.config;

/** Where a configuration value came from, named the way the user gave it. */
record Origin(Kind kind, String description) {

    /** Sources, highest precedence first (README, "Configuration"). */
    enum Kind {
        ARGUMENT,
        SYSTEM_PROPERTY,
        ENVIRONMENT,
        WORKING_DIRECTORY_FILE,
        PACKAGED_DEFAULTS
    }

    static final String WORKING_DIRECTORY_FILE_NAME = "./application.properties";

    static Origin argument(String argument) {
        return new Origin(Kind.ARGUMENT, "argument " + argument);
    }

    static Origin systemProperty(String key) {
        return new Origin(Kind.SYSTEM_PROPERTY, "system property -D" + key);
    }

    static Origin environment(String variable) {
        return new Origin(Kind.ENVIRONMENT, "environment variable " + variable);
    }

    static Origin workingDirectoryFile() {
        return new Origin(Kind.WORKING_DIRECTORY_FILE, WORKING_DIRECTORY_FILE_NAME);
    }

    static Origin packagedDefaults() {
        return new Origin(Kind.PACKAGED_DEFAULTS, "packaged defaults (application.properties in the jar)");
    }

    boolean isDefault() {
        return kind == Kind.PACKAGED_DEFAULTS;
    }

    @Override
    public String toString() {
        return description;
    }
}
