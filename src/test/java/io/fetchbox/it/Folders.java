package io.fetchbox.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.RunFolders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fetchbox working directory as the process sees it with the default configuration: {@code inbox/},
 * {@code output/} and {@code reports/} relative to it, and readers for what fetchbox writes there.
 */
final class Folders extends RunFolders {
    Folders(Path root) {
        super(root);
    }

    /** The report lines by their {@code line} number; fails on a number reported twice. */
    Map<Integer, JsonNode> reportByLine(String batch) {
        return report(batch).stream()
                .collect(Collectors.toMap(r -> r.get("line").asInt(), Function.identity()));
    }

    /** Every path under {@code dir} (files and folders), relative to it, sorted. */
    static List<String> tree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> !p.equals(dir))
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lower-case hex SHA-256 of a file, read as a stream. */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
