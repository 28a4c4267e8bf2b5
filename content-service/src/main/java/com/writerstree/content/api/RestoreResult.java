package com.writerstree.content.api;

/** {@code data} of a restore (spec §4.4): the version now current and its word count. */
public record RestoreResult(int currentVersion, int wordCount) {}
