package com.writerstree.content.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * {@code data} of a successful save: the stored version, the server's word count, the milestone reached (or
 * null), whether the save was three-way merged with newer server changes and, only then, the merged text
 * ({@code content}), which the client should put in its editor as the text of {@code version}.
 */
public record SaveResult(
        int version,
        int wordCount,
        Instant savedAt,
        MilestoneView milestoneReached,
        boolean merged,
        @JsonInclude(JsonInclude.Include.NON_NULL) String content) {

    public SaveResult(int version, int wordCount, Instant savedAt, MilestoneView milestoneReached) {
        this(version, wordCount, savedAt, milestoneReached, false, null);
    }
}
