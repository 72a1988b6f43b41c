package io.fetchbox.config;

import java.util.Optional;

/**
 * The known key an unknown one most likely meant (README, "Configuration"): the one fewest single-character
 * edits away (Levenshtein distance), when that is at most a third of its length, so a typo gets a hint and
 * a different word does not.
 */
final class NearestKey {

    private NearestKey() {}

    static Optional<String> to(String unknown) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Key key : Key.values()) {
            int distance = distance(unknown, key.name);
            if (distance < bestDistance) {
                best = key.name;
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(2, best == null ? 0 : best.length() / 3);
        return bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    /** {@code "; did you mean fetchbox.x?"}, or nothing when no key is near. */
    static String hint(String unknown) {
        return to(unknown).map(name -> "; did you mean " + name + "?").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
