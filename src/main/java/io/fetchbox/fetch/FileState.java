package io.fetchbox.fetch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.fetchbox.url.ParsedUrl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * What fetchbox knows about the files it wrote, under {@code reports/.state/}, never beside them.
 *
 * <p>File records go to one append-only log per output folder ({@code .state/files/<folder>/.files.jsonl},
 * a name no output folder can have, since safe names never start with a dot): writing one costs an
 * append to an open file, not a file of its own, which matters at thousands of files a second. A
 * folder's log is read only when a target there already exists (a re-run), the last line for a name
 * winning; a line torn by a crash is skipped, which makes that file look like someone else's — the
 * safe side. Records of partial bodies, needed only to resume large ones, are small files of their
 * own under {@code .state/partial/}.
 */
public final class FileState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter LINE_WRITER = JSON.writerFor(Line.class);
    private static final Pattern CREDENTIALS = Pattern.compile("^([a-z][a-z0-9+.-]*://)[^@/?#]*@");
    private static final String LOG = ".files.jsonl";
    private static final int OPEN_LOGS = 64;
    private final Path root;
    private final Path partials;
    private static final int LOADED_FOLDERS = 16;
    private final LinkedHashMap<String, Map<String, FileRecord>> loaded = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, FileRecord>> eldest) {
            return size() > LOADED_FOLDERS;
        }
    };
    private final LinkedHashMap<String, Writer> writers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Writer> eldest) {
            if (size() <= OPEN_LOGS) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    public FileState(Path reportsFolder) {
        this.root = reportsFolder.resolve(".state").resolve("files");
        this.partials = reportsFolder.resolve(".state").resolve("partial");
    }

    /** One line of a folder's log. */
    private record Line(String name, @JsonProperty("record") FileRecord record) {}

    public synchronized Optional<FileRecord> read(String relativeFile) {
        String folder = folderOf(relativeFile);
        Map<String, FileRecord> records = loaded.get(folder);
        if (records == null) {
            records = load(folder);
            loaded.put(folder, records);
        }
        return Optional.ofNullable(records.get(nameOf(relativeFile)));
    }

    public void write(String relativeFile, FileRecord record) {
        writeLine(relativeFile, record);
    }

    /**
     * Takes back a record written for a file that then could not be put in place (a person's file
     * took the name first): the file there is not fetchbox's.
     */
    public void disown(String relativeFile) {
        writeLine(relativeFile, null);
    }

    private void writeLine(String relativeFile, FileRecord record) {
        String line;
        try {
            line = LINE_WRITER.writeValueAsString(new Line(nameOf(relativeFile), record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record state of " + relativeFile, e);
        }
        append(relativeFile, line, record);
    }

    /** Whole lines, one at a time: downloads finishing together never interleave within a line. */
    private synchronized void append(String relativeFile, String line, FileRecord record) {
        String folder = folderOf(relativeFile);
        try {
            Writer writer = writers.get(folder);
            if (writer == null) {
                Path log = logOf(folder);
                Files.createDirectories(log.getParent());
                writer = Files.newBufferedWriter(
                        log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                writers.put(folder, writer);
            }
            writer.write(line);
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record state of " + relativeFile, e);
        }
        Map<String, FileRecord> records = loaded.get(folder);
        if (records != null) {
            remember(records, nameOf(relativeFile), record);
        }
    }

    /** Records held in memory, of every folder whose log was read: for tests. */
    synchronized int recordsInMemory() {
        return loaded.values().stream().mapToInt(Map::size).sum();
    }

    /** Closes the open logs (they are opened again when needed). */
    public synchronized void flush() {
        writers.values().forEach(FileState::closeQuietly);
        writers.clear();
    }

    /** What a partial body in a temporary file was: kept while it is written, so that it can be resumed. */
    public Optional<PartialRecord> readPartial(String relativeFile) {
        Path file = partials.resolve(relativeFile + ".json");
        // asked before every download: most have no record, and a missing file must not cost an
        // exception with a deep stack each time
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), PartialRecord.class));
        } catch (IOException e) {
            // missing or unreadable: nothing to resume from
            return Optional.empty();
        }
    }

    public void writePartial(String relativeFile, PartialRecord record) {
        Path target = partials.resolve(relativeFile + ".json");
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(record));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the partial body of " + relativeFile, e);
        }
    }

    public void forgetPartial(String relativeFile) {
        try {
            Files.deleteIfExists(partials.resolve(relativeFile + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the partial record of " + relativeFile, e);
        }
    }

    /**
     * The key a file's origin is compared by: a hash of the normalised URL without its credentials,
     * so that neither the record nor the hash gives a password away.
     */
    /** The key of the task's listed URL: as requests.prepare made it, or made now (a step run on its own). */
    static String urlKey(Exchange exchange, FetchTask task) {
        String made = exchange.getProperty(FetchProps.URL_KEY, String.class);
        return made != null ? made : urlKey(ParsedUrl.parse(task.entry().url()).normalized());
    }

    public static String urlKey(String normalizedUrl) {
        String withoutCredentials = normalizedUrl.indexOf('@') < 0
                ? normalizedUrl
                : CREDENTIALS.matcher(normalizedUrl).replaceFirst("$1");
        byte[] hash = Digests.of("SHA-256").digest(withoutCredentials.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash);
    }

    private Map<String, FileRecord> load(String folder) {
        Map<String, FileRecord> records = new HashMap<>();
        Path log = logOf(folder);
        if (!Files.exists(log)) {
            return records;
        }
        // every line was flushed when written, so the file on disk is complete
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String text; (text = reader.readLine()) != null; ) {
                try {
                    Line line = JSON.readValue(text, Line.class);
                    remember(records, line.name(), line.record());
                } catch (IOException torn) {
                    // a line cut by a crash proves nothing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
        return records;
    }

    /** The last line for a name wins; a line without a record takes the name's record back. */
    private static void remember(Map<String, FileRecord> records, String name, FileRecord record) {
        if (record == null) {
            records.remove(name);
        } else {
            records.put(name, record);
        }
    }

    private Path logOf(String folder) {
        return (folder.isEmpty() ? root : root.resolve(folder)).resolve(LOG);
    }

    private static String folderOf(String relativeFile) {
        int slash = relativeFile.lastIndexOf('/');
        return slash < 0 ? "" : relativeFile.substring(0, slash);
    }

    private static String nameOf(String relativeFile) {
        return relativeFile.substring(relativeFile.lastIndexOf('/') + 1);
    }

    private static void closeQuietly(Writer writer) {
        try {
            writer.close();
        } catch (IOException e) {
            // the lines were flushed when written
        }
    }
}
