package com.writerstree.content.document;

import com.writerstree.content.milestone.MilestoneView;
import java.time.Instant;

/** {@code data} of a successful save: the stored version, the server's word count, the milestone reached (or null). */
public record SaveResult(int version, int wordCount, Instant savedAt, MilestoneView milestoneReached) {
}
