package com.writerstree.content.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** content-service settings ({@code content.*}). */
@ConfigMapping(prefix = "content")
public interface ContentConfig {

    /** Largest manuscript accepted by a save, in bytes of UTF-8 (5 MiB); larger saves get 413 PAYLOAD_TOO_LARGE. */
    @WithDefault("5242880")
    long maxContentBytes();

    /** Snapshots kept per project (spec §2.3: the last 10). */
    @WithDefault("10")
    int versionHistoryLimit();

    /** An automatic snapshot is taken each time the text grows past another multiple of this many words. */
    @WithDefault("1000")
    int snapshotEveryWords();

    /** The window of kept version texts ({@code content_revisions}), the bases of merges and delta saves. */
    Revisions revisions();

    interface Revisions {
        /** The newest this many revisions of a project are always kept. */
        @WithDefault("50")
        int keepCount();

        /** Beyond those, revisions younger than this are kept too ... */
        @WithDefault("PT24H")
        Duration keepFor();

        /**
         * ... up to this many per project in all (bounds storage for a busy day). Pruning keeps, in addition, the
         * keyframe the oldest kept revision is rebuilt from and the deltas in between (fewer than
         * {@link #keyframeMaxDeltas()}, each the size of its edit).
         */
        @WithDefault("500")
        int maxCount();

        /** A revision is stored whole (a keyframe) at the latest after this many deltas (caps a read's rows). */
        @WithDefault("1000")
        int keyframeMaxDeltas();

        /**
         * ... or when the deltas since the last keyframe would hold more characters than this fraction of the text
         * (caps what a read reads beyond the keyframe; large edits get a keyframe every fraction x text of edits).
         */
        @WithDefault("0.5")
        double keyframeMaxDeltaFraction();
    }
}
