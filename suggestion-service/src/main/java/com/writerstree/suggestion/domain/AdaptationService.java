package com.writerstree.suggestion.domain;

import com.writerstree.suggestion.client.ContentServiceClient;
import com.writerstree.suggestion.client.ContentTexts;
import com.writerstree.suggestion.config.SuggestionConfig;
import com.writerstree.suggestion.domain.lm.KneserNeyModel;
import com.writerstree.suggestion.domain.lm.ModelCodec;
import com.writerstree.suggestion.domain.lm.NgramCounts;
import com.writerstree.suggestion.domain.lm.Tokenizer;
import com.writerstree.suggestion.domain.lm.WriterWeight;
import com.writerstree.suggestion.persistence.AdaptationRequest;
import com.writerstree.suggestion.persistence.AdaptationRequestRepository;
import com.writerstree.suggestion.persistence.ForgottenSubject;
import com.writerstree.suggestion.persistence.ForgottenSubjectRepository;
import com.writerstree.suggestion.persistence.LearnedModel;
import com.writerstree.suggestion.persistence.LearnedModelRepository;
import com.writerstree.suggestion.persistence.WriterPreferenceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Learns each writer's project from its saved text. A save (ContentSaved, VersionRestored) only records a request;
 * a scheduler fetches the text from content-service and rebuilds the project's model from the whole text once the
 * request is due, so a writer auto-saving a 150,000-word novel every few seconds costs one fetch and one rebuild
 * per {@code suggestion.adaptation.min-interval} (5 min), not one per save. A model is stored per project and
 * owner: one writer's text never reaches another writer's model. Deleting a project or an account removes what
 * was learned and remembers the id, so a late event cannot bring it back.
 */
@ApplicationScoped
public class AdaptationService {

