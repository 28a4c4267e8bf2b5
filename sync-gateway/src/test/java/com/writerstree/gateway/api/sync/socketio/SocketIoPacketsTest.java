package com.writerstree.gateway.api.sync.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.gateway.domain.sync.SyncService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Engine.IO v4 / Socket.IO v5 text formats, checked against the examples of the protocol documents. */
class SocketIoPacketsTest {

    @Test
    void payloadsSplitAndJoinOnTheRecordSeparator() {
        assertEquals(List.of("4hello", "2", "40"), SocketIoPackets.splitPayload("4hello\u001e2\u001e40"));
        assertEquals("4a\u001e4b", SocketIoPackets.joinPayload(List.of("4a", "4b")));
        assertEquals(List.of("3"), SocketIoPackets.splitPayload("3"));
    }

    @Test
    void parsesConnectEventAckAndNamespaces() {
        var connect = SocketIoPackets.parse("0{\"token\":\"abc\"}").orElseThrow();
        assertEquals(0, connect.type());
        assertEquals("/", connect.namespace());
        assertEquals("abc", connect.data().path("token").asText());

        var plain = SocketIoPackets.parse("0").orElseThrow();
        assertNull(plain.data());

        var event = SocketIoPackets.parse("212[\"sync:content\",{\"projectId\":\"p\"}]")
                .orElseThrow();
        assertEquals(2, event.type());
        assertEquals(12L, event.ackId());
        assertEquals("sync:content", event.data().get(0).asText());

        var admin = SocketIoPackets.parse("2/admin,5[\"x\"]").orElseThrow();
        assertEquals("/admin", admin.namespace());
        assertEquals(5L, admin.ackId());

        var binary = SocketIoPackets.parse("51-[\"up\",{\"_placeholder\":true,\"num\":0}]")
                .orElseThrow();
        assertEquals(5, binary.type());
        assertEquals(1, binary.attachments());

        assertTrue(SocketIoPackets.parse("2[\"x\"").isEmpty());
        assertTrue(SocketIoPackets.parse("9").isEmpty());
        assertTrue(SocketIoPackets.parse("").isEmpty());
    }

    @Test
    void encodesServerPackets() {
        assertEquals("42[\"sync:update\",{\"v\":1}]", SocketIoPackets.event("sync:update", Map.of("v", 1)));
        assertEquals("437[{\"version\":3}]", SocketIoPackets.ack(7, Map.of("version", 3)));
        assertEquals("40{\"sid\":\"s1\"}", SocketIoPackets.connected("s1"));
        assertEquals(
                "44/admin,{\"message\":\"Invalid namespace\"}",
                SocketIoPackets.connectError("/admin", "Invalid namespace", null));
        assertEquals("41", SocketIoPackets.disconnect());
    }

    @Test
    void acknowledgementsCarryTheReplyDataErrorsAndConflictsWrapped() {
        assertEquals(
                Map.of("version", 2),
                SocketIoServer.ackPayload(SyncService.Reply.of("sync:ack", Map.of("version", 2))));
        assertEquals(
                Map.of("error", Map.of("code", "X")),
                SocketIoServer.ackPayload(SyncService.Reply.of("error", Map.of("code", "X"))));
        assertEquals(
                Map.of("conflict", Map.of("serverVersion", 3)),
                SocketIoServer.ackPayload(SyncService.Reply.of("sync:conflict", Map.of("serverVersion", 3))));
        assertEquals(Map.of(), SocketIoServer.ackPayload(null));
    }
}
