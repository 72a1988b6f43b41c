package io.fetchbox.fetch;

import org.apache.camel.component.http.HttpComponent;
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
 * with one change: the connection pool resolves names through {@link GuardedDnsResolver}, so the
 * host policy is checked on the addresses actually connected to.
 */
public final class FetchboxHttpComponent extends HttpComponent {
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
        return manager;
    }
}
