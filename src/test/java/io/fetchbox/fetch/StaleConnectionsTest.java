package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fetchbox.testing.KeepAliveServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StaleConnections} in a plain HttpClient whose pool never checks idle connections, so that
 * every request the server drops on a reused connection reaches the retry strategy: exactly one
 * resend, on a fresh connection, and only when no byte of answer came.
 */
class StaleConnectionsTest {
    private final PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                    .setValidateAfterInactivity(TimeValue.ofHours(1))
                    .build())
            .setMaxConnPerRoute(8)
            .build();
    private final CloseableHttpClient client = HttpClients.custom()
            .setConnectionManager(pool)
            .disableRedirectHandling()
            .setRequestExecutor(new StaleConnections.Executor())
            .setRetryStrategy(new StaleConnections.Retry())
            .build();

    @AfterEach
    void close() throws IOException {
        client.close();
    }

    @Test
    void aGetLostOnAReusedConnectionIsSentOnceMoreOnAFreshOne() throws IOException {
        try (KeepAliveServer server =
                KeepAliveServer.start(Duration.ofSeconds(10)).dropRequestsOnReusedConnections()) {
            assertThat(get(server.url("/a?size=5"))).isEqualTo(200);
            assertThat(get(server.url("/b?size=5"))).isEqualTo(200);

            assertThat(server.answered()).isEqualTo(2);
            assertThat(server.dropped()).isEqualTo(1);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void theResendPassesOverEveryOtherPooledConnection() throws Exception {
        try (KeepAliveServer server =
                KeepAliveServer.start(Duration.ofSeconds(10)).dropRequestsOnReusedConnections()) {
            // three connections at once, then all three idle in the pool
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                List<Future<Integer>> gets = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String url = server.url("/slow/" + i + "?delay=300");
                    gets.add(threads.submit(() -> get(url)));
                }
                for (Future<Integer> status : gets) {
                    assertThat(status.get()).isEqualTo(200);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(server.connections()).isEqualTo(3);

            assertThat(get(server.url("/after"))).isEqualTo(200);

            // sent on one pooled connection (dropped), then on a new one: the other two never carried it
            assertThat(server.requests("/after")).isEqualTo(2);
            assertThat(server.dropped()).isEqualTo(1);
            assertThat(server.connections()).isEqualTo(4);
        }
    }

    @Test
    void aResendThatFailsTooIsNotSentAgain() throws IOException {
        try (KeepAliveServer server = KeepAliveServer.start(Duration.ofSeconds(10))) {
            assertThat(get(server.url("/warm"))).isEqualTo(200);

            assertThatThrownBy(() -> get(server.url("/fail/twice/2"))).isInstanceOf(NoHttpResponseException.class);

            assertThat(server.requests("/fail/twice/")).isEqualTo(2);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void aFailureOnAFreshConnectionIsNotSentAgain() {
        try (KeepAliveServer server = KeepAliveServer.start(Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> get(server.url("/fail/fresh/1"))).isInstanceOf(NoHttpResponseException.class);

            assertThat(server.requests("/fail/fresh/")).isEqualTo(1);
        }
    }

    @Test
    void aConnectionLostAfterTheFirstByteOfAnswerIsNotSentAgain() throws IOException {
        try (KeepAliveServer server = KeepAliveServer.start(Duration.ofSeconds(10))) {
            assertThat(get(server.url("/warm"))).isEqualTo(200);

            assertThatThrownBy(() -> get(server.url("/partial/p/1"))).isInstanceOf(IOException.class);

            assertThat(server.requests("/partial/p/")).isEqualTo(1);
        }
    }

    @Test
    void onlyAGetOrHeadIsSentAgain() throws IOException {
        try (KeepAliveServer server =
                KeepAliveServer.start(Duration.ofSeconds(10)).dropRequestsOnReusedConnections()) {
            assertThat(get(server.url("/warm"))).isEqualTo(200);

            assertThatThrownBy(() -> execute(new HttpPost(server.url("/post"))))
                    .isInstanceOf(NoHttpResponseException.class);

            assertThat(server.requests("/post")).isEqualTo(1);
        }
    }

    private int get(String url) throws IOException {
        return execute(new HttpGet(url));
    }

    private int execute(ClassicHttpRequest request) throws IOException {
        return client.execute(request, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }
}
