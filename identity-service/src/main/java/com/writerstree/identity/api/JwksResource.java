package com.writerstree.identity.api;

import com.writerstree.identity.domain.token.JsonWebKey;
import com.writerstree.identity.domain.token.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys every service verifies session tokens with. */
@Path("/.well-known/jwks.json")
@Tag(name = "Keys")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Public keys (JWKS) of every signing key in use; kid is the RFC 7638 thumbprint")
    @APIResponse(responseCode = "200", description = "{\"keys\": [{kty, kid, use, alg, n, e}]}")
    public Response jwks() {
        Map<String, List<JsonWebKey>> body = Map.of("keys", keys.publicKeys());
        // short cache: verifiers also refetch on an unknown kid
        return Response.ok(body).header("Cache-Control", "public, max-age=300").build();
    }
}
