package com.writerstree.project.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A project's progress towards its goal, in percent with two decimals (spec §4.3: 12847 of 50000 is 25.69). */
public final class Progress {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Progress() {}

    /** {@code round(words * 100 / goal, 2)}, half up, never above 100 (writing past the goal stays at 100%). */
    public static double percent(int words, int goal) {
        if (goal <= 0 || words <= 0) {
            return 0.0;
        }
        BigDecimal percent =
                BigDecimal.valueOf(words).multiply(HUNDRED).divide(BigDecimal.valueOf(goal), 2, RoundingMode.HALF_UP);
        return percent.min(HUNDRED).doubleValue();
    }
}
