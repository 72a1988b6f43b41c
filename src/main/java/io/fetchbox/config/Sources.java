package io.fetchbox.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The raw inputs of {@link Settings#load}, one per configuration source of the README's "Configuration", so that
 * tests can hand in any combination without touching the real process.
 *
 * @param arguments command-line arguments as given to {@code main}
 * @param systemProperties Java system properties
 * @param environment environment variables
 * @param workingDirectoryProperties {@code ./application.properties}, empty when there is none
 * @param packagedDefaults {@code application.properties} from the classpath (the jar)
 * @param workingDirectory the folder relative paths are resolved against
 */
public record Sources(
        List<String> arguments,
        Map<String, String> systemProperties,
        Map<String, String> environment,
        Map<String, String> workingDirectoryProperties,
        Map<String, String> packagedDefaults,
        Path workingDirectory) {

    static final String FILE_NAME = "application.properties";

    public Sources {
        arguments = List.copyOf(arguments);
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
        workingDirectoryProperties = Map.copyOf(workingDirectoryProperties);
        packagedDefaults = Map.copyOf(packagedDefaults);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** Sources relative to the process's current directory. */
    public Sources(
            List<String> arguments,
            Map<String, String> systemProperties,
            Map<String, String> environment,
            Map<String, String> workingDirectoryProperties,
            Map<String, String> packagedDefaults) {
        this(
                arguments,
                systemProperties,
                environment,
                workingDirectoryProperties,
                packagedDefaults,
                Path.of("").toAbsolutePath());
    }

    /**
     * The real sources of this process: {@code args}, {@link System#getProperties()},
     * {@link System#getenv()}, {@code ./application.properties} if present, and
     * {@code classpath:application.properties}.
     *
     * @throws ConfigException when {@code ./application.properties} exists but cannot be read
     */
    public static Sources fromProcess(String[] args) throws ConfigException {
        Path workingDirectory = Path.of("").toAbsolutePath();
        return new Sources(
                List.of(args),
                systemPropertiesNow(),
                System.getenv(),
                readWorkingDirectoryFile(workingDirectory.resolve(FILE_NAME)),
                readPackagedDefaults(),
                workingDirectory);
    }

    private static Map<String, String> systemPropertiesNow() {
        Map<String, String> copy = new HashMap<>();
        Properties props = System.getProperties();
        for (String name : props.stringPropertyNames()) {
            copy.put(name, props.getProperty(name));
        }
        return copy;
    }

    static Map<String, String> readWorkingDirectoryFile(Path file) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return parseProperties(Files.readAllBytes(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(
                    "cannot read " + Origin.WORKING_DIRECTORY_FILE_NAME + " (" + file + "): " + e.getMessage());
        }
    }

    /** The defaults packaged in the jar; missing means a broken build, not a user mistake. */
    public static Map<String, String> readPackagedDefaults() {
        try (InputStream in = Sources.class.getClassLoader().getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new IllegalStateException("no " + FILE_NAME + " on the classpath: the jar is incomplete");
            }
            return parseProperties(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a properties file as UTF-8, falling back to ISO-8859-1 (what {@link Properties#load(InputStream)}
     * assumes) when it is not valid UTF-8, so a path with accents works whichever way it was saved.
     */
    static Map<String, String> parseProperties(byte[] bytes) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        Properties props = new Properties();
        props.load(new StringReader(text));
        Map<String, String> map = new HashMap<>();
        for (String name : props.stringPropertyNames()) {
            map.put(name, props.getProperty(name));
        }
        return map;
    }
}
