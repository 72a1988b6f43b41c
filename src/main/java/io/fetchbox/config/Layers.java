package io.fetchbox.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Merges the five sources into one raw value per key, lowest precedence first so that each higher
 * source overwrites what is below it. Unknown keys are collected here: an error everywhere except
 * the environment, where other tools may set FETCHBOX_ variables and a warning is enough (README, "Configuration").
 */
final class Layers {

    private static final String ONCE_ARGUMENT = "--once";

    final Map<Key, RawValue> values = new EnumMap<>(Key.class);
    final List<String> problems = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    private Layers() {}

    static Layers merge(Sources sources) {
        Layers layers = new Layers();
        layers.addPackagedDefaults(sources.packagedDefaults());
        layers.addPropertiesFile(sources.workingDirectoryProperties(), Origin.workingDirectoryFile());
        layers.addEnvironment(sources.environment());
        layers.addSystemProperties(sources.systemProperties());
        layers.addArguments(sources.arguments());
        return layers;
    }

    private void addPackagedDefaults(Map<String, String> defaults) {
        addPropertiesFile(defaults, Origin.packagedDefaults());
        for (Key key : Key.values()) {
            if (!values.containsKey(key)) {
                // The packaged file and Settings must list the same keys; a gap is a build defect.
                problems.add("the packaged defaults (application.properties in the jar) have no " + key.name
                        + ": the jar is out of date");
            }
        }
    }

    private void addPropertiesFile(Map<String, String> file, Origin origin) {
        // Sorted so that several problems are reported in a stable order.
        for (Map.Entry<String, String> e : new TreeMap<>(file).entrySet()) {
            if (e.getKey().startsWith(Key.PREFIX)) {
                put(e.getKey(), e.getValue(), origin, "in " + origin);
            }
        }
    }

    private void addEnvironment(Map<String, String> environment) {
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            String variable = e.getKey();
            if (!variable.startsWith(Key.ENV_PREFIX)) {
                continue;
            }
            Optional<Key> key = Key.byEnvName(variable);
            if (key.isPresent()) {
                values.put(key.get(), new RawValue(key.get(), e.getValue().trim(), Origin.environment(variable)));
            } else {
                String meant = Key.guessNameFromEnv(variable);
                warnings.add("ignoring environment variable " + variable + ": no key " + meant
                        + NearestKey.to(meant)
                                .map(name -> "; did you mean " + Key.toEnvName(name) + " (" + name + ")?")
                                .orElse(Key.SEE_HELP));
            }
        }
    }

    private void addSystemProperties(Map<String, String> properties) {
        for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
            if (e.getKey().startsWith(Key.PREFIX)) {
                put(
                        e.getKey(),
                        e.getValue(),
                        Origin.systemProperty(e.getKey()),
                        "from system property -D" + e.getKey());
            }
        }
    }

    /** In order, so that a later argument wins over an earlier one, as in most command lines. */
    private void addArguments(List<String> arguments) {
        for (String argument : arguments) {
            if (argument.equals(ONCE_ARGUMENT)) {
                values.put(Key.ONCE, new RawValue(Key.ONCE, "true", Origin.argument(ONCE_ARGUMENT)));
                continue;
            }
            String body = argument.startsWith("--") ? argument.substring(2) : "";
            int eq = body.indexOf('=');
            if (!body.startsWith(Key.PREFIX)) {
                problems.add("unknown argument " + withoutValue(argument) + "; use --once, --help, --version or --"
                        + Key.PREFIX + "<key>=<value>" + Key.SEE_HELP);
            } else if (eq < 0) {
                // Only the --key=value form: "--fetchbox.inbox lists" would be ambiguous with --once.
                problems.add("argument " + argument + " has no value; write it --" + body + "=<value>");
            } else {
                String name = body.substring(0, eq);
                put(
                        name,
                        body.substring(eq + 1),
                        Origin.argument("--" + name),
                        "from argument " + withoutValue(argument));
            }
        }
    }

    /**
     * An argument as it may be shown when its key is unknown: the value left out, since a mistyped key
     * may well be a password's (README, "Credentials").
     */
    static String withoutValue(String argument) {
        int eq = argument.indexOf('=');
        return eq < 0 ? argument : argument.substring(0, eq + 1) + "…";
    }

    private void put(String name, String text, Origin origin, String whereForUnknown) {
        Optional<Key> key = Key.byName(name.trim());
        if (key.isEmpty()) {
            String hint = NearestKey.hint(name.trim());
            problems.add("unknown configuration key " + name + " (" + whereForUnknown + ")"
                    + (hint.isEmpty() ? Key.SEE_HELP : hint));
            return;
        }
        // Properties files keep trailing blanks and shells keep quotes' spaces: a value is trimmed.
        values.put(key.get(), new RawValue(key.get(), text.trim(), origin));
    }
}
