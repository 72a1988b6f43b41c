package io.fetchbox.batch;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The batches running now, by name: kept by the {@link BatchRegistry}, read by whoever shows them
 * (metrics, the stall watch, the API). Made first, so that those observers exist before the registry
 * that tells them of every run.
 */
public final class RunningBatches {
    private final Map<String, BatchRun> runs = new ConcurrentHashMap<>();

    /** How many batches run (their lines not all reported yet). */
    public int count() {
        return runs.size();
    }

    public List<BatchStatus> statuses() {
        return runs.values().stream().map(BatchRun::status).toList();
    }

    /** A running batch's status, or empty when no batch of that name runs. */
    public Optional<BatchStatus> status(String batch) {
        BatchRun run = batch == null ? null : runs.get(batch);
        return run == null ? Optional.empty() : Optional.of(run.status());
    }

    boolean contains(String batch) {
        return runs.containsKey(batch);
    }

    /** Adds the run unless one of its name runs already; returns that one, or null. */
    BatchRun addIfAbsent(BatchRun run) {
        return runs.putIfAbsent(run.name(), run);
    }

    BatchRun get(String batch) {
        return runs.get(batch);
    }

    void remove(String batch) {
        runs.remove(batch);
    }

    Collection<BatchRun> all() {
        return runs.values();
    }
}
