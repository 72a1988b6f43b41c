package io.fetchbox.fetch;

import io.fetchbox.list.UrlEntry;

/**
 * One URL to fetch, as it travels on the fetch queue: the list entry, the batch it belongs to and
 * the file it was given (relative to the output folder, '/'-separated, already made safe).
 */
public record FetchTask(String batch, UrlEntry entry, String file) {}
