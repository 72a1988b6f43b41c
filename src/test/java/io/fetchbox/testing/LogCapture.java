package io.fetchbox.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * fetchbox's log lines while it runs in this JVM: Logback's console appender writes to whatever System.out is at
 * the time, so a copy of System.out is kept, and it still goes to the original too.
 */
public final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    public LogCapture() {
        System.setOut(new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8));
    }

    public List<String> lines() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    public List<String> linesContaining(String text) {
        return lines().stream().filter(line -> line.contains(text)).toList();
    }

    @Override
    public void close() {
        System.setOut(original);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            synchronized (second) {
                second.write(b);
            }
            try {
                first.write(b);
            } catch (java.io.IOException e) {
                // the original stream's trouble is not the test's
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (second) {
                second.write(b, off, len);
            }
            try {
                first.write(b, off, len);
            } catch (java.io.IOException e) {
                // the original stream's trouble is not the test's
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
        }
    }
}
