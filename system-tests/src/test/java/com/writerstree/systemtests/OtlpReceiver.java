package com.writerstree.systemtests;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OTLP/HTTP trace receiver for system tests: accepts {@code POST /v1/traces} (protobuf
 * {@code ExportTraceServiceRequest}, optionally gzip) on 127.0.0.1 and keeps every span's ids, name, kind and the
 * {@code service.name} of its resource. Only the few protobuf fields a trace test needs are decoded (by number, as
 * the OTLP .proto defines them), so no generated classes are needed.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span. Ids are lower-case hex; {@code parentSpanId} is empty for a root span. */
    record Span(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
        static final int SERVER = 2;
        static final int CLIENT = 3;
        static final int PRODUCER = 4;
        static final int CONSUMER = 5;
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                InputStream body = exchange.getRequestBody();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(body);
                }
                byte[] bytes = body.readAllBytes();
                if ("POST".equals(exchange.getRequestMethod())
                        && exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                    decodeRequest(bytes);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, 0); // an empty ExportTraceServiceResponse
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            }
        });
        server.start();
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    List<Span> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ------------------------------------------------------------------ protobuf, the fields needed only

    private void decodeRequest(byte[] request) {
        for (Field f : fields(request)) {
            if (f.number == 1 && f.bytes != null) { // resource_spans
                decodeResourceSpans(f.bytes);
            }
        }
    }

    private void decodeResourceSpans(byte[] resourceSpans) {
        String service = "";
        List<byte[]> scopeSpans = new ArrayList<>();
        for (Field f : fields(resourceSpans)) {
            if (f.number == 1 && f.bytes != null) { // resource
                service = serviceName(f.bytes);
            } else if (f.number == 2 && f.bytes != null) { // scope_spans
                scopeSpans.add(f.bytes);
            }
        }
        for (byte[] scope : scopeSpans) {
            for (Field f : fields(scope)) {
                if (f.number == 2 && f.bytes != null) { // spans
                    spans.add(span(service, f.bytes));
                }
            }
        }
    }

    private static String serviceName(byte[] resource) {
        for (Field attribute : fields(resource)) {
            if (attribute.number != 1 || attribute.bytes == null) { // attributes (KeyValue)
                continue;
            }
            String key = null;
            String value = null;
            for (Field kv : fields(attribute.bytes)) {
                if (kv.number == 1 && kv.bytes != null) {
                    key = new String(kv.bytes, StandardCharsets.UTF_8);
                } else if (kv.number == 2 && kv.bytes != null) { // AnyValue
                    for (Field any : fields(kv.bytes)) {
                        if (any.number == 1 && any.bytes != null) { // string_value
                            value = new String(any.bytes, StandardCharsets.UTF_8);
                        }
                    }
                }
            }
            if ("service.name".equals(key) && value != null) {
                return value;
            }
        }
        return "";
    }

    private static Span span(String service, byte[] span) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        for (Field f : fields(span)) {
            switch (f.number) {
                case 1 -> traceId = HexFormat.of().formatHex(f.bytes);
                case 2 -> spanId = HexFormat.of().formatHex(f.bytes);
                case 4 -> parent = HexFormat.of().formatHex(f.bytes);
                case 5 -> name = new String(f.bytes, StandardCharsets.UTF_8);
                case 6 -> kind = (int) f.varint;
                default -> {}
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind);
    }

    /** One field of a message: its number and either its varint value or its length-delimited bytes. */
    private record Field(int number, long varint, byte[] bytes) {}

    private static List<Field> fields(byte[] message) {
        List<Field> out = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(message);
        while (in.available() > 0) {
            long tag = varint(in);
            int number = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            switch (wire) {
                case 0 -> out.add(new Field(number, varint(in), null));
                case 1 -> out.add(new Field(number, 0, take(in, 8)));
                case 2 -> {
                    int length = (int) varint(in);
                    out.add(new Field(number, 0, take(in, length)));
                }
                case 5 -> out.add(new Field(number, 0, take(in, 4)));
                default -> throw new IllegalArgumentException("unsupported wire type " + wire);
            }
        }
        return out;
    }

    private static byte[] take(ByteArrayInputStream in, int length) {
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException("truncated field");
        }
        byte[] bytes = new byte[length];
        in.readNBytes(bytes, 0, length);
        return bytes;
    }

    private static long varint(ByteArrayInputStream in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new IllegalArgumentException("truncated varint");
            }
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }
}
