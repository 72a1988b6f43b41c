package io.fetchbox.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fetchbox.folders.InboxFolders;
import io.fetchbox.logging.BatchField;
import io.fetchbox.naming.SafeName;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/batches?name=<name>}: a list dropped into the inbox the way a careful producer
 * does it. The body streams through a fixed buffer into a hidden temporary file in the inbox
 * (ignored by the inbox route), and appears under its name only when it is whole. Nothing is
 * written for a refused request: 400 for a bad name, 409 when a list of that name waits in the
 * inbox or runs from {@code .inprogress/}, 413 when the body is over {@code fetchbox.max-list-bytes}
 * (as declared, or as counted while it arrives), 408 when it arrives slower than {@link
 * UploadLimits} allow; a refused or dropped upload's temporary file is removed at once.
 */
public final class ListUpload {
    /** README, "The API": the name is a file name; its extension chooses the list format. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static final Logger LOG = LoggerFactory.getLogger(ListUpload.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path inbox;
    private final long maxBytes;

    public ListUpload(Path inbox, long maxListBytes) {
        this.inbox = inbox;
        this.maxBytes = maxListBytes;
    }

    /**
     * Takes one list. Returns the JSON answer for a 202: the list's name, its batch, its size and
     * where its status will be.
     *
     * @param contentLength the declared length, null for a chunked body
     * @throws HttpError 400, 409 or 413, nothing written
     */
    public String accept(String name, String contentLength, InputStream body) throws IOException {
        checkName(name);
        checkNotWaiting(name);
        long declared = parseLength(contentLength);
        if (declared > maxBytes) {
            throw tooLarge();
        }
        Path temp = inbox.resolve("." + name + "." + UUID.randomUUID() + ".upload.tmp");
        long size;
        try {
            Files.createDirectories(inbox);
            size = copy(body, temp);
            checkNotWaiting(name);
            publish(temp, inbox.resolve(name));
        } finally {
            Files.deleteIfExists(temp);
        }
        String batch = SafeName.batchName(name);
        try (BatchField.Scope scope = BatchField.of(batch)) {
            LOG.info("{}: list {} received over HTTP, {} bytes", batch, name, size);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("name", name);
        answer.put("batch", batch);
        answer.put("bytes", size);
        answer.put("status", "/api/batches/" + batch);
        return JSON.writeValueAsString(answer);
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new HttpError(400, "name must match " + NAME.pattern() + ", for example pics.txt");
        }
        if (InboxFolders.isIgnored(name)) {
            throw new HttpError(400, "the inbox ignores names ending in .tmp, .part, .partial, .crdownload or ~");
        }
        if (!SafeName.of(name).equals(name)) {
            throw new HttpError(400, "name is not a safe file name: " + name);
        }
    }

    private void checkNotWaiting(String name) {
        if (Files.exists(inbox.resolve(name))
                || Files.exists(InboxFolders.inProgress(inbox).resolve(name))) {
            throw new HttpError(409, "a list named " + name + " is already waiting or running");
        }
    }

    private static long parseLength(String contentLength) {
        if (contentLength == null || contentLength.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            throw new HttpError(400, "bad Content-Length");
        }
    }

    private HttpError tooLarge() {
        return new HttpError(413, "the list is larger than fetchbox.max-list-bytes (" + maxBytes + " bytes)");
    }

    /** Streams the body into {@code temp} through a fixed buffer, counting; forced to disk. */
    private long copy(InputStream body, Path temp) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            for (int n; (n = readSome(body, buffer)) >= 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            out.flush();
            channel.force(true);
        }
        return size;
    }

    private static int readSome(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (UploadTooSlowException e) {
            throw new HttpError(408, "the list arrived too slowly: " + e.getMessage());
        } catch (IOException e) {
            throw new HttpError(400, "the list could not be read whole: " + e.getMessage());
        }
    }

    /**
     * The whole file appears under its name at once, and never replaces one that arrived meanwhile:
     * a hard link fails if the name exists; where links are not supported, an atomic rename.
     */
    private static void publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw new HttpError(409, "a list named " + target.getFileName() + " is already waiting or running");
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(target)) {
                throw new HttpError(409, "a list named " + target.getFileName() + " is already waiting or running");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
