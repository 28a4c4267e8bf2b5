package com.writerstree.content.domain.revision;

import com.writerstree.content.persistence.StoredRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds a version's text from its chain: a keyframe, then the deltas of the versions after it, each against the
 * one before. The deltas are applied to a piece table (references into the keyframe and the deltas' texts), so a
 * chain of n deltas costs O(n x pieces) index work plus one copy of the result, never one copy of the text per
 * delta. Pure function, no Quarkus.
 */
public final class RevisionChain {

    private RevisionChain() {}

    /**
     * The text of {@code version}, or empty when {@code rows} (oldest first) is not a whole chain to it: a keyframe
     * first, versions without a gap, {@code version} last, every delta fitting the text before it.
     */
    public static Optional<String> text(List<StoredRevision> rows, int version) {
        if (rows.isEmpty()
                || !rows.get(0).isKeyframe()
                || rows.get(rows.size() - 1).version() != version
                || rows.get(0).version() + rows.size() - 1 != version) {
            return Optional.empty();
        }
        Pieces text = new Pieces(rows.get(0).content());
        for (int i = 1; i < rows.size(); i++) {
            StoredRevision row = rows.get(i);
            if (row.version() != rows.get(0).version() + i) {
                return Optional.empty();
            }
            if (row.isKeyframe()) {
                text = new Pieces(row.content());
            } else if (row.deltaText() == null
                    || !text.replace(row.deltaPrefix(), row.deltaSuffix(), row.deltaText())) {
                return Optional.empty();
            }
        }
        return Optional.of(text.toString());
    }

    /** A text as a list of ranges of immutable strings. */
    private static final class Pieces {
        private List<Piece> pieces = new ArrayList<>();
        private long length;

        Pieces(String text) {
            add(pieces, text, 0, text.length());
            length = text.length();
        }

        /** Keeps the first {@code prefix} and last {@code suffix} code units, puts {@code middle} between them. */
        boolean replace(int prefix, int suffix, String middle) {
            if (prefix < 0 || suffix < 0 || (long) prefix + suffix > length) {
                return false;
            }
            long tailStart = length - suffix;
            List<Piece> next = new ArrayList<>(pieces.size() + 3);
            int i = 0;
            long at = 0; // where piece i starts
            while (i < pieces.size() && at + pieces.get(i).length() <= prefix) {
                next.add(pieces.get(i));
                at += pieces.get(i).length();
                i++;
            }
            if (at < prefix) { // piece i holds the end of the prefix
                Piece p = pieces.get(i);
                add(next, p.text(), p.from(), p.from() + (int) (prefix - at));
            }
            add(next, middle, 0, middle.length());
            while (i < pieces.size() && at + pieces.get(i).length() <= tailStart) {
                at += pieces.get(i).length();
                i++;
            }
            if (i < pieces.size()) { // piece i holds the start of the suffix
                Piece p = pieces.get(i);
                add(next, p.text(), p.from() + (int) (tailStart - at), p.to());
                i++;
            }
            while (i < pieces.size()) {
                next.add(pieces.get(i++));
            }
            pieces = next;
            length = (long) prefix + middle.length() + suffix;
            return true;
        }

        private static void add(List<Piece> into, String text, int from, int to) {
            if (to > from) {
                into.add(new Piece(text, from, to));
            }
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder((int) length);
            for (Piece p : pieces) {
                out.append(p.text(), p.from(), p.to());
            }
            return out.toString();
        }
    }

    private record Piece(String text, int from, int to) {
        int length() {
            return to - from;
        }
    }
}
