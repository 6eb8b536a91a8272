package org.attendanceoutreach.read;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The index of student ids says of every id exactly what a map from id to its first line says:
 * new (-1), or the line it was first seen on; whatever the order the ids come in (in id order, in
 * id order with some out of it, shuffled, in reverse), with ids that share prefixes of every length,
 * ids that are prefixes of others, characters beyond one byte, and repeats. Counted: ids kept in
 * order and ids kept hashed, repeats found among each, blocks of the front coding crossed. (Broken
 * on purpose once, a block's first id front-coded like the others, so the search read it without
 * the characters it shares with the id before it: a repeat beyond the first block was taken for new.)
 */
class IdSetTest {
    private int inOrder;
    private int hashed;
    private int repeatsInOrder;
    private int repeatsHashed;

    @Test
    void saysOfEveryIdWhatAMapOfFirstLinesSays() {
        qt().withExamples(300).withShrinkCycles(50)
                .forAll(integers().between(0, 4), integers().between(1, 3_000), longs().all())
                .checkAssert(this::check);
        assertTrue(inOrder > 10_000, "ids kept in order: " + inOrder);
        assertTrue(hashed > 10_000, "ids kept hashed: " + hashed);
        assertTrue(repeatsInOrder > 100, "repeats of ids kept in order: " + repeatsInOrder);
        assertTrue(repeatsHashed > 100, "repeats of ids kept hashed: " + repeatsHashed);
    }

    private void check(int order, int n, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(id(random, i));
        }
        Collections.sort(ids);
        switch (order) {
            case 0 -> { } // in id order
            case 1 -> { // mostly in order, a few moved
                for (int k = 0; k < n / 20 + 1; k++) {
                    Collections.swap(ids, random.nextInt(n), random.nextInt(n));
                }
            }
            case 2 -> Collections.shuffle(ids, random);
            case 3 -> Collections.reverse(ids);
            default -> { // in order, then the same again shuffled
                List<String> again = new ArrayList<>(ids);
                Collections.shuffle(again, random);
                ids.addAll(again.subList(0, again.size() / 2));
            }
        }
        for (int k = 0; k < n / 10; k++) { // repeats, anywhere after the id's first line
            int of = random.nextInt(ids.size());
            ids.add(of + 1 + random.nextInt(ids.size() - of), ids.get(of));
        }
        IdSet set = new IdSet();
        Map<String, Long> first = new HashMap<>();
        Map<String, Boolean> firstInOrder = new HashMap<>();
        long line = 2;
        for (String id : ids) {
            line += 1 + (random.nextInt(8) == 0 ? random.nextInt(1_000) : 0); // blank lines, errors between
            Long expected = first.putIfAbsent(id, line);
            int before = set.increasingCount();
            long got = set.putIfAbsent(id, line);
            assertEquals(expected == null ? -1 : expected, got, "id " + id + " on line " + line);
            boolean keptInOrder = set.increasingCount() > before;
            if (expected == null) {
                firstInOrder.put(id, keptInOrder);
                if (keptInOrder) {
                    inOrder++;
                } else {
                    hashed++;
                }
            } else if (firstInOrder.get(id)) {
                repeatsInOrder++;
            } else {
                repeatsHashed++;
            }
        }
    }

    /** Ids as schools write them, and some that are not: numbered, prefixes of each other, wide characters. */
    private static String id(Random random, int i) {
        return switch (random.nextInt(6)) {
            case 0 -> String.format("S-%07d", i);
            case 1 -> "S-" + i; // S-1 is a prefix of S-10
            case 2 -> "" + random.nextInt(100_000);
            case 3 -> "Ü" + (char) ('a' + random.nextInt(26)) + "\u4e2d" + i;
            case 4 -> "S-" + "0".repeat(random.nextInt(30)) + random.nextInt(50);
            default -> "student " + (char) (0x80 + random.nextInt(0xFF00)) + i;
        };
    }
}
