package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PackagedRoutesTest {
    @Test
    void everyRouteFileOfTheRoutesFolderIsPackagedByName() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            assertThat(files.map(p -> p.getFileName().toString())
                            .filter(name -> name.endsWith(".camel.yaml"))
                            .map(name -> name.substring(0, name.length() - ".camel.yaml".length())))
                    .containsExactlyInAnyOrderElementsOf(Service.PACKAGED_ROUTES);
        }
        for (String name : Service.PACKAGED_ROUTES) {
            assertThat(Service.class.getResource("/routes/" + name + ".camel.yaml"))
                    .as(name)
                    .isNotNull();
        }
    }
}
