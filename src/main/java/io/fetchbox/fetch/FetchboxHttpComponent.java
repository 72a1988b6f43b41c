package io.fetchbox.fetch;

import java.util.Map;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;

/**
 * camel-http as Camel configures it (pool sizes and timeouts from {@code camel.component.http.*}),
 * with these changes: the connection pool resolves names through {@link GuardedDnsResolver}, so the
 * host policy is checked on the addresses actually connected to; a pooled connection idle for more
 * than {@link #VALIDATE_AFTER_IDLE} is checked before reuse (one the server closed meanwhile is
 * dropped); and HttpClient's only automatic retry is {@link StaleConnections}: a GET lost on a reused
 * connection before any byte of answer is sent once more on a fresh connection, uncounted (README,
 * "Reliability": idle connections never cost an attempt). Every other failure reaches fetchbox's own
 * retry policy, so the report's {@code attempts} is what the server saw.
 */
public final class FetchboxHttpComponent extends HttpComponent {
    /**
     * Idle time after which a pooled connection is checked before reuse (a read of at most 1 ms);
     * HttpClient's default is 2 s, and servers close idle connections sooner.
     */
    static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofMilliseconds(100);

    private final HostPolicy policy;

    public FetchboxHttpComponent(HostPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected HttpClientConnectionManager createConnectionManager(
            Registry<ConnectionSocketFactory> registry,
            int maxTotalConnections,
            int connectionsPerRoute,
            SocketConfig defaultSocketConfig) {
        PoolingHttpClientConnectionManager manager = new PoolingHttpClientConnectionManager(
                registry,
                PoolConcurrencyPolicy.STRICT,
                PoolReusePolicy.LIFO,
                TimeValue.ofMilliseconds(getConnectionTimeToLive()),
                null,
                new GuardedDnsResolver(policy),
                null);
        manager.setMaxTotal(maxTotalConnections > 0 ? maxTotalConnections : getMaxTotalConnections());
        manager.setDefaultMaxPerRoute(connectionsPerRoute > 0 ? connectionsPerRoute : getConnectionsPerRoute());
        manager.setDefaultSocketConfig(defaultSocketConfig);
        manager.setDefaultConnectionConfig(ConnectionConfig.custom()
                .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                .build());
        return manager;
    }

    /**
     * The builder as Camel makes it, with {@link StaleConnections}' executor and retry strategy. The
     * strategy is used only while {@code camel.component.http.automatic-retries-disabled} is false
     * (application.properties), since disabling automatic retries removes HttpClient's retry step.
     */
    @Override
    protected HttpClientBuilder createHttpClientBuilder(
            String uri, Map<String, Object> parameters, Map<String, Object> httpClientOptions) {
        return super.createHttpClientBuilder(uri, parameters, httpClientOptions)
                .setRequestExecutor(new StaleConnections.Executor())
                .setRetryStrategy(new StaleConnections.Retry());
    }
}
