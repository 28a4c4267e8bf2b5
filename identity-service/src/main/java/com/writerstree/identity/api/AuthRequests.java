package com.writerstree.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of {@code /auth/*} (spec §4.1). Format rules beyond presence and size: {@link CredentialRules}. */
public final class AuthRequests {

    private AuthRequests() {}

    public record Register(
            @NotBlank(message = "is required") String email,
            @NotNull(message = "is required") String password,

            @Size(max = 255, message = "must be at most 255 characters")
            String fullName) {}

    public record Login(
            @NotBlank(message = "is required") String email,

            @NotNull(message = "is required") @Size(max = 1024, message = "is too long")
            String password) {}

    public record VerifyEmail(
            @NotBlank(message = "is required") @Size(max = 128, message = "is too long")
            String token) {}

    public record EmailOnly(
            @NotBlank(message = "is required") @Size(max = 320, message = "is too long")
            String email) {}

    public record ResetPassword(
            @NotBlank(message = "is required") @Size(max = 128, message = "is too long")
            String token,

            @NotNull(message = "is required") @Size(max = 1024, message = "is too long")
            String newPassword) {}

    public record Google(
            @NotBlank(message = "is required") @Size(max = 8192, message = "is too long")
            String googleToken) {}
}
