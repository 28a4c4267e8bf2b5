package com.writerstree.stats.api;

import java.time.LocalDate;

/**
 * One local day of {@code dailyBreakdown} (spec §4.6): {@code wordCount} is the words written (added) that
 * day; {@code wordsDeleted} the words cut; {@code goalMet} whether the day counts towards a streak.
 */
public record DayView(LocalDate date, int wordCount, int wordsDeleted, int projectsWorkedOn, boolean goalMet) {}
