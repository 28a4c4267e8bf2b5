package com.writerstree.suggestion.domain;

import com.writerstree.suggestion.config.SuggestionConfig;
import com.writerstree.suggestion.domain.lm.KneserNeyModel;
import com.writerstree.suggestion.domain.lm.ModelCodec;
import com.writerstree.suggestion.domain.lm.WriterModel;
import com.writerstree.suggestion.persistence.LearnedModel;
import com.writerstree.suggestion.persistence.LearnedModelRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Writer models in memory, least recently used first out when their estimated heap passes the budget
 * ({@code suggestion.adaptation.cache-megabytes}). An entry is keyed by project and content version, so a model
 * that was re-learned (on this or another replica) is never served stale. A miss is loaded in the background
 * (one loader thread): the request that missed is answered from the base model alone, within its time budget.
 */
@ApplicationScoped
public class WriterModelCache {

    private static final Logger LOG = Logger.getLogger(WriterModelCache.class);

    private final BaseModel base;
    private final LearnedModelRepository models;
    private final long budgetBytes;
    private final LinkedHashMap<UUID, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Set<UUID> loading = ConcurrentHashMap.newKeySet();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "writer-model-loader");
        t.setDaemon(true);
        return t;
    });
    private long usedBytes;

    public WriterModelCache(BaseModel base, LearnedModelRepository models, SuggestionConfig config) {
        this.base = base;
        this.models = models;
        this.budgetBytes = config.adaptation().cacheMegabytes() * 1024L * 1024L;
    }

    private record Entry(UUID userId, int version, WriterModel model) {}

    /** The model of {@code projectId} at {@code version} if it is in memory (else starts loading it); null if not. */
    public WriterModel get(UUID userId, UUID projectId, int version) {
        synchronized (this) {
            Entry e = entries.get(projectId);
            if (e != null && e.version == version && e.userId.equals(userId)) {
                return e.model;
            }
        }
        if (loading.add(projectId)) {
            loader.execute(() -> {
                try {
                    load(projectId);
                } catch (RuntimeException ex) {
                    LOG.warnf("Loading the writer model of project %s failed: %s", projectId, ex.toString());
                } finally {
                    loading.remove(projectId);
                }
            });
        }
        return null;
    }

    /**
     * Puts a model just learned (so the next request uses it without a load), with its writer weight (NaN: the
     * configured one).
     */
    public void put(UUID userId, UUID projectId, int version, KneserNeyModel model, double weight) {
        WriterModel writer = new WriterModel(base.get(), model, weight);
        synchronized (this) {
            Entry old = entries.put(projectId, new Entry(userId, version, writer));
            if (old != null) {
                usedBytes -= old.model.weightBytes();
            }
            usedBytes += writer.weightBytes();
            Iterator<Map.Entry<UUID, Entry>> it = entries.entrySet().iterator();
            while (usedBytes > budgetBytes && it.hasNext()) {
                Map.Entry<UUID, Entry> eldest = it.next();
                if (eldest.getKey().equals(projectId)) {
                    continue;
                }
                usedBytes -= eldest.getValue().model.weightBytes();
                it.remove();
            }
        }
    }

    public synchronized void evict(UUID projectId) {
        Entry old = entries.remove(projectId);
        if (old != null) {
            usedBytes -= old.model.weightBytes();
        }
    }

    public synchronized void evictUser(UUID userId) {
        entries.entrySet().removeIf(e -> {
            boolean his = e.getValue().userId.equals(userId);
            if (his) {
                usedBytes -= e.getValue().model.weightBytes();
            }
            return his;
        });
    }

    public synchronized long usedBytes() {
        return usedBytes;
    }

    private void load(UUID projectId) {
        LearnedModel row = QuarkusTransaction.requiringNew().call(() -> models.findById(projectId));
        if (row == null) {
            return;
        }
        try {
            KneserNeyModel model = new KneserNeyModel(ModelCodec.read(new ByteArrayInputStream(row.model)));
            put(
                    row.userId,
                    projectId,
                    row.contentVersion,
                    model,
                    row.writerWeight == null ? Double.NaN : row.writerWeight);
        } catch (IOException e) {
            LOG.warnf("The stored writer model of project %s is unreadable: %s", projectId, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        loader.shutdownNow();
    }
}
