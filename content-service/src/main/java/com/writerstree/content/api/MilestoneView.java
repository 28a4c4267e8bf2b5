package com.writerstree.content.api;

import com.writerstree.content.persistence.Milestone;
import java.time.Instant;

/** A milestone as clients see it: {@code {"type":"25_percent","achievedAt":"...","wordCount":12500}}. */
public record MilestoneView(String type, Instant achievedAt, int wordCount) {

    public static MilestoneView of(Milestone m) {
        return new MilestoneView(m.milestoneType, m.achievedAt, m.wordCountAtMilestone);
    }
}
