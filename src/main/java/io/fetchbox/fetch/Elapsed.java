package io.fetchbox.fetch;

final class Elapsed {
    private Elapsed() {}

    static long millisSince(Long startNanos) {
        return startNanos == null ? 0 : (System.nanoTime() - startNanos) / 1_000_000;
    }
}
