package io.fetchbox.report;

/**
 * Sent on the outcome queue when the feed route is done with a list: from then on the batch knows
 * how many outcomes it waits for. {@code wholeList} is false when shutdown cut the feed short: the
 * batch then stays open for the next start.
 */
public record BatchFed(String batch, long lines, boolean wholeList) implements OutcomeItem {}
