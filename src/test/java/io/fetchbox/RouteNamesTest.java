package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.fetch.FetchProps;
import io.fetchbox.web.WebProps;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every fetchbox exchange property and header the routes name is a Java constant, so that a name
 * mistyped in a route (where Camel just reads null) fails here.
 */
class RouteNamesTest {
    private static final Pattern USE =
            Pattern.compile("(?:exchangeProperty\\.|header\\.|name:\\s*|excludePattern:\\s*)(fetchbox\\w*)");

    @Test
    void everyFetchboxNameInTheRoutesIsAConstant() throws IOException, IllegalAccessException {
        Set<String> constants = new HashSet<>();
        for (Class<?> names : new Class<?>[] {FetchProps.class, WebProps.class}) {
            for (Field field : names.getFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                    constants.add((String) field.get(null));
                }
            }
        }
        TreeMap<String, Set<String>> used = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                Matcher use = USE.matcher(Files.readString(file));
                while (use.find()) {
                    used.computeIfAbsent(use.group(1), n -> new TreeSet<>())
                            .add(file.getFileName().toString());
                }
            }
        }

        assertThat(used).as("the names found at all").containsKeys(FetchProps.BATCH, WebProps.FILE);
        used.keySet().removeAll(constants);
        assertThat(used)
                .as("names in routes/ that are no constant of FetchProps or WebProps")
                .isEmpty();
    }
}
