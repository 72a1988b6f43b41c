package io.fetchbox;

import io.fetchbox.config.ConfigException;
import io.fetchbox.config.Settings;
import io.fetchbox.config.Sources;
import io.fetchbox.config.Usage;
import io.fetchbox.config.Versions;
import io.fetchbox.logging.LogFormat;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar fetchbox.jar [--once] [--fetchbox.key=value ...]}: configuration is read and
 * checked whole before anything starts or is created; a bad key or value exits 2 with a message
 * naming it. {@code --help} / {@code -h} and {@code --version} print and exit 0, whatever else is given.
 */
public final class Fetchbox {
    private static final List<String> HELP = List.of("--help", "-h");
    private static final String VERSION = "--version";

    private Fetchbox() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.stream().anyMatch(HELP::contains)) {
            System.out.print(Usage.text());
            return 0;
        }
        if (arguments.contains(VERSION)) {
            System.out.print(Versions.text());
            return 0;
        }
        Settings settings;
        try {
            settings = Settings.load(Sources.fromProcess(args));
        } catch (ConfigException e) {
            System.err.println("fetchbox: " + e.getMessage());
            return 2;
        }
        LogFormat.use(settings.logFormat());
        return new Service(settings).run();
    }
}
