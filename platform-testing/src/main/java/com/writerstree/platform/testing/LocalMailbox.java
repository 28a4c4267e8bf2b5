package com.writerstree.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The mails the local GreenMail server really received (REST API, default http://127.0.0.1:8025). GreenMail
 * answers 400 for an address that has not received anything yet, which reads as "no mail".
 */
public final class LocalMailbox {

    public static final String API = System.getProperty(
            "wt.greenmail.url", System.getenv().getOrDefault("GREENMAIL_API", "http://127.0.0.1:8025"));
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalMailbox() {}

    /** The raw MIME text of every message received for {@code email}, oldest first. */
    public static List<String> messages(String email) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(API + "/api/user/"
                                    + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400 || response.statusCode() == 404) {
                return List.of();
            }
            List<String> mails = new ArrayList<>();
            for (JsonNode m : JSON.readTree(response.body())) {
                mails.add(m.path("mimeMessage").asText());
            }
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException("GreenMail API not reachable at " + API, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the {@code n}-th message (1-based) for {@code email} and returns it. */
    public static String awaitMessage(String email, int n, Duration timeout) {
        List<String> mails = Awaitility.await("mail #" + n + " for " + email)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> messages(email), received -> received.size() >= n);
        return mails.get(n - 1);
    }

    /**
     * Absence: {@code email} receives nothing beyond its first {@code n} messages during {@code window} (Awaitility
     * {@code during}: checked all along the window, so a late mail fails it; never sleep-then-count).
     */
    public static void assertNoMoreThan(String email, int n, Duration window) {
        Awaitility.await("no more than " + n + " mails for " + email)
                .during(window)
                .atMost(window.plusSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> messages(email).size() <= n);
    }

    /** The value of query parameter {@code name} in the first link of the (quoted-printable-decoded) mail. */
    public static Optional<String> linkParameter(String mime, String name) {
        String text = mime.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        Matcher m = Pattern.compile("[?&]" + Pattern.quote(name) + "=([A-Za-z0-9._~%\\-]+)")
                .matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
