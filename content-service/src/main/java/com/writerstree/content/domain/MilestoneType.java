package com.writerstree.content.domain;

/** The milestones of spec §2.1: a share of the project's word goal, named as on the wire. */
public enum MilestoneType {
    QUARTER(25, "25_percent"),
    HALF(50, "50_percent"),
    THREE_QUARTERS(75, "75_percent"),
    COMPLETE(100, "100_percent");

    private final int percent;
    private final String wireName;

    MilestoneType(int percent, String wireName) {
        this.percent = percent;
        this.wireName = wireName;
    }

    public int percent() {
        return percent;
    }

    /** The name stored in {@code milestones.milestone_type} and sent to clients ({@code "50_percent"}). */
    public String wireName() {
        return wireName;
    }

    /** The percentage of a stored type name, for ordering; unknown names sort last. */
    public static int percentOf(String wireName) {
        for (MilestoneType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type.percent;
            }
        }
        return Integer.MAX_VALUE;
    }
}
