package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

    @TempDir
    Path dir;

    @Test
    void noWorkingDirectoryFileIsNoProperties() throws ConfigException {
        assertThat(Sources.readWorkingDirectoryFile(dir.resolve("application.properties")))
                .isEmpty();
    }

    @Test
    void aWorkingDirectoryFileIsReadAsUtf8() throws IOException, ConfigException {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, "# comment\nfetchbox.output=/data/café  \ncamel.main.name=x\n", StandardCharsets.UTF_8);

        assertThat(Sources.readWorkingDirectoryFile(file))
                .containsEntry("fetchbox.output", "/data/café  ")
                .containsEntry("camel.main.name", "x");
    }

    @Test
    void aLatin1FileStillReads() throws IOException, ConfigException {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, "fetchbox.output=/data/café\n", StandardCharsets.ISO_8859_1);

        assertThat(Sources.readWorkingDirectoryFile(file)).containsEntry("fetchbox.output", "/data/café");
    }

    @Test
    void aBrokenFileIsAConfigurationError() throws IOException {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, "fetchbox.output=\\uZZZZ\n");

        assertThatThrownBy(() -> Sources.readWorkingDirectoryFile(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot read ./application.properties");
    }

    @Test
    void fromProcessReadsArgumentsAndThePackagedDefaults() throws ConfigException {
        Sources sources = Sources.fromProcess(new String[] {"--once"});

        assertThat(sources.arguments()).containsExactly("--once");
        assertThat(sources.packagedDefaults()).containsEntry("fetchbox.layout", "batch");
        assertThat(sources.workingDirectory()).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(Settings.load(sources).once()).isTrue();
    }
}
