package com.writerstree.export.api;

import java.util.UUID;

/** 202 for a long manuscript: the export runs as a job; poll {@code statusUrl} ({@code GET /exports/{id}}). */
public record ExportAccepted(UUID exportId, String status, String statusUrl) {}
