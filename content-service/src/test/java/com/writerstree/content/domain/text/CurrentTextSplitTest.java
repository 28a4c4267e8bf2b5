package com.writerstree.content.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How {@link CurrentText} cuts a text into pieces: joined they are the text, sized within bounds, pairs whole. */
class CurrentTextSplitTest {

    @Test
    void piecesJoinToTheTextAndNeverCutASurrogatePair() {
        Random random = new Random(3);
        String[] alphabet = {"a", " ", "😀", "東", "\n", "é", "𝄞"};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(4) == 0 ? random.nextInt(CurrentText.MAX_UNITS + 2) : random.nextInt(60_000);
            while (text.length() < length) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String whole = text.toString();
            List<String> pieces = CurrentText.split(whole);
            assertEquals(whole, String.join("", pieces));
            if (whole.isEmpty()) {
                assertTrue(pieces.isEmpty());
            }
            for (String piece : pieces) {
                assertFalse(piece.isEmpty());
                assertTrue(piece.length() <= CurrentText.MAX_UNITS, piece.length() + " units");
                assertFalse(Character.isLowSurrogate(piece.charAt(0)), "a piece starts with half a pair");
                assertFalse(Character.isHighSurrogate(piece.charAt(piece.length() - 1)), "a piece ends in half a pair");
                if (pieces.size() > 1) {
                    assertTrue(piece.length() >= CurrentText.TARGET_UNITS / 2, piece.length() + " units");
                }
            }
        }
    }
}
