package com.writerstree.suggestion.tools;

import com.writerstree.suggestion.domain.lm.KneserNeyModel;
import com.writerstree.suggestion.domain.lm.ModelCodec;
import com.writerstree.suggestion.domain.lm.NgramCounts;
import com.writerstree.suggestion.domain.lm.Tokenizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains the base model: {@code Train <dir with the novels as .txt> <model output> <book>...}. Every chapter of
 * the named books is tokenised and counted, in the order given, and the counts are written in
 * {@link ModelCodec}'s form. Run by {@code suggestion-service/tools/train.sh}; the same input gives the same
 * bytes.
 */
public final class Train {

    private Train() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: Train <book dir> <model output> <book>...");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path output = Path.of(args[1]);
        NgramCounts.Builder builder = NgramCounts.builder();
        for (String book : List.of(args).subList(2, args.length)) {
            String text = Files.readString(dir.resolve(book + ".txt"));
            List<String> chapters = Books.chapters(text);
            for (String chapter : chapters) {
                builder.add(Tokenizer.tokens(chapter));
            }
            System.out.printf("%-18s %3d chapters%n", book, chapters.size());
        }
        NgramCounts counts = builder.build();
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            ModelCodec.write(counts, out);
        }
        KneserNeyModel model = new KneserNeyModel(counts);
        System.out.printf(
                "tokens %d, vocabulary %d, distinct 4-grams %d, stored n-grams (all orders) %d, file %d bytes%n",
                counts.tokens(),
                counts.vocabularySize(),
                counts.distinctNgrams(),
                model.storedNgrams(),
                Files.size(output));
    }
}
