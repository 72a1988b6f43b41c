package io.fetchbox.report;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.naming.NameRequest;

/**
 * A duplicate line whose first line's name comes from its response (content-disposition naming):
 * it is reported once that name is known, when the batch finishes.
 */
public record PendingDuplicate(String batch, UrlEntry entry, NameRequest request) implements OutcomeItem {}
