package io.fetchbox.list;

import java.io.Closeable;
import java.util.Iterator;

/**
 * The entries of one list, read lazily: only the entry being built is in memory. A read error
 * part-way surfaces as {@link java.io.UncheckedIOException}. Close it to release the file.
 */
public interface EntryIterator extends Iterator<UrlEntry>, Closeable {}
