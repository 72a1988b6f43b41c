package io.fetchbox.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The right of this process to work on a folder set (README, "One fetchbox per folder set"): an
 * exclusive OS lock ({@link FileChannel#tryLock}) on {@code reports/.state/fetchbox.lock} (the
 * journals and state) and on {@code inbox/.fetchbox.lock} (the lists, {@code .inprogress/} that a
 * start resumes), each file holding the holder's pid and host name for the message a second instance
 * prints. It is taken before anything is read, and held until the process ends; the kernel releases
 * it when the process dies, however it dies, so there is never a stale lock to clean up (the pid in
 * the file is information only).
 *
 * <p>Cluster mode: this is where leadership plugs in. A node that {@link #acquire}s may run what this
 * lock guards (recovery of {@code .inprogress/}, the inbox, the report writer); camel-master's
 * {@code FileLockClusterService} would take the place of this class, with a node waiting to become
 * leader instead of exiting.
 */
public final class InstanceLock implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The lock files this JVM holds. A second lock on one file from the same JVM is refused by Java
     * rather than by the OS, and closing any channel on a locked file releases the process's POSIX lock
     * on it: so this JVM never opens a file it already holds.
     */
    private static final Map<Path, Holder> HELD_HERE = new ConcurrentHashMap<>();

    private final List<Held> held;

    private InstanceLock(List<Held> held) {
        this.held = held;
    }

    /** Who holds a lock: this process's pid and host name. */
    public record Holder(long pid, String host) {
        static Holder thisProcess() {
            return new Holder(ProcessHandle.current().pid(), hostName());
        }
    }

    /**
     * Locks every folder of the set, in order, or none: the first one held elsewhere stops it with
     * {@link HeldElsewhereException} naming its holder.
     *
     * @param folders each folder to lock, with the lock file that stands for it
     */
    public static InstanceLock acquire(Map<Path, Path> folders) throws IOException {
        Holder self = Holder.thisProcess();
        List<Held> taken = new ArrayList<>();
        try {
            for (Map.Entry<Path, Path> folder : folders.entrySet()) {
                taken.add(lock(folder.getKey(), folder.getValue(), self));
            }
            return new InstanceLock(taken);
        } catch (IOException | RuntimeException e) {
            taken.forEach(Held::release);
            throw e;
        }
    }

    /** fetchbox's folder set: the reports folder, then the inbox. */
    public static InstanceLock acquire(Path reports, Path inbox) throws IOException {
        Map<Path, Path> folders = new LinkedHashMap<>();
        folders.put(reports, reports.resolve(".state").resolve("fetchbox.lock"));
        folders.put(inbox, inbox.resolve(".fetchbox.lock"));
        return acquire(folders);
    }

    private static Held lock(Path folder, Path lockFile, Holder self) throws IOException {
        Files.createDirectories(lockFile.getParent());
        Path absoluteFolder = folder.toRealPath();
        Path key = lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        Holder here = HELD_HERE.putIfAbsent(key, self);
        if (here != null) {
            throw new HeldElsewhereException(absoluteFolder, here);
        }
        FileChannel channel = null;
        try {
            // never truncated on open: the holder's pid and host stay readable; never through a link
            channel = FileChannel.open(
                    lockFile,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new HeldElsewhereException(absoluteFolder, holderIn(channel));
            }
            writeHolder(channel, self);
            return new Held(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(key);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // held by this JVM under another path to the same file
            return null;
        }
    }

    private static void writeHolder(FileChannel channel, Holder self) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("pid", self.pid());
        fields.put("host", self.host());
        fields.put("since", Instant.now().toString());
        byte[] bytes = JSON.writeValueAsBytes(fields);
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
        channel.force(false);
    }

    /** The holder named in a lock file; unknown parts when it has not written them yet. */
    private static Holder holderIn(FileChannel channel) {
        try {
            long size = Math.min(channel.size(), 4096);
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
                // reads until full or at the end
            }
            JsonNode json = JSON.readTree(buffer.array());
            return new Holder(json.path("pid").asLong(-1), json.path("host").asText("unknown"));
        } catch (IOException | RuntimeException e) {
            // the holder has locked it but not yet written it: a window of microseconds
            return new Holder(-1, "unknown");
        }
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "unknown" : name;
        } catch (IOException | SecurityException e) {
            return "unknown";
        }
    }

    /** Releases every lock (the process's end does the same). */
    @Override
    public void close() {
        held.forEach(Held::release);
    }

    private record Held(Path key, FileChannel channel, FileLock lock) {
        void release() {
            try {
                // closing the channel releases its lock
                channel.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            } finally {
                HELD_HERE.remove(key);
            }
        }
    }
}
