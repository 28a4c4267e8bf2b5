package com.writerstree.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local SMTP server's mailboxes, read through the GreenMail REST API
 * ({@code GET /api/user/{email}/messages/} lists a recipient's INBOX; 400 while no mail arrived yet).
 */
public final class Mailbox {

    private static final Pattern TOKEN_IN_QUERY = Pattern.compile("[?&]token=([A-Za-z0-9._~%+\\-]+)");
    private static final Pattern TOKEN_IN_PATH = Pattern.compile("/verify-email/([A-Za-z0-9._~%\\-]+)");

    private Mailbox() {}

    /** A received message: subject and the decoded text of all its text parts. */
    public record Mail(String subject, String text) {}

    /** The messages in {@code email}'s INBOX (empty while none arrived). */
    public static List<Mail> messages(String email) {
        Response r = given().baseUri(Stack.greenMailUrl())
                .urlEncodingEnabled(false)
                .get("/api/user/" + email + "/messages/");
        if (r.statusCode() == 400) {
            return List.of(); // GreenMail: "User '...' not found" until the first mail for the address arrives
        }
        Http.expectStatus(r, 200);
        List<Map<String, Object>> raw = r.jsonPath().getList("$");
        List<Mail> mails = new ArrayList<>();
        for (Map<String, Object> m : raw) {
            mails.add(new Mail(String.valueOf(m.get("subject")), textOf(String.valueOf(m.get("mimeMessage")))));
        }
        return mails;
    }

    /** Waits (up to {@code timeout}) for a mail to {@code email} that carries a verification link; returns its token. */
    public static String awaitVerificationToken(String email, Duration timeout) {
        return await("verification mail for " + email)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> messages(email).stream()
                                .map(m -> verificationToken(m.text()))
                                .flatMap(Optional::stream)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** The token of a verification link in {@code text} ({@code ...verify-email?token=X} or {@code .../verify-email/X}). */
    public static Optional<String> verificationToken(String text) {
        String t = text.replace("&amp;", "&");
        for (Pattern p : List.of(TOKEN_IN_QUERY, TOKEN_IN_PATH)) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                return Optional.of(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- minimal MIME decoding

    /** The decoded text of every text/* part of a raw RFC 822 message, joined by newlines. */
    static String textOf(String raw) {
        int split = headerEnd(raw);
        Map<String, String> headers = headers(split < 0 ? raw : raw.substring(0, split));
        String body = split < 0 ? "" : raw.substring(split).replaceFirst("^(\r?\n){2}", "");
        String type = headers.getOrDefault("content-type", "text/plain");
        if (type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            String boundary = param(type, "boundary");
            if (boundary == null) {
                return body;
            }
            StringBuilder text = new StringBuilder();
            String[] parts = body.split(Pattern.quote("--" + boundary));
            for (int i = 1; i < parts.length; i++) { // parts[0] is the preamble
                String part = parts[i];
                if (part.startsWith("--")) {
                    break; // closing delimiter
                }
                text.append(textOf(part.replaceFirst("^\r?\n", ""))).append('\n');
            }
            return text.toString();
        }
        if (!type.toLowerCase(Locale.ROOT).startsWith("text/")) {
            return "";
        }
        String charsetName = Optional.ofNullable(param(type, "charset")).orElse("UTF-8");
        Charset charset;
        try {
            charset = Charset.forName(charsetName);
        } catch (RuntimeException e) {
            charset = StandardCharsets.UTF_8;
        }
        String encoding =
                headers.getOrDefault("content-transfer-encoding", "7bit").trim().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "quoted-printable" -> new String(quotedPrintable(body), charset);
            case "base64" -> new String(Base64.getMimeDecoder().decode(body.trim()), charset);
            default -> body;
        };
    }

    private static int headerEnd(String raw) {
        int crlf = raw.indexOf("\r\n\r\n");
        int lf = raw.indexOf("\n\n");
        if (crlf < 0) {
            return lf;
        }
        return lf < 0 ? crlf : Math.min(crlf, lf);
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        String unfolded = block.replaceAll("\r?\n[ \t]+", " ");
        for (String line : unfolded.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String param(String headerValue, String name) {
        Matcher m = Pattern.compile(";\\s*" + name + "\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)", Pattern.CASE_INSENSITIVE)
                .matcher(headerValue);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    private static byte[] quotedPrintable(String body) {
        String s = body.replaceAll("=\r?\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
