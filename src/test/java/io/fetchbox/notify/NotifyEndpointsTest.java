package io.fetchbox.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Which Camel endpoint each configured URI becomes, and how it is named in the log. */
class NotifyEndpointsTest {

    @Test
    void httpHttpsAndFileGoToTheNotifyComponentsOtherSchemesAsGiven() {
        assertThat(NotifyEndpoints.camelUri("http://127.0.0.1:9000/hook"))
                .isEqualTo("notify-http:http://127.0.0.1:9000/hook");
        assertThat(NotifyEndpoints.camelUri("HTTPS://example.com/hook"))
                .isEqualTo("notify-https:HTTPS://example.com/hook");
        assertThat(NotifyEndpoints.camelUri("file:notices")).isEqualTo("notify-file:notices");
        assertThat(NotifyEndpoints.camelUri("seda:mine")).isEqualTo("seda:mine");
    }

    @Test
    void eachUriBecomesItsEndpointAndIsShownAsConfiguredWithoutCredentials() throws Exception {
        NotifyEndpoints endpoints = new NotifyEndpoints(List.of(
                "http://example.com/hook",
                "https://example.com/hook?authMethod=Basic&authUsername=u&authPassword=secret",
                "file:/var/spool/fetchbox?fileName=${header.fetchboxBatch}.json"));
        try (CamelContext context = context()) {
            assertThat(endpoints.resolve(context)).isEmpty();
            List<Endpoint> all = endpoints.all(context);

            assertThat(all).hasSize(3);
            assertThat(((HttpEndpoint) all.get(0)).getHttpUri().getScheme()).isEqualTo("http");
            assertThat(((HttpEndpoint) all.get(1)).getHttpUri().getScheme()).isEqualTo("https");
            assertThat(all.get(2)).isInstanceOf(FileEndpoint.class);
            assertThat(endpoints.shown(all.get(0).getEndpointUri())).isEqualTo("http://example.com/hook");
            assertThat(endpoints.shown(all.get(1).getEndpointUri()))
                    .isEqualTo("https://example.com/hook?authMethod=Basic&authUsername=***&authPassword=***");
            assertThat(endpoints.shown(all.get(2).getEndpointUri()))
                    .isEqualTo("file:/var/spool/fetchbox?fileName=${header.fetchboxBatch}.json");
        }
    }

    @Test
    void anUnknownSchemeOrOptionIsOneLineNamingTheEndpoint() throws Exception {
        try (CamelContext context = context()) {
            assertThat(new NotifyEndpoints(List.of("nosuch:thing?password=secret")).resolve(context))
                    .hasValueSatisfying(problem -> assertThat(problem)
                            .startsWith("fetchbox.notify: cannot send to nosuch:thing?password=***: ")
                            .doesNotContain("secret"));
            assertThat(new NotifyEndpoints(List.of("file:notices?noSuchOption=1")).resolve(context))
                    .hasValueSatisfying(problem -> assertThat(problem)
                            .startsWith("fetchbox.notify: cannot send to file:notices?noSuchOption=1: ")
                            .contains("noSuchOption"));
        }
    }

    private static CamelContext context() {
        DefaultCamelContext context = new DefaultCamelContext();
        NotifyEndpoints.components(Duration.ofSeconds(1), Duration.ofSeconds(1), "fetchbox/test")
                .forEach(context::addComponent);
        context.start();
        return context;
    }
}
