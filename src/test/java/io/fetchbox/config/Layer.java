package io.fetchbox.config;

/** A configuration source of the README's "Configuration", able to put one key into a {@link TestSources}. */
enum Layer {
    ARGUMENT {
        @Override
        TestSources set(TestSources sources, String key, String value) {
            return sources.argument("--" + key + "=" + value);
        }
    },
    SYSTEM_PROPERTY {
        @Override
        TestSources set(TestSources sources, String key, String value) {
            return sources.systemProperty(key, value);
        }
    },
    ENVIRONMENT {
        @Override
        TestSources set(TestSources sources, String key, String value) {
            return sources.environment(Key.toEnvName(key), value);
        }
    },
    WORKING_DIRECTORY_FILE {
        @Override
        TestSources set(TestSources sources, String key, String value) {
            return sources.workingDirectoryFile(key, value);
        }
    },
    PACKAGED_DEFAULTS {
        @Override
        TestSources set(TestSources sources, String key, String value) {
            return sources.packagedDefault(key, value);
        }
    };

    abstract TestSources set(TestSources sources, String key, String value);
}
