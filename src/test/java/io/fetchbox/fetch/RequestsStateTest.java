package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.list.UrlEntry;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestsStateTest {
    private static final String URL = "http://127.0.0.1:9/a.bin";

    @Test
    void aBatchWithoutEarlierFilesKeepsNoFileRecordsInMemory(@TempDir Path dir) throws Exception {
        FileState state = new FileState(dir.resolve("reports"));
        Requests requests = new Requests(
                "fetchbox/test",
                new HostPolicy(List.of(), List.of(), false),
                state,
                new OutputFolder(dir.resolve("output")),
                true);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            for (int i = 0; i < 3; i++) {
                String file = "b/a" + i + ".bin";
                Exchange exchange = new DefaultExchange(context);
                UrlEntry entry = new UrlEntry(i + 1, URL + "?" + i, null, null, null, null, null, null);
                exchange.setProperty(FetchProps.TASK, new FetchTask("b", entry, file, "http://127.0.0.1:9"));
                requests.prepare(exchange);
                assertThat(exchange.getMessage().getHeader("If-None-Match")).isNull();
                // what the publisher records once the body is in place
                state.write(file, new FileRecord(FileState.urlKey(URL + "?" + i), URL, "\"e\"", null, 1, "00", 0L));
            }
        }
        // a revalidation asked about a file that is not there must not load the folder's records:
        // every record written afterwards would then stay in memory for the rest of the batch
        assertThat(state.recordsInMemory()).isZero();
    }
}
