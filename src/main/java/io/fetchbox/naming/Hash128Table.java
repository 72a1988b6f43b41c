package io.fetchbox.naming;

/**
 * An int value per 128-bit key, in two flat arrays (open addressing, linear probing), so a batch
 * with 100,000 distinct URLs costs about 20 bytes per slot instead of a HashMap's objects. Keys
 * come from SHA-256, so their low bits are already well mixed. The all-zero key marks an empty
 * slot; {@link TargetHasher} never produces it.
 */
final class Hash128Table {

    private static final int INITIAL_SLOTS = 1024;
    private static final double MAX_LOAD = 0.75;

    private long[] keys = new long[2 * INITIAL_SLOTS];
    private int[] values = new int[INITIAL_SLOTS];
    private int size;

    int get(long high, long low, int absent) {
        int slot = find(keys, high, low);
        return isEmpty(keys, slot) ? absent : values[slot];
    }

    void put(long high, long low, int value) {
        int slot = find(keys, high, low);
        if (isEmpty(keys, slot)) {
            keys[2 * slot] = high;
            keys[2 * slot + 1] = low;
            size++;
        }
        values[slot] = value;
        if (size > MAX_LOAD * values.length) {
            grow();
        }
    }

    int size() {
        return size;
    }

    /** Bytes held by the arrays. */
    long bytes() {
        return 8L * keys.length + 4L * values.length;
    }

    /** The slot holding the key, or the empty slot where it would go. */
    private static int find(long[] keys, long high, long low) {
        int mask = keys.length / 2 - 1;
        int slot = (int) low & mask;
        while (!isEmpty(keys, slot) && (keys[2 * slot] != high || keys[2 * slot + 1] != low)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static boolean isEmpty(long[] keys, int slot) {
        return keys[2 * slot] == 0 && keys[2 * slot + 1] == 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[2 * oldKeys.length];
        values = new int[2 * oldValues.length];
        for (int slot = 0; slot < oldValues.length; slot++) {
            if (!isEmpty(oldKeys, slot)) {
                int target = find(keys, oldKeys[2 * slot], oldKeys[2 * slot + 1]);
                keys[2 * target] = oldKeys[2 * slot];
                keys[2 * target + 1] = oldKeys[2 * slot + 1];
                values[target] = oldValues[slot];
            }
        }
    }
}