    private static final Logger LOG = Logger.getLogger(AdaptationService.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final AdaptationRequestRepository requests;
    private final LearnedModelRepository models;
    private final WriterPreferenceRepository preferences;
    private final ForgottenSubjectRepository forgotten;
    private final WriterModelCache cache;
    private final ContentTexts content;
    private final SuggestionConfig config;
    private final BaseModel base;

    public AdaptationService(
            AdaptationRequestRepository requests,
            LearnedModelRepository models,
            WriterPreferenceRepository preferences,
            ForgottenSubjectRepository forgotten,
            WriterModelCache cache,
            ContentTexts content,
            SuggestionConfig config,
            BaseModel base) {
        this.requests = requests;
        this.models = models;
        this.preferences = preferences;
        this.forgotten = forgotten;
        this.cache = cache;
        this.content = content;
        this.config = config;
        this.base = base;
    }

    /** A new version of the project was saved (inside the consumer's transaction). */
    public void textChanged(UUID userId, UUID projectId, int version) {
        if (forgotten.anyOf(projectId, userId) || !preferences.suggestionsOn(userId)) {
            return; // a writer who switched suggestions off is not analysed either
        }
        LearnedModel learned = models.findById(projectId);
        if (learned != null && learned.contentVersion >= version) {
            return;
        }
        Instant earliest = dueAt(
                learned == null ? null : learned.learnedAt, config.adaptation().minInterval(), Instant.now());
        requests.request(projectId, userId, version, earliest);
    }

    /**
     * The debounce: a project never learned is due now; one learned before is due once the interval has passed since
     * then (an existing request keeps its own, earlier due time: see AdaptationRequestRepository#request).
     */
    static Instant dueAt(Instant lastLearned, Duration minInterval, Instant now) {
        if (lastLearned == null) {
            return now;
        }
        Instant next = lastLearned.plus(minInterval);
        return next.isAfter(now) ? next : now;
    }

    public void forgetProject(UUID projectId) {
        models.deleteById(projectId);
        requests.deleteById(projectId);
        forgotten.remember(projectId, ForgottenSubject.PROJECT);
        cache.evict(projectId);
        LOG.infof("Forgot what was learned from project %s", projectId);
    }

    /** {@code remember}: the account is gone for good (purged), not only asked to be deleted. */
    public void forgetUser(UUID userId, boolean remember) {
        models.deleteByUser(userId);
        requests.deleteByUser(userId);
        if (remember) {
            forgotten.remember(userId, ForgottenSubject.USER);
        }
        cache.evictUser(userId);
        LOG.infof("Forgot what was learned from the projects of user %s", userId);
    }

    @Scheduled(every = "${suggestion.adaptation.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void learnDue() {
        List<Claimed> due = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            List<AdaptationRequest> claimed =
                    requests.claimDue(now, config.adaptation().batch());
            for (AdaptationRequest r : claimed) {
                r.dueAt = now.plus(LEASE); // another replica leaves it alone meanwhile
            }
            return claimed.stream()
                    .map(r -> new Claimed(r.projectId, r.userId, r.contentVersion, r.attempts))
                    .toList();
        });
        for (Claimed request : due) {
            learn(request);
        }
    }

    private record Claimed(UUID projectId, UUID userId, int version, int attempts) {}

    private void learn(Claimed request) {
        ContentServiceClient.Content text;
        try {
            text = content.content(request.projectId());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                QuarkusTransaction.requiringNew().run(() -> requests.deleteById(request.projectId()));
                return;
            }
            retryLater(request, e.getResponse().getStatus() + "");
            return;
        } catch (RuntimeException e) {
            retryLater(request, e.getClass().getSimpleName());
            return;
        }
        if (text == null || !request.userId().equals(text.userId())) {
            // the owner is not who the event said: learn nothing rather than mix two writers
            LOG.warnf("Project %s: owner mismatch, not learned", request.projectId());
            QuarkusTransaction.requiringNew().run(() -> requests.deleteById(request.projectId()));
            return;
        }
        long start = System.nanoTime();
        List<String> tokens = Tokenizer.tokens(text.text());
        int words =
                (int) tokens.stream().filter(t -> !Tokenizer.isPunctuation(t)).count();
        if (tokens.size() > config.adaptation().maxWords()) {
            tokens = tokens.subList(tokens.size() - config.adaptation().maxWords(), tokens.size());
        }
        NgramCounts counts = NgramCounts.builder().add(tokens).build();
        byte[] bytes = encode(counts);
        KneserNeyModel model = new KneserNeyModel(counts);
        double weight = WriterWeight.estimate(base.get(), tokens);
        boolean stored =
                QuarkusTransaction.requiringNew().call(() -> store(request, text.version(), words, bytes, weight));
        if (stored) {
            cache.put(request.userId(), request.projectId(), text.version(), model, weight);
            LOG.infof(
                    "Learned project %s version %d (%d words, %d n-grams, %d bytes) in %d ms",
                    request.projectId(),
                    text.version(),
                    words,
                    model.storedNgrams(),
                    bytes.length,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Stores the model unless the project was deleted (or the account purged) while its text was fetched. */
    private boolean store(Claimed request, int version, int words, byte[] bytes, double weight) {
        AdaptationRequest current = requests.findById(request.projectId());
        if (current == null || forgotten.anyOf(request.projectId(), request.userId())) {
            return false;
        }
        LearnedModel row = models.findById(request.projectId());
        if (row == null) {
            row = new LearnedModel();
            row.projectId = request.projectId();
            row.userId = request.userId();
        }
        row.contentVersion = version;
        row.words = words;
        row.model = bytes;
        row.writerWeight = Double.isNaN(weight) ? null : weight;
        row.learnedAt = Instant.now();
        models.persist(row);
        if (current.contentVersion <= version) {
            requests.delete(current);
        } else {
            current.dueAt = row.learnedAt.plus(config.adaptation().minInterval());
            current.attempts = 0;
        }
        return true;
    }

    private void retryLater(Claimed request, String why) {
        LOG.warnf("Fetching the text of project %s failed (%s); retrying later", request.projectId(), why);
        long backoff = Math.min(600, 5L << Math.min(request.attempts(), 7));
        QuarkusTransaction.requiringNew().run(() -> {
            AdaptationRequest r = requests.findById(request.projectId());
            if (r != null) {
                r.attempts = request.attempts() + 1;
                r.dueAt = Instant.now().plusSeconds(backoff);
            }
        });
    }

    private static byte[] encode(NgramCounts counts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelCodec.write(counts, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
