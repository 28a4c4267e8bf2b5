package com.writerstree.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The shared secret services present to each other on {@code /internal/**} routes (which the gateway never
 * routes): header {@value #HEADER} equal to config {@value #PROPERTY} (env {@code SERVICE_TOKEN}). A service
 * that serves or calls internal routes sets the property with a development default and, in {@code %prod}, to
 * {@code ${SERVICE_TOKEN}} without a default, so a production start without the secret fails. A service without
 * the property refuses every internal call.
 *
 * <p>A caller adds the header to its REST client with
 * {@code @ClientHeaderParam(name = ServiceCredential.HEADER, value = "{com.writerstree.platform.security.ServiceCredential.outgoing}")}.
 */
public final class ServiceCredential {

    public static final String HEADER = "X-Service-Token";
    public static final String PROPERTY = "writerstree.internal.service-token";
    public static final String PATH_PREFIX = "/internal/";

    private ServiceCredential() {}

    /** This service's token, for outgoing internal calls. */
    public static String outgoing() {
        return configured().orElseThrow(() -> new IllegalStateException(PROPERTY + " (SERVICE_TOKEN) is not set"));
    }

    static Optional<String> configured() {
        return ConfigProvider.getConfig()
                .getOptionalValue(PROPERTY, String.class)
                .filter(t -> !t.isBlank());
    }

    /** Whether {@code presented} is the configured token; compared in constant time. */
    static boolean accepts(Optional<String> expected, String presented) {
        if (expected.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
