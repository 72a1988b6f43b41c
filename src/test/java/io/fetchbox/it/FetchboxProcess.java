package io.fetchbox.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The built {@code fetchbox.jar} running as a separate JVM, for process-level tests (exit codes, crashes,
 * SIGTERM, memory).
 *
 * <pre>{@code
 * try (FetchboxProcess fetchbox = FetchboxProcess.in(dir).heap("64m").start("--once")) {
 *     assertThat(fetchbox.waitFor(Duration.ofSeconds(30))).isEqualTo(0);
 *     System.out.println(fetchbox.peakRssKb());
 * }
 * }</pre>
 *
 * <p>The process runs {@code java -Xmx<heap> -Dsun.net.httpserver.nodelay=true -jar <jar> [args]} in the
 * given working directory, with every {@code FETCHBOX_*} variable removed from its environment (add some back
 * with {@link Builder#env}). Its stdout and stderr go to {@code fetchbox-<n>.stdout.log} and
 * {@code fetchbox-<n>.stderr.log} in that directory, {@code n} counting the processes started there, so a
 * restart in the same folder keeps the earlier run's log.
 */
public final class FetchboxProcess implements AutoCloseable {

    /** Where Failsafe puts the jar path. */
    public static final String JAR_PROPERTY = "it.fetchbox.jar";

    private static final long RSS_POLL_MS = 50;
    private static final int TAIL_LINES = 80;
    private static final Duration KILL_WAIT = Duration.ofSeconds(15);

    private final Process process;
    private final Path workDir;
    private final Path stdout;
    private final Path stderr;
    private final List<String> command;
    private final AtomicLong peakRssKb = new AtomicLong();
    private final ScheduledExecutorService rssPoller;

    private FetchboxProcess(Process process, Path workDir, Path stdout, Path stderr, List<String> command) {
        this.process = process;
        this.workDir = workDir;
        this.stdout = stdout;
        this.stderr = stderr;
        this.command = List.copyOf(command);
        this.rssPoller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fetchbox-rss-" + process.pid());
            t.setDaemon(true);
            return t;
        });
        rssPoller.scheduleAtFixedRate(this::pollRss, 0, RSS_POLL_MS, TimeUnit.MILLISECONDS);
        process.onExit().thenRun(rssPoller::shutdown);
    }

    /** A launcher that runs fetchbox in {@code workDir} (usually a {@code @TempDir}). */
    public static Builder in(Path workDir) {
        return new Builder(workDir);
    }

    /** The built jar: the {@value #JAR_PROPERTY} system property, else {@code target/fetchbox.jar}. */
    public static Path jar() {
        String property = System.getProperty(JAR_PROPERTY);
        Path jar = (property == null || property.isBlank() ? Path.of("target", "fetchbox.jar") : Path.of(property))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            fail("no fetchbox jar at " + jar + ": run through Maven Failsafe (mvn verify), which builds it and sets -D"
                    + JAR_PROPERTY);
        }
        return jar;
    }

    /** The {@code java} launcher of this JVM. */
    static String java() {
        return ProcessHandle.current()
                .info()
                .command()
                .filter(c -> Files.isExecutable(Path.of(c)))
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Waits for the process to exit and returns its exit code. If it has not exited within {@code timeout}, it
     * is killed and the test fails with the tail of its log.
     */
    public int waitFor(Duration timeout) {
        boolean exited;
        try {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new AssertionError("interrupted while waiting for fetchbox (pid " + pid() + ")", e);
        }
        if (!exited) {
            kill();
            fail("fetchbox (pid " + pid() + ") did not exit within " + timeout + " and was killed\n" + describe());
        }
        pollRss(); // nothing more to read once it is gone; harmless if so
        return process.exitValue();
    }

    /** The JVM's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Peak resident set size in KiB: the highest {@code VmHWM} of {@code /proc/<pid>/status} seen, read every
     * 50 ms while the process runs (0 where {@code /proc} cannot be read).
     */
    public long peakRssKb() {
        if (process.isAlive()) {
            pollRss();
        }
        return peakRssKb.get();
    }

    /** stdout then stderr, as written so far. */
    public String log() {
        return stdout() + stderr();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    public Path stdoutFile() {
        return stdout;
    }

    public Path stderrFile() {
        return stderr;
    }

    public Path workDir() {
        return workDir;
    }

    /** kill -9 (a crash); returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitGone();
    }

    /** SIGTERM (an orderly stop); does not wait: use {@link #waitFor} for the exit code. */
    public void terminate() {
        process.destroy();
    }

    /** Kills the process if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        rssPoller.shutdownNow();
    }

    /** The command line, the exit state and the last lines of both logs, for a failure message. */
    public String describe() {
        String state = process.isAlive() ? "running" : "exit code " + process.exitValue();
        return "command: " + String.join(" ", command) + "\nworking directory: " + workDir + "\nstate: " + state
                + "\n--- stdout (last " + TAIL_LINES + " lines) ---\n" + tail(stdout())
                + "--- stderr (last " + TAIL_LINES + " lines) ---\n" + tail(stderr());
    }

    @Override
    public String toString() {
        return "fetchbox pid " + pid() + " in " + workDir;
    }

    private void awaitGone() {
        try {
            if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("fetchbox (pid " + pid() + ") still running " + KILL_WAIT + " after kill");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pollRss() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmHWM:")) { // "VmHWM:	  123456 kB"
                    long kb = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                    peakRssKb.accumulateAndGet(kb, Math::max);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or no /proc here: keep what was seen
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** Options of one launch; {@link #start} runs it. */
    public static final class Builder {
        private final Path workDir;
        private String heap = "256m";
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();

        private Builder(Path workDir) {
            this.workDir = workDir.toAbsolutePath();
        }

        /** {@code -Xmx} value, e.g. {@code 64m}; default {@code 256m}. */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** Extra JVM options before {@code -jar}, e.g. {@code -Dfetchbox.layout=flat}. */
        public Builder jvmArg(String... args) {
            jvmArgs.addAll(List.of(args));
            return this;
        }

        /** An environment variable for the process (FETCHBOX_* ones included: only inherited ones are removed). */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Starts {@code java ... -jar fetchbox.jar args}. */
        public FetchboxProcess start(String... args) {
            return start(List.of(args));
        }

        public FetchboxProcess start(List<String> args) {
            List<String> command = new ArrayList<>();
            command.add(java());
            command.add("-Xmx" + heap);
            command.add("-Dsun.net.httpserver.nodelay=true");
            command.addAll(jvmArgs);
            command.add("-jar");
            command.add(jar().toString());
            command.addAll(args);
            try {
                Files.createDirectories(workDir);
                int n = 1;
                while (Files.exists(workDir.resolve("fetchbox-" + n + ".stdout.log"))) {
                    n++;
                }
                Path out = workDir.resolve("fetchbox-" + n + ".stdout.log");
                Path err = workDir.resolve("fetchbox-" + n + ".stderr.log");
                ProcessBuilder pb = new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                pb.environment().keySet().removeIf(k -> k.startsWith("FETCHBOX_"));
                pb.environment().putAll(env);
                Process process = pb.start();
                process.getOutputStream().close(); // stdin at end of file: nothing to read there
                return new FetchboxProcess(process, workDir, out, err, command);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + command, e);
            }
        }
    }
}
