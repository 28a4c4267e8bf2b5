package com.writerstree.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids: accepted from {@code X-Request-Id} when well-formed, generated otherwise. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {}

    public static String acceptOrGenerate(String incoming) {
        if (incoming != null && ACCEPTABLE.matcher(incoming).matches()) {
            return incoming;
        }
        return "req-" + UUID.randomUUID();
    }
}
