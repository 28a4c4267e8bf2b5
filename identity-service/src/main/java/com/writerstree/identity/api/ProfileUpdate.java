package com.writerstree.identity.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code PATCH /users/me} body (spec §4.2). Absent or null fields stay as they are; a blank {@code fullName}
 * clears the name; {@code preferences} are merged into the stored ones (see {@link Preferences#merge}).
 */
public record ProfileUpdate(String fullName, JsonNode preferences) {}
