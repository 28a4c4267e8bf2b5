package com.writerstree.gateway.api.sync;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reassembles WebSocket messages from frames (text/binary + continuations) with a size limit, and decodes text
 * strictly: a text message that is not valid UTF-8 (overlong forms such as {@code C0 AF}, encoded surrogates,
 * truncated sequences) closes the connection with 1007 as RFC 6455 §8.1 requires, instead of being decoded with
 * replacement characters (Vert.x's own decoding is lenient). Over the limit: 1009. One instance per connection,
 * called on its event loop.
 */
public final class TextFrames {

    public static final short CLOSE_INVALID_DATA = 1007;
    public static final short CLOSE_TOO_BIG = 1009;

    /** Where complete messages go. */
    public interface Sink {
        void text(String message);

        void binary(Buffer message);

        void close(short code, String reason);
    }

    private final long maxBytes;
    private final Sink sink;
    private Buffer pending;
    private boolean binary;

    public TextFrames(long maxBytes, Sink sink) {
        this.maxBytes = maxBytes;
        this.sink = sink;
    }

    public void handle(WebSocketFrame frame) {
        if (frame.isText() || frame.isBinary()) {
            pending = Buffer.buffer();
            binary = frame.isBinary();
        } else if (!frame.isContinuation() || pending == null) {
            return; // ping, pong, close: handled by Vert.x
        }
        pending.appendBuffer(frame.binaryData());
        if (pending.length() > maxBytes) {
            pending = null;
            sink.close(CLOSE_TOO_BIG, "Message larger than " + maxBytes + " bytes");
            return;
        }
        if (!frame.isFinal()) {
            return;
        }
        Buffer message = pending;
        pending = null;
        if (binary) {
            sink.binary(message);
            return;
        }
        String text = decode(message.getBytes());
        if (text == null) {
            sink.close(CLOSE_INVALID_DATA, "Text message is not valid UTF-8");
        } else {
            sink.text(text);
        }
    }

    /** Strict UTF-8 decoding; null when the bytes are not valid UTF-8. */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
