package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PackagedRoutesTest {
    /** The routes of one node, and those cluster mode adds. */
    private static List<String> everyRouteFile() {
        List<String> all = new ArrayList<>(Service.PACKAGED_ROUTES);
        all.add(Service.CLUSTER_ROUTES);
        return all;
    }

    @Test
    void everyRouteFileOfTheRoutesFolderIsPackagedByName() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            assertThat(files.map(p -> p.getFileName().toString())
                            .filter(name -> name.endsWith(".camel.yaml"))
                            .map(name -> name.substring(0, name.length() - ".camel.yaml".length())))
                    .containsExactlyInAnyOrderElementsOf(everyRouteFile());
        }
        for (String name : everyRouteFile()) {
            assertThat(Service.class.getResource("/routes/" + name + ".camel.yaml"))
                    .as(name)
                    .isNotNull();
        }
    }
}
