package io.fetchbox.report;

/**
 * What the outcome queue (outcomes:report) carries to the report route: a line's {@link Outcome}, a
 * {@link PendingDuplicate} still waiting for its name, or {@link BatchFed}, the count of lines to wait for.
 *
 * <p>It lives here, beside {@code Outcome}, rather than in {@code batch}: {@code Outcome} must implement
 * it, {@code batch} uses {@code report} and never the other way round, and a sealed type's permitted
 * records must share its package (no module-info), so the two batch messages moved here too.
 */
public sealed interface OutcomeItem permits Outcome, PendingDuplicate, BatchFed {
    /** The batch whose report it goes to. */
    String batch();
}
