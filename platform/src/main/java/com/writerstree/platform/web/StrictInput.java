package com.writerstree.platform.web;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every service reads its request bodies and parameters through {@link StrictUtf8} (issue #8, items 4 and
 * 5): a body, path or query holding NUL, an unpaired surrogate or invalid UTF-8 is a 400 VALIDATION_ERROR in
 * the §7.1 envelope before any resource runs, so nothing is stored and nothing reaches PostgreSQL (which
 * refuses NUL: that used to be a 500 with a stack trace).
 */
@Provider
public class StrictInput implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        boolean json = type != null
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        context.setInputStream(StrictUtf8.validating(context.getInputStream(), json));
        try {
            return context.proceed();
        } catch (StrictUtf8.Invalid e) {
            throw refused("body", e);
        } catch (IOException | RuntimeException e) {
            // a parser may wrap what the stream threw
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof StrictUtf8.Invalid invalid) {
                    throw refused("body", invalid);
                }
            }
            throw e;
        }
    }

    /** Path and query: percent-decoded, they must be valid UTF-8 without NUL. */
    @ServerRequestFilter(preMatching = true)
    public void checkUri(HttpServerRequest request) {
        String uri = request.uri();
        if (uri == null || uri.indexOf('%') < 0) {
            return; // only ASCII without escapes: Vert.x refuses raw control characters itself
        }
        try {
            StrictUtf8.check(percentDecode(uri), false);
        } catch (StrictUtf8.Invalid e) {
            throw refused("uri", e);
        }
    }

    private static ApiException refused(String field, StrictUtf8.Invalid e) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, e.getMessage(), Map.of("field", field));
    }

    static byte[] percentDecode(String uri) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%' && i + 2 < uri.length()) {
                int hi = Character.digit(uri.charAt(i + 1), 16);
                int lo = Character.digit(uri.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.write(c < 0x80 ? c : '?');
        }
        return out.toByteArray();
    }
}
