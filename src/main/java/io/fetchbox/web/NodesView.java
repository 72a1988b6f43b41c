package io.fetchbox.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /api/nodes} (README, "Running a cluster"): every node with its id, role ({@code leader},
 * {@code follower}, or {@code single} on one node), when it was last heard of, its downloads in flight
 * and done; and which node leads.
 */
public final class NodesView {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<List<?>> nodes;
    private final Supplier<Optional<String>> leader;
    private final Clock clock;

    public NodesView(Supplier<List<?>> nodes, Supplier<Optional<String>> leader, Clock clock) {
        this.nodes = nodes;
        this.leader = leader;
        this.clock = clock;
    }

    public String list() throws JsonProcessingException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("time", clock.instant().toString());
        answer.put("leader", leader.get().orElse(null));
        answer.put("nodes", nodes.get());
        return JSON.writeValueAsString(answer);
    }
}
