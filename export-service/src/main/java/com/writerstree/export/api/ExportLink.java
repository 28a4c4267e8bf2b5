package com.writerstree.export.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A finished export (spec §4.5 response {@code downloadUrl, expiresAt, fileSize}, plus its id). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportLink(UUID exportId, String downloadUrl, Instant expiresAt, Long fileSize) {}
