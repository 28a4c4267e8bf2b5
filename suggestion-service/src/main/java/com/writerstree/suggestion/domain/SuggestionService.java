package com.writerstree.suggestion.domain;

import com.writerstree.suggestion.config.SuggestionConfig;
import com.writerstree.suggestion.domain.lm.Suggester;
import com.writerstree.suggestion.domain.lm.Tokenizer;
import com.writerstree.suggestion.domain.lm.WriterModel;
import com.writerstree.suggestion.persistence.WriterModelLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Suggestions for one writer: the base model mixed with the writer's own model of the named project (or, without
 * one, of the project the writer saved most recently). Only models whose owner is the caller are ever mixed in.
 */
@ApplicationScoped
public class SuggestionService {

    private final BaseModel base;
    private final WriterModelCache writers;
    private final WriterModelLookup lookup;
    private final SuggestionConfig config;
    private final Suggester.Weights weights;

    public SuggestionService(
            BaseModel base, WriterModelCache writers, WriterModelLookup lookup, SuggestionConfig config) {
        this.base = base;
        this.writers = writers;
        this.lookup = lookup;
        this.config = config;
        this.weights =
                new Suggester.Weights(config.writerWeight(), config.recentWeight(), false, config.recentBigram());
    }

    /** What was asked for, and what the writer's preference allowed. */
    public record Result(boolean enabled, List<Suggester.Suggestion> suggestions) {}

    public Result suggest(UUID userId, String context, int limit, UUID projectId) {
        WriterModelLookup.Found found = lookup.find(userId, projectId);
        if (!found.suggestionsOn()) {
            return new Result(false, List.of());
        }
        WriterModel writer =
                found.projectId() == null ? null : writers.get(userId, found.projectId(), found.contentVersion());
        Tokenizer.Typed typed = Tokenizer.typed(tail(context, config.contextChars()));
        return new Result(true, Suggester.suggest(base.get(), writer, weights, typed, limit));
    }

    /** The last {@code chars} characters, starting at a word boundary so no word is cut in two. */
    static String tail(String context, int chars) {
        if (context.length() <= chars) {
            return context;
        }
        int start = context.length() - chars;
        while (start < context.length() && !Character.isWhitespace(context.charAt(start - 1))) {
            start++;
        }
        return context.substring(start);
    }
}
