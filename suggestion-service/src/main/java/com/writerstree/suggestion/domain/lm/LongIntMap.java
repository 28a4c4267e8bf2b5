package com.writerstree.suggestion.domain.lm;

import java.util.Arrays;

/**
 * An open-addressing map from packed n-gram keys to counts. Counting a novel's 4-grams with boxed
 * {@code HashMap<Long, Integer>} entries costs about ten times the memory; this keeps training and a writer's
 * model rebuild inside a small heap. The key {@code 0} is reserved (no packed n-gram is all-zero: id 0 is never
 * counted).
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    void add(long key, int delta) {
        int i = slot(key);
        while (keys[i] != 0) {
            if (keys[i] == key) {
                values[i] += delta;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = delta;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    int get(long key) {
        int i = slot(key);
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return 0;
    }

    /** The keys in unsigned ascending order (n-gram order: first word, then second, ...). */
    long[] sortedKeys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != 0) {
                out[n++] = k ^ Long.MIN_VALUE; // signed sort of flipped keys = unsigned order
            }
        }
        Arrays.sort(out);
        for (int i = 0; i < n; i++) {
            out[i] ^= Long.MIN_VALUE;
        }
        return out;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }
}
