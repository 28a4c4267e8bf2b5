package com.writerstree.identity.api;

import jakarta.validation.constraints.Size;

/**
 * Body of DELETE /users/me (spec §4.2): the password; an account without a password (Google sign-in only) confirms
 * with a fresh Google ID token instead.
 */
public record DeleteAccountRequest(
        @Size(max = 1024, message = "is too long") String password,
        @Size(max = 8192, message = "is too long") String googleToken) {}
