package io.fetchbox.batch;

/**
 * Sent on the outcome queue after the last line of a list was fed: from then on the batch knows
 * how many outcomes it waits for.
 */
public record BatchFed(String batch, long lines) {}
