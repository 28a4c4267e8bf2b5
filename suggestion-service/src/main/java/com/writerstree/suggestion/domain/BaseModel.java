package com.writerstree.suggestion.domain;

import com.writerstree.suggestion.config.SuggestionConfig;
import com.writerstree.suggestion.domain.lm.KneserNeyModel;
import com.writerstree.suggestion.domain.lm.ModelCodec;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/** The base language model, loaded once at start from the jar (about 1-2 s, about 47 MB of heap; see README). */
@Startup
@ApplicationScoped
public class BaseModel {

    private static final Logger LOG = Logger.getLogger(BaseModel.class);

    private final KneserNeyModel model;

    public BaseModel(SuggestionConfig config) {
        long start = System.nanoTime();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(config.model())) {
            if (in == null) {
                throw new IllegalStateException("base model " + config.model() + " is not on the classpath");
            }
            model = new KneserNeyModel(ModelCodec.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("base model " + config.model() + " unreadable", e);
        }
        LOG.infof(
                "Base model %s: %d words, %d n-grams, loaded in %d ms",
                config.model(), model.vocabularySize(), model.storedNgrams(), (System.nanoTime() - start) / 1_000_000);
    }

    public KneserNeyModel get() {
        return model;
    }
}
