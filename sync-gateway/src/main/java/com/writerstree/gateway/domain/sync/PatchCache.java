package com.writerstree.gateway.domain.sync;

import com.writerstree.gateway.config.GatewayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last text this replica fanned out for each project (LRU, at most {@code gateway.ws.patch-cache-projects}
 * entries and {@code gateway.ws.patch-cache-megabytes} of text, texts up to 2 MiB each), so that the next {@code sync:update} of the project can carry a patch against it instead of the
 * whole text: {@code {projectId, patch, baseVersion, version, wordCount, updatedAt}}. A device applies it only when
 * it holds {@code baseVersion}; otherwise it sends {@code sync:resume} with its version and gets the whole text.
 */
@ApplicationScoped
public class PatchCache {

    /** The longest text kept (UTF-16 code units); a longer one is never cached, so its updates are read whole. */
    public static final int MAX_TEXT = 2 * 1024 * 1024;

    private final GatewayConfig config;

    PatchCache(GatewayConfig config) {
        this.config = config;
    }

    private record Known(int version, String text) {}

    private LinkedHashMap<String, Known> known;
    private long chars;
    private int capacity;
    private long maxChars;

    @PostConstruct
    void init() {
        capacity = config.ws().patchCacheProjects();
        maxChars = config.ws().patchCacheMegabytes() * 1024L * 1024L / 2; // two bytes per UTF-16 code unit
        known = new LinkedHashMap<>(64, 0.75f, true);
    }

    private void put(String projectId, Known k) {
        Known old = known.put(projectId, k);
        chars += k.text().length() - (old == null ? 0 : old.text().length());
        var eldest = known.entrySet().iterator();
        while ((known.size() > capacity || chars > maxChars) && eldest.hasNext()) {
            chars -= eldest.next().getValue().text().length();
            eldest.remove();
        }
    }

    private void remove(String projectId) {
        Known old = known.remove(projectId);
        if (old != null) {
            chars -= old.text().length();
        }
    }

    /** The text of the project's {@code version} when it is the one this replica holds, else null. */
    synchronized String textOf(String projectId, int version) {
        Known k = known.get(projectId);
        return k != null && k.version() == version ? k.text() : null;
    }

    /** The version of the project's text this replica last fanned out, or -1 when it holds none. */
    synchronized int knownVersion(String projectId) {
        Known k = known.get(projectId);
        return k == null ? -1 : k.version();
    }

    /**
     * Remembers the full update's text and returns the patched form of it against the previously known version of
     * the project, or null when nobody wants it, there is none, or the patch would not be smaller than the text.
     */
    Map<String, Object> update(String projectId, Map<String, Object> full, boolean wanted) {
        String text = (String) full.get("content");
        int version = (Integer) full.get("version");
        Known previous;
        synchronized (this) {
            previous = known.get(projectId);
            if (previous == null || previous.version() < version) {
                if (text.length() <= MAX_TEXT) {
                    put(projectId, new Known(version, text));
                } else {
                    remove(projectId);
                }
            }
        }
        if (!wanted || previous == null || previous.version() >= version) {
            return null;
        }
        List<Map<String, Object>> ops = TextDiff.ops(previous.text(), text);
        int insertedChars = ops.stream()
                .mapToInt(op -> op.get("text") instanceof String s ? s.length() : 16)
                .sum();
        if (insertedChars >= text.length()) {
            return null;
        }
        Map<String, Object> patched = new LinkedHashMap<>(full);
        patched.remove("content");
        patched.put("patch", ops);
        patched.put("baseVersion", previous.version());
        return patched;
    }
}
