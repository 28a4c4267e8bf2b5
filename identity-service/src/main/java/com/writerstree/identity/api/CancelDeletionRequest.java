package com.writerstree.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /auth/cancel-deletion: the token of the cancel link in the deletion mail. */
public record CancelDeletionRequest(
        @NotBlank(message = "is required") @Size(max = 128, message = "is too long")
        String token) {}
