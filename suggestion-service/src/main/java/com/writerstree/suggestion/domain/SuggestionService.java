package com.writerstree.suggestion.domain;

import com.writerstree.suggestion.config.SuggestionConfig;
import com.writerstree.suggestion.domain.lm.Suggester;
import com.writerstree.suggestion.domain.lm.Tokenizer;
import com.writerstree.suggestion.domain.lm.WriterModel;
import com.writerstree.suggestion.persistence.WriterModelLookup;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Suggestions for one writer: the base model mixed with the writer's own model of the named project (or, without
 * one, of the project the writer saved most recently). Only models whose owner is the caller are ever mixed in.
 *
 * <p>Timings (histograms with the platform's SLO buckets, on the management port): {@code suggestion_request_seconds}
 * by {@code outcome} (suggested, disabled) for the whole request, and {@code suggestion_model_lookup_seconds} by
 * {@code model} for finding the writer's model: {@code writer} (in memory), {@code loading} (known, not in memory
 * yet: base model only this time), {@code none} (the writer has no model yet), {@code disabled} (suggestions off).
 */
@ApplicationScoped
public class SuggestionService {

    private final BaseModel base;
    private final WriterModelCache writers;
    private final WriterModelLookup lookup;
    private final SuggestionConfig config;
    private final Suggester.Weights weights;
    private final MeterRegistry registry;

    public SuggestionService(
            BaseModel base,
            WriterModelCache writers,
            WriterModelLookup lookup,
            SuggestionConfig config,
            MeterRegistry registry) {
        this.registry = registry;
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
        long started = System.nanoTime();
        WriterModelLookup.Found found = lookup.find(userId, projectId);
        if (!found.suggestionsOn()) {
            timer("suggestion_model_lookup_seconds", "Time to find the writer's model", "model", "disabled")
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            timer("suggestion_request_seconds", "Time to answer a suggestion request", "outcome", "disabled")
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return new Result(false, List.of());
        }
        WriterModel writer =
                found.projectId() == null ? null : writers.get(userId, found.projectId(), found.contentVersion());
        String model = found.projectId() == null ? "none" : writer == null ? "loading" : "writer";
        timer("suggestion_model_lookup_seconds", "Time to find the writer's model", "model", model)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        Tokenizer.Typed typed = Tokenizer.typed(tail(context, config.contextChars()));
        Result result = new Result(true, Suggester.suggest(base.get(), writer, weights, typed, limit));
        timer("suggestion_request_seconds", "Time to answer a suggestion request", "outcome", "suggested")
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return result;
    }

    private Timer timer(String name, String description, String tag, String value) {
        return Timer.builder(name).description(description).tag(tag, value).register(registry);
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
