package io.fetchbox;

import io.fetchbox.config.ConfigException;
import io.fetchbox.config.Settings;
import io.fetchbox.config.Sources;

/**
 * {@code java -jar fetchbox.jar [--once] [--fetchbox.key=value ...]}: configuration is read and
 * checked whole before anything starts or is created; a bad key or value exits 2 with a message
 * naming it.
 */
public final class Fetchbox {
    private Fetchbox() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Settings settings;
        try {
            settings = Settings.load(Sources.fromProcess(args));
        } catch (ConfigException e) {
            System.err.println("fetchbox: " + e.getMessage());
            return 2;
        }
        return new Service(settings).run();
    }
}
