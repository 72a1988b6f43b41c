package io.fetchbox.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fetchbox.fetch.HostScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * {@code GET /api/hosts}: what each host is doing, busiest first (README, "Operating fetchbox"):
 * requests in flight, URLs waiting, and a pause a server asked for (Retry-After) with when it ends.
 * Hosts are {@code scheme://host:port}, never with a path or credentials.
 */
public final class HostsView {
    /** Hosts listed at most; a crawl over a million hosts is not a page. */
    static final int MAX_HOSTS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final IntFunction<List<HostScheduler.HostState>> hosts;
    private final Clock clock;

    public HostsView(IntFunction<List<HostScheduler.HostState>> hosts, Clock clock) {
        this.hosts = hosts;
        this.clock = clock;
    }

    public String list() throws JsonProcessingException {
        Instant now = clock.instant();
        List<Map<String, Object>> rows =
                hosts.apply(MAX_HOSTS).stream().map(host -> row(host, now)).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("time", now.toString());
        answer.put("hosts", rows);
        return JSON.writeValueAsString(answer);
    }

    private static Map<String, Object> row(HostScheduler.HostState host, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("host", host.host());
        row.put("in_flight", host.inFlight());
        row.put("waiting", host.waiting());
        boolean paused = host.pausedForMillis() > 0;
        row.put("paused_until", paused ? now.plusMillis(host.pausedForMillis()).toString() : null);
        row.put("paused_reason", paused ? "the server asked to wait (429 or 503 with Retry-After)" : null);
        return row;
    }
}
