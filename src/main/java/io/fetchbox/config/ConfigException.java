package io.fetchbox.config;

import java.util.List;

/**
 * Bad configuration: start-up must stop before anything is created. The message is written for
 * the user (it names the key, where it came from, the bad value and what is accepted); the main
 * class prints it on stderr and exits with code 2.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** All problems found in one pass, so a user can fix them together; one per line. */
    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
