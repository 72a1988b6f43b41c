package io.fetchbox.list;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/** The look-ahead plumbing of the readers: each one only says how to compute its next entry. */
abstract class AbstractEntryIterator implements EntryIterator {

    private UrlEntry next;
    private boolean finished;
    private boolean checkUrls = true;

    /** Entries are only counted: their URLs are not checked (the costliest part of reading a line). */
    final void countOnly() {
        checkUrls = false;
    }

    protected final UrlEntry built(EntryDraft entry) {
        return entry.build(checkUrls);
    }

    /** The next entry, or null when the list is over. */
    protected abstract UrlEntry computeNext() throws IOException;

    @Override
    public final boolean hasNext() {
        if (next == null && !finished) {
            try {
                next = computeNext();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public final UrlEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        UrlEntry entry = next;
        next = null;
        return entry;
    }
}
