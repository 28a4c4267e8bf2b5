package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The little MIME reader the mail IT relies on (no stack needed). */
class MailboxTest {

    @Test
    void findsTokenInQuotedPrintableTextAndBase64Html() {
        String html = "<a href=\"http://127.0.0.1:3000/verify-email?token=b64-tok&amp;x=1\">Verify</a>";
        String raw = "From: noreply@writerstree.com\r\n"
                + "Subject: Verify your email\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative;\r\n\tboundary=\"=_part_1\"\r\n"
                + "\r\n"
                + "--=_part_1\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "\r\n"
                + "Caf=C3=A9 writer, open http://127.0.0.1:3000/verify-email?token=3Dabc-123=\r\n"
                + "-def to verify.\r\n"
                + "--=_part_1\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "--=_part_1--\r\n";

        String text = Mailbox.textOf(raw);

        assertTrue(text.contains("Café writer"), text);
        assertTrue(
                text.contains("verify-email?token=abc-123-def to verify"), text); // "=3D" is "=", "=\r\n" a soft break
        assertTrue(text.contains("token=b64-tok&amp;x=1"), text);
        assertEquals(Optional.of("abc-123-def"), Mailbox.verificationToken(text));
    }

    @Test
    void readsPlainMessagesAndPathTokens() {
        String raw = "Subject: probe\r\n\r\nhello https://x/verify-email/tok_42 bye";

        assertEquals(Optional.of("tok_42"), Mailbox.verificationToken(Mailbox.textOf(raw)));
        assertEquals(Optional.empty(), Mailbox.verificationToken("no link here"));
    }
}
