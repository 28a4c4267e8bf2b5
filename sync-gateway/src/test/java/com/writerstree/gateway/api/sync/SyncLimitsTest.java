package com.writerstree.gateway.api.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.writerstree.gateway.domain.sync.SyncService;
import com.writerstree.platform.testing.JsonSocket;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Issue #8 on /ws/sync: the per-user connection cap (3 in %test), bounded resume, strict UTF-8 (close 1007). */
@QuarkusTest
class SyncLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TestHTTPResource("/ws/sync")
    URI uri;

    private String url() {
        return uri.toString().replaceFirst("^http", "ws");
    }

    @Test
    void oneConnectionOverTheCapIsRefusedAndAdmittedAgainOnceAnotherCloses() throws Exception {
        String token = TestTokens.forUser(UUID.randomUUID());
        List<JsonSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                JsonSocket ws = JsonSocket.connect(url(), token);
                assertNotNull(ws.next("authenticated", WAIT));
                open.add(ws);
            }
            try (JsonSocket fourth = JsonSocket.connect(url(), token)) {
                assertEquals(
                        "TOO_MANY_CONNECTIONS",
                        fourth.next("error", WAIT).path("data").path("code").asText());
                assertEquals(SyncService.CLOSE_TOO_MANY, fourth.closed.get(5, TimeUnit.SECONDS));
            }
            // another user is not affected
            try (JsonSocket stranger = JsonSocket.connect(url(), TestTokens.forUser(UUID.randomUUID()))) {
                assertNotNull(stranger.next("authenticated", WAIT));
            }
            open.remove(0).close();
            // the freed slot is given back when the server sees the close: retry until a new socket is admitted
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                try (JsonSocket again = JsonSocket.connect(url(), token)) {
                    assertNotNull(again.next("authenticated", Duration.ofSeconds(1)));
                }
            });
        } finally {
            open.forEach(JsonSocket::close);
        }
    }

    @Test
    void resumeIsBounded() throws Exception {
        try (JsonSocket ws = JsonSocket.connect(url(), TestTokens.forUser(UUID.randomUUID()))) {
            assertNotNull(ws.next("authenticated", WAIT));
            StringBuilder projects = new StringBuilder();
            for (int i = 0; i < 51; i++) {
                projects.append(i == 0 ? "" : ",")
                        .append("{\"projectId\":\"")
                        .append(UUID.randomUUID())
                        .append("\",\"version\":0}");
            }
            ws.sendRaw("{\"event\":\"sync:resume\",\"data\":{\"projects\":[" + projects + "]}}");
            var error = ws.next("error", WAIT);
            assertEquals("VALIDATION_ERROR", error.path("data").path("code").asText());
        }
    }

    @Test
    void aManuscriptSizedMessageIsAccepted() throws Exception {
        try (JsonSocket ws = JsonSocket.connect(url(), TestTokens.forUser(UUID.randomUUID()))) {
            assertNotNull(ws.next("authenticated", WAIT));
            String text =
                    "word ".repeat(400_000); // 2 MB: far over Vert.x' default 64 KiB frame and 256 KiB message limits
            ws.sendRaw("{\"event\":\"sync:content\",\"data\":{\"projectId\":\"" + UUID.randomUUID()
                    + "\",\"content\":\"" + text + "\",\"version\":0}}");
            // content-service is down in %test: an error event on a surviving connection, not a close 1009
            assertEquals(
                    "EXTERNAL_SERVICE_ERROR",
                    ws.next("error", Duration.ofSeconds(20))
                            .path("data")
                            .path("code")
                            .asText());
        }
    }

    @Test
    void invalidUtf8InATextFrameClosesWith1007() throws Exception {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            String key = Base64.getEncoder().encodeToString(new byte[16]);
            out.write(("GET /ws/sync HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                            + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertEquals("HTTP/1.1 101", head.substring(0, 12), head);
            // a masked text frame holding the overlong encoding C0 AF
            byte[] payload = {'{', (byte) 0xC0, (byte) 0xAF, '}'};
            byte[] mask = {1, 2, 3, 4};
            out.write(new byte[] {(byte) 0x81, (byte) (0x80 | payload.length)});
            out.write(mask);
            for (int i = 0; i < payload.length; i++) {
                out.write(payload[i] ^ mask[i % 4]);
            }
            out.flush();
            // the server's close frame: 0x88, length, then the 2-byte status code
            int code = -1;
            long deadline = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < deadline) {
                int first = in.read();
                if (first < 0) {
                    break;
                }
                int length = in.read() & 0x7F;
                byte[] body = in.readNBytes(length);
                if ((first & 0x0F) == 0x8) {
                    code = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
                    break;
                }
            }
            assertEquals(1007, code);
        }
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
