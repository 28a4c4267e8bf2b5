package com.writerstree.content.domain.text;

import com.writerstree.content.domain.Utf8;
import com.writerstree.content.domain.WordCounter;
import com.writerstree.content.domain.merge.TextPatch;
import com.writerstree.content.domain.revision.RevisionDelta;
import com.writerstree.content.persistence.ContentChunkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The one place a project's current text is read and written ({@code content_chunks}, V5). The text is kept in
 * consecutive pieces of at most {@value #MAX_UNITS} UTF-16 code units (a split cuts a longer one into pieces of about
 * {@value #TARGET_UNITS}; no piece ever ends inside a surrogate pair), so that a save rewrites only the pieces its
 * change touches, and a delta save on the current version ({@link #patch}) reads only the pieces its patch touches
 * plus, rarely, a neighbour for the word count: its cost does not grow with the manuscript (issue 12).
 */
@ApplicationScoped
public class CurrentText {

    /** Pieces are cut to about this many code units. */
    static final int TARGET_UNITS = 4096;
    /** A piece that an edit makes longer than this is split. */
    static final int MAX_UNITS = 8192;
    /** A piece that an edit makes shorter than this absorbs a neighbour when both fit in {@link #MAX_UNITS}. */
    static final int MIN_UNITS = 1024;
    /** Distance between the seqs of pieces written afresh: room for splits between them. */
    static final long SPACING = 1L << 20;

    private final ContentChunkRepository chunks;

    public CurrentText(ContentChunkRepository chunks) {
        this.chunks = chunks;
    }

    /**
     * A project's current text as far as a save has read it (inside the save's transaction, the project locked): the
     * places and lengths of its pieces, and the texts of those loaded so far. Stale once {@link #write} has used it.
     */
    public static final class Loaded {
        private final UUID projectId;
        private final long[] seqs;
        private final int[] starts; // starts[i]: where piece i begins; starts[n]: the text's length
        private final String[] texts;
        private boolean written;
        private ContentChunkRepository.Piece unwritten; // see #write

        private Loaded(UUID projectId, List<ContentChunkRepository.Entry> directory) {
            this.projectId = projectId;
            int n = directory.size();
            this.seqs = new long[n];
            this.starts = new int[n + 1];
            this.texts = new String[n];
            for (int i = 0; i < n; i++) {
                seqs[i] = directory.get(i).seq();
                starts[i + 1] = starts[i] + directory.get(i).units();
            }
        }

        /** The text's length in UTF-16 code units. */
        public int length() {
            return starts[seqs.length];
        }

        private int pieces() {
            return seqs.length;
        }

        /** The piece holding code unit {@code at}; the last piece for the text's end; -1 for an empty text. */
        private int pieceAt(int at) {
            int low = 0;
            int high = seqs.length - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (starts[mid] <= at) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            return high;
        }
    }

    /**
     * What a patch does to the current text: the change (trimmed to what really differs), and how many words and
     * UTF-8 bytes it adds (negative: removes).
     */
    public record Patched(TextChange change, int wordDelta, long byteDelta) {

        /** The patch leaves the text as it is. */
        public boolean unchanged() {
            return change.middle().isEmpty() && change.prefix() + change.suffix() == change.oldLength();
        }
    }

    /**
     * A project's current text as a save reads it: the places and lengths of its pieces, as read under the project's
     * lock with its content row ({@code ProjectContentRepository.head}); no text read yet.
     */
    public Loaded open(UUID projectId, List<ContentChunkRepository.Entry> directory) {
        return new Loaded(projectId, directory);
    }

    /** A project's whole current text in one statement ("" for a project never saved). */
    public String read(UUID projectId) {
        return chunks.whole(projectId);
    }

    /** The whole text {@code text} was changed to by {@link #write}, read back (its piece written first, if left). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String readWritten(Loaded text) {
        writeLeft(text);
        return chunks.whole(text.projectId);
    }

    /**
     * The piece {@link #write} left unwritten, taken from {@code text}: the caller writes it in the statement that
     * writes the content row (one round trip less for the common save). Null when {@code write} wrote everything.
     */
    public ContentChunkRepository.Piece takeUnwritten(Loaded text) {
        ContentChunkRepository.Piece piece = text.unwritten;
        text.unwritten = null;
        return piece;
    }

    /** Writes the piece {@link #write} left unwritten, if it did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeLeft(Loaded text) {
        ContentChunkRepository.Piece piece = takeUnwritten(text);
        if (piece != null) {
            chunks.write(piece);
        }
    }

    /**
     * A project's current version and whole text, read in one statement (a save committing meanwhile cannot pair
     * one version's number with another's text); empty for a project never saved.
     */
    public Optional<ContentChunkRepository.Current> current(UUID projectId) {
        return chunks.current(projectId);
    }

    /** The whole text of {@code text}'s pieces (all loaded from here on). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String whole(Loaded text) {
        return window(text, 0, text.pieces() - 1);
    }

    /**
     * Applies a delta save's {@code patch} to the current text, reading only the pieces it touches; throws
     * {@link TextPatch.NotApplicable} exactly as {@link TextPatch#apply} on the whole text would. Writes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Patched patch(Loaded text, List<TextPatch.Op> ops) {
        int length = text.length();
        int last = text.pieces() - 1;
        TextPatch.Reach reach = TextPatch.reach(length, ops);
        int a = Math.max(0, text.pieceAt(reach.from()));
        int b = text.pieceAt(Math.max(reach.from(), reach.to() - 1));
        String window = window(text, a, b);
        int windowStart = last < 0 ? 0 : text.starts[a];
        TextPatch.Edit edit = TextPatch.edit(window, windowStart, length, ops);

        String oldStretch = window.substring(edit.start() - windowStart, edit.end() - windowStart);
        RevisionDelta trimmed = RevisionDelta.between(oldStretch, edit.middle());
        TextChange change = new TextChange(
                edit.start() + trimmed.prefix(),
                length - edit.end() + trimmed.suffix(),
                trimmed.middle(edit.middle()),
                length);
        if (change.middle().isEmpty() && change.prefix() + change.suffix() == length) {
            return new Patched(change, 0, 0);
        }
        String replaced = oldStretch.substring(trimmed.prefix(), oldStretch.length() - trimmed.suffix());
        long byteDelta = Utf8.length(change.middle()) - Utf8.length(replaced);
        while (true) {
            String after = window.substring(0, change.prefix() - windowStart)
                    + change.middle()
                    + window.substring(change.oldEnd() - windowStart);
            OptionalInt words = WordCounter.countChange(
                    window,
                    after,
                    change.prefix() - windowStart,
                    windowStart + window.length() - change.oldEnd(),
                    a == 0,
                    b >= last);
            if (words.isPresent()) {
                return new Patched(change, words.getAsInt(), byteDelta);
            }
            // no character ending a token between the edit and a window's edge: widen by a piece on each side
            a = Math.max(0, a - 1);
            b = Math.min(last, b + 1);
            window = window(text, a, b);
            windowStart = text.starts[a];
        }
    }

    /**
     * Writes {@code change} (of the text {@code text} was opened on): the pieces it touches are rewritten, split
     * when too long, merged with a neighbour when short; the others stay untouched. The common edit, one piece
     * rewritten in place, is left unwritten in {@code text}: the caller {@link #takeUnwritten takes} it and writes it
     * with the content row, or has it written by {@link #writeLeft} / {@link #readWritten}; nothing may read the
     * pieces before that.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(Loaded text, TextChange change) {
        if (text.written) {
            throw new IllegalStateException("the text of project " + text.projectId + " was written since it was read");
        }
        if (change.oldLength() != text.length()) {
            throw new IllegalStateException("a change of a text of " + change.oldLength() + " code units applied to "
                    + text.length() + " (project " + text.projectId + ")");
        }
        text.written = true;
        int n = text.pieces();
        if (n == 0) {
            List<String> pieces = split(change.middle());
            for (int j = 0; j < pieces.size(); j++) {
                chunks.write(text.projectId, (j + 1) * SPACING, pieces.get(j));
            }
            return;
        }
        int from = change.prefix();
        int to = change.oldEnd();
        int a = text.pieceAt(from);
        int b = to > from ? text.pieceAt(to - 1) : a;
        String joined = window(text, a, b);
        int offset = text.starts[a];
        String combined = joined.substring(0, from - offset) + change.middle() + joined.substring(to - offset);
        if (combined.length() < MIN_UNITS) {
            if (b + 1 < n && combined.length() + units(text, b + 1) <= MAX_UNITS) {
                b++;
                combined = combined + window(text, b, b);
            } else if (a > 0 && combined.length() + units(text, a - 1) <= MAX_UNITS) {
                a--;
                combined = window(text, a, a) + combined;
            }
        }
        replacePieces(text, a, b, split(combined));
    }

    /** Deletes a project's current text (project deleted, user purged). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID projectId) {
        chunks.deleteByProject(projectId);
    }

    /** Pieces {@code a..b} become {@code pieces}, keeping the order with the pieces around them. */
    private void replacePieces(Loaded text, int a, int b, List<String> pieces) {
        UUID projectId = text.projectId;
        int old = b - a + 1;
        int k = pieces.size();
        if (k == 1 && old == 1) {
            // the common edit: one piece rewritten in place, written with the content row (see #unwritten)
            text.unwritten = new ContentChunkRepository.Piece(projectId, text.seqs[a], pieces.get(0));
            return;
        }
        if (k <= old) {
            for (int j = 0; j < k; j++) {
                chunks.write(projectId, text.seqs[a + j], pieces.get(j));
            }
            if (k < old) {
                chunks.delete(projectId, text.seqs[a + k], text.seqs[b]);
            }
            return;
        }
        long first = text.seqs[a];
        boolean lastPiece = b + 1 >= text.pieces();
        long step = lastPiece ? SPACING : (text.seqs[b + 1] - first) / k;
        if (step < 1) {
            renumber(text, a, b, pieces);
            return;
        }
        if (old > 1) {
            chunks.delete(projectId, text.seqs[a + 1], text.seqs[b]);
        }
        chunks.write(projectId, first, pieces.get(0));
        for (int j = 1; j < k; j++) {
            chunks.write(projectId, first + j * step, pieces.get(j));
        }
    }

    /** No room between two seqs for the new pieces: the whole text is written afresh, evenly spaced. */
    private void renumber(Loaded text, int a, int b, List<String> pieces) {
        window(text, 0, text.pieces() - 1); // every piece, in one read
        List<String> all = new ArrayList<>();
        for (int i = 0; i < a; i++) {
            all.add(window(text, i, i));
        }
        all.addAll(pieces);
        for (int i = b + 1; i < text.pieces(); i++) {
            all.add(window(text, i, i));
        }
        chunks.deleteByProject(text.projectId);
        for (int j = 0; j < all.size(); j++) {
            chunks.write(text.projectId, (j + 1) * SPACING, all.get(j));
        }
    }

    private static int units(Loaded text, int piece) {
        return text.starts[piece + 1] - text.starts[piece];
    }

    /** The texts of pieces {@code a..b} joined (loading those not loaded yet); "" when a > b. */
    private String window(Loaded text, int a, int b) {
        if (a > b) {
            return "";
        }
        int i = a;
        while (i <= b) {
            if (text.texts[i] != null) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 <= b && text.texts[j + 1] == null) {
                j++;
            }
            List<String> loaded = chunks.texts(text.projectId, text.seqs[i], text.seqs[j]);
            if (loaded.size() != j - i + 1) {
                throw new IllegalStateException("project " + text.projectId + ": " + loaded.size()
                        + " pieces read where " + (j - i + 1) + " were listed");
            }
            for (int x = i; x <= j; x++) {
                String piece = loaded.get(x - i);
                if (piece.length() != units(text, x)) {
                    throw new IllegalStateException("project " + text.projectId + ": a piece of " + piece.length()
                            + " code units listed as " + units(text, x));
                }
                text.texts[x] = piece;
            }
            i = j + 1;
        }
        if (a == b) {
            return text.texts[a];
        }
        StringBuilder joined = new StringBuilder(text.starts[b + 1] - text.starts[a]);
        for (int x = a; x <= b; x++) {
            joined.append(text.texts[x]);
        }
        return joined.toString();
    }

    /**
     * Cuts a text into pieces: none for "", itself up to {@link #MAX_UNITS}, else pieces of about
     * {@link #TARGET_UNITS}, never cutting a surrogate pair.
     */
    static List<String> split(String text) {
        int length = text.length();
        if (length == 0) {
            return List.of();
        }
        if (length <= MAX_UNITS) {
            return List.of(text);
        }
        int count = (length + TARGET_UNITS - 1) / TARGET_UNITS;
        List<String> pieces = new ArrayList<>(count);
        int start = 0;
        for (int j = 1; j <= count; j++) {
            int end = j == count ? length : (int) ((long) length * j / count);
            if (end < length
                    && Character.isHighSurrogate(text.charAt(end - 1))
                    && Character.isLowSurrogate(text.charAt(end))) {
                end++;
            }
            if (end > start) {
                pieces.add(text.substring(start, end));
                start = end;
            }
        }
        return pieces;
    }
}
