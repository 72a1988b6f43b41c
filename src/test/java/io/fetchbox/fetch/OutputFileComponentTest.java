package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetch route's file producer, through Camel: it writes into fetchbox's temporary file and nowhere else. */
class OutputFileComponentTest {
    @TempDir
    Path dir;

    @Test
    void writesTheBodyIntoTheTemporaryFileAndAppendsWhenAsked() throws Exception {
        OutputFolder output = new OutputFolder(dir.resolve("output"));
        String temp = output.createTemporary("b/x1");
        try (DefaultCamelContext context = contextWith(output)) {
            ProducerTemplate producer = context.createProducerTemplate();

            producer.sendBodyAndHeaders("file:" + output.root() + "?fileExist=Override", body("first"), name(temp));
            producer.sendBodyAndHeaders("file:" + output.root() + "?fileExist=Append", body(" second"), name(temp));
        }
        assertThat(output.resolve(temp)).hasContent("first second");
    }

    @Test
    void neitherCreatesAFileNorWritesThroughALink() throws Exception {
        OutputFolder output = new OutputFolder(dir.resolve("output"));
        Path victim = Files.writeString(dir.resolve("victim"), "victim");
        Files.createDirectories(output.resolve("b"));
        Files.createSymbolicLink(output.resolve("b/.x1.0123456789abcdef.fetchbox-part"), victim);
        try (DefaultCamelContext context = contextWith(output)) {
            ProducerTemplate producer = context.createProducerTemplate();
            String uri = "file:" + output.root() + "?fileExist=Override";

            assertThatThrownBy(() -> producer.sendBodyAndHeaders(
                            uri, body("body"), name("b/.x1.0123456789abcdef.fetchbox-part")))
                    .isInstanceOf(CamelExecutionException.class)
                    .hasRootCauseInstanceOf(FetchFailure.class);
            assertThatThrownBy(() -> producer.sendBodyAndHeaders(uri, body("body"), name("b/new")))
                    .isInstanceOf(CamelExecutionException.class);
        }
        assertThat(victim).hasContent("victim");
        assertThat(output.resolve("b/new")).doesNotExist();
    }

    private static DefaultCamelContext contextWith(OutputFolder output) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("file", new OutputFileComponent(output));
        context.start();
        return context;
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> name(String relative) {
        return Map.of(Exchange.FILE_NAME, relative);
    }
}
