package io.fetchbox.list;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text format: a URL per line, and the indented {@code key=value} lines below it as its
 * options. An entry is complete only when the next URL line (or the end) is seen, so this reads
 * one line ahead; nothing more is held.
 */
final class TextListIterator extends AbstractEntryIterator {

    private static final Pattern OPTION = Pattern.compile("([A-Za-z0-9-]+)=(.*)", Pattern.DOTALL);

    private final PhysicalLines lines;
    private EntryDraft pending;

    TextListIterator(PhysicalLines lines) {
        this.lines = lines;
    }

    @Override
    protected UrlEntry computeNext() throws IOException {
        String raw;
        while ((raw = lines.next()) != null) {
            String text = raw.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Matcher option = OPTION.matcher(text);
            if (isIndented(raw) && option.matches()) {
                if (pending != null) { // an option before any URL belongs to nothing
                    TextOptions.apply(pending, option.group(1), option.group(2));
                }
                continue;
            }
            EntryDraft complete = pending;
            pending = new EntryDraft(lines.number(), text);
            if (complete != null) {
                return built(complete);
            }
        }
        EntryDraft last = pending;
        pending = null;
        return last == null ? null : built(last);
    }

    private static boolean isIndented(String raw) {
        return !raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t');
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
