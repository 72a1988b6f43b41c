package io.fetchbox.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Sources} for a test; the packaged defaults are the project's real top-level file. */
final class TestSources {

    static final Path PROJECT_ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    static final Path WORKING_DIRECTORY = Path.of("/srv/fetchbox-test");

    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> systemProperties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> workingDirectoryFile = new HashMap<>();
    private final Map<String, String> packagedDefaults = new HashMap<>(projectDefaults());

    static TestSources sources() {
        return new TestSources();
    }

    /** The top-level application.properties, which Maven packages as the jar's defaults. */
    static Map<String, String> projectDefaults() {
        try {
            return Sources.parseProperties(Files.readAllBytes(PROJECT_ROOT.resolve("application.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestSources argument(String... args) {
        arguments.addAll(List.of(args));
        return this;
    }

    TestSources systemProperty(String key, String value) {
        systemProperties.put(key, value);
        return this;
    }

    TestSources environment(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    TestSources workingDirectoryFile(String key, String value) {
        workingDirectoryFile.put(key, value);
        return this;
    }

    TestSources packagedDefault(String key, String value) {
        packagedDefaults.put(key, value);
        return this;
    }

    TestSources withoutPackagedDefault(String key) {
        packagedDefaults.remove(key);
        return this;
    }

    Sources build() {
        return new Sources(
                arguments, systemProperties, environment, workingDirectoryFile, packagedDefaults, WORKING_DIRECTORY);
    }

    Settings load() throws ConfigException {
        return Settings.load(build());
    }

    /** The message start-up would print; fails the test when loading succeeds. */
    String error() {
        ConfigException e = catchThrowableOfType(ConfigException.class, this::load);
        if (e == null) {
            throw new AssertionError("expected a ConfigException, but the configuration loaded");
        }
        return e.getMessage();
    }
}
