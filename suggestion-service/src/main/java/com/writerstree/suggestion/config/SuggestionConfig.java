package com.writerstree.suggestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** suggestion-service's settings ({@code suggestion.*}); see README for the measurements behind the defaults. */
@ConfigMapping(prefix = "suggestion")
public interface SuggestionConfig {

    /** Classpath resource of the base model (ModelCodec form). */
    @WithDefault("lm/fiction-4gram.bin.gz")
    String model();

    /** Only this many characters at the end of a request's context are read (a 100 KB context costs no more). */
    @WithDefault("1000")
    int contextChars();

    /** The writer model's weight in the mix (see Suggester; measured in README). */
    @WithDefault("0.5")
    double writerWeight();

    /** The weight of the cache of the context's own words (see Suggester; measured in README). */
    @WithDefault("0.1")
    double recentWeight();

    /**
     * Share of the context cache given to the words that followed the last token earlier in the context (a bigram
     * cache); the rest is the context's word frequencies (unigram cache).
     */
    @WithDefault("0.5")
    double recentBigram();

    Adaptation adaptation();

    interface Adaptation {
        /** A project is re-learned at most once per interval, however often it is saved. */
        @WithDefault("5m")
        Duration minInterval();

        /** How often due projects are looked for. */
        @WithDefault("5s")
        String poll();

        /** Projects learned per poll (each fetch and rebuild of a novel takes about half a second). */
        @WithDefault("4")
        int batch();

        /** Only the last words of a longer manuscript are learned (bounds the work and the model). */
        @WithDefault("200000")
        int maxWords();

        /** Heap budget of the writer models kept in memory (least recently used go first). */
        @WithDefault("64")
        int cacheMegabytes();
    }
}
