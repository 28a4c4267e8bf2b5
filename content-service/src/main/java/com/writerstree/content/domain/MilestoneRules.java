package com.writerstree.content.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * When a milestone counts as reached: the word count is at least {@code ceil(goal * percent / 100)} of the
 * project's word goal. Whether it was already recorded (once per project, type and goal) is the store's
 * business, not this rule's.
 */
public final class MilestoneRules {

    private MilestoneRules() {}

    /** The smallest word count that reaches {@code type} for {@code wordGoal}. */
    public static int threshold(MilestoneType type, int wordGoal) {
        return (int) (((long) wordGoal * type.percent() + 99) / 100);
    }

    /** Every milestone {@code wordCount} reaches for {@code wordGoal}, lowest first; none for a goal below 1. */
    public static List<MilestoneType> reached(int wordGoal, int wordCount) {
        List<MilestoneType> reached = new ArrayList<>(4);
        if (wordGoal <= 0) {
            return reached;
        }
        for (MilestoneType type : MilestoneType.values()) {
            if (wordCount >= threshold(type, wordGoal)) {
                reached.add(type);
            }
        }
        return reached;
    }
}
