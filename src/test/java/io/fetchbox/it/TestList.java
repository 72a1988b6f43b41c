package io.fetchbox.it;

import io.fetchbox.testing.Bodies;
import io.fetchbox.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A text list for the process tests, one URL a line (line {@code n} is item {@code n}), each URL a body of
 * the test server whose name, size and seed are known, so its file can be checked byte for byte.
 */
final class TestList {

    /** One URL line: the list line it is on, the file name it gets, its body and its path on the server. */
    record Item(int line, String name, long size, long seed, String path, boolean slow) {
        String sha256() {
            return Bodies.sha256(name, seed, size);
        }

        /** The path relative to {@code output/} in the default {@code batch} layout. */
        String file(String batch) {
            return batch + "/" + name;
        }
    }

    private final TestServer server;
    private final List<Item> items = new ArrayList<>();

    TestList(TestServer server) {
        this.server = server;
    }

    /** {@code /f/<name>?size=&seed=}: the whole body at once. */
    TestList fast(String name, long size, long seed) {
        items.add(
                new Item(items.size() + 1, name, size, seed, "/f/" + name + "?size=" + size + "&seed=" + seed, false));
        return this;
    }

    /** {@code /slow/<name>?size=&seed=&bps=}: the body trickled at {@code bps} bytes a second. */
    TestList slow(String name, long size, long seed, long bps) {
        items.add(new Item(
                items.size() + 1,
                name,
                size,
                seed,
                "/slow/" + name + "?size=" + size + "&seed=" + seed + "&bps=" + bps,
                true));
        return this;
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    List<Item> slowItems() {
        return items.stream().filter(Item::slow).toList();
    }

    int size() {
        return items.size();
    }

    Item line(int line) {
        return items.get(line - 1);
    }

    /** The item requested with this exact path (with query), if any. */
    Optional<Item> byPath(String path) {
        return items.stream().filter(i -> i.path().equals(path)).findFirst();
    }

    /** The list's text: one absolute URL a line, LF, a final newline. */
    String text() {
        StringBuilder out = new StringBuilder();
        for (Item i : items) {
            out.append(server.url(i.path())).append('\n');
        }
        return out.toString();
    }
}
