package com.writerstree.gateway.api.sync.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wire formats of Engine.IO v4 and Socket.IO v5 (the protocol of socket.io 4.x), text only. Pure; tested in
 * SocketIoPacketsTest.
 * <ul>
 * <li>Engine.IO packet: one digit type ({@code 0} open, {@code 1} close, {@code 2} ping, {@code 3} pong, {@code 4}
 * message, {@code 5} upgrade, {@code 6} noop) + data. Long-polling payloads join packets with the record separator
 * {@code \u001e}.</li>
 * <li>Socket.IO packet (inside an Engine.IO message): type ({@code 0} CONNECT, {@code 1} DISCONNECT, {@code 2}
 * EVENT, {@code 3} ACK, {@code 4} CONNECT_ERROR, {@code 5}/{@code 6} binary), optional {@code <n>-} attachments,
 * optional {@code /nsp,}, optional ack id digits, optional JSON.</li>
 * </ul>
 */
public final class SocketIoPackets {

    public static final char SEPARATOR = '\u001e';
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SocketIoPackets() {}

    /** A Socket.IO packet; {@code ackId} is null when absent, {@code data} null when absent. */
    public record Packet(int type, String namespace, Long ackId, JsonNode data, int attachments) {}

    public static List<String> splitPayload(String payload) {
        List<String> packets = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= payload.length(); i++) {
            if (i == payload.length() || payload.charAt(i) == SEPARATOR) {
                packets.add(payload.substring(start, i));
                start = i + 1;
            }
        }
        return packets;
    }

    public static String joinPayload(List<String> packets) {
        return String.join(String.valueOf(SEPARATOR), packets);
    }

    /** Parses a Socket.IO packet (the data of an Engine.IO message); empty when malformed. */
    public static Optional<Packet> parse(String s) {
        if (s.isEmpty() || s.charAt(0) < '0' || s.charAt(0) > '6') {
            return Optional.empty();
        }
        int type = s.charAt(0) - '0';
        int i = 1;
        int attachments = 0;
        if (type == 5 || type == 6) {
            int dash = s.indexOf('-', i);
            if (dash < 0 || dash - i > 6 || !s.substring(i, dash).chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            attachments = Integer.parseInt(s.substring(i, dash));
            i = dash + 1;
        }
        String namespace = "/";
        if (i < s.length() && s.charAt(i) == '/') {
            int comma = s.indexOf(',', i);
            int end = comma < 0 ? s.length() : comma;
            namespace = s.substring(i, end);
            i = comma < 0 ? s.length() : comma + 1;
        }
        int digits = i;
        while (digits < s.length() && Character.isDigit(s.charAt(digits)) && digits - i < 18) {
            digits++;
        }
        Long ackId = digits > i ? Long.parseLong(s.substring(i, digits)) : null;
        i = digits;
        JsonNode data = null;
        if (i < s.length()) {
            try {
                data = MAPPER.readTree(s.substring(i));
            } catch (Exception e) {
                return Optional.empty();
            }
            if (data == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new Packet(type, namespace, ackId, data, attachments));
    }

    /** {@code 42["event",data]}: an EVENT in the default namespace, wrapped as an Engine.IO message. */
    public static String event(String event, Object data) {
        ArrayNode args = MAPPER.createArrayNode();
        args.add(event);
        args.add(MAPPER.valueToTree(data));
        return "42" + args;
    }

    /** {@code 43<id>[data]}: the acknowledgement of EVENT {@code ackId}. */
    public static String ack(long ackId, Object data) {
        ArrayNode args = MAPPER.createArrayNode();
        args.add(MAPPER.valueToTree(data));
        return "43" + ackId + args;
    }

    /** {@code 40{"sid":...}}: the namespace connection is accepted. */
    public static String connected(String sid) {
        return "40" + MAPPER.createObjectNode().put("sid", sid);
    }

    /** {@code 44[/nsp,]{"message":...,"data":...}}: the namespace connection is refused. */
    public static String connectError(String namespace, String message, Object data) {
        var body = MAPPER.createObjectNode().put("message", message);
        if (data != null) {
            body.set("data", MAPPER.valueToTree(data));
        }
        return "44" + ("/".equals(namespace) ? "" : namespace + ",") + body;
    }

    /** {@code 41}: the server disconnects the socket (the client does not reconnect by itself). */
    public static String disconnect() {
        return "41";
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
