package com.writerstree.export.domain.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.writerstree.export.client.PartFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The layout of the data export ZIP: {@code index.json} (machine-readable: per service its status, generatedAt, the
 * data file and the documents), then per service {@code <service>/data.json} (its {@code parts}) and its documents
 * below {@code <service>/} (e.g. {@code content-service/manuscripts/<title>-<id>.md}).
 */
public final class ArchiveZip {

    public static final String FORMAT = "writers-tree-user-export/1";

    /** Relative paths of letters, digits, '-', '_', '.', '/' without "..": nothing escapes the service's folder. */
    private static final Pattern SAFE_PATH = Pattern.compile("[\\p{L}\\p{N}_.\\-]+(/[\\p{L}\\p{N}_.\\-]+)*");

    private ArchiveZip() {}

    /** Writes the ZIP of {@code parts} (service name → the {@code data} of its answer) to {@code out}. */
    public static void write(
            OutputStream out,
            ObjectMapper json,
            UUID userId,
            UUID jobId,
            Instant generatedAt,
            Map<String, JsonNode> parts)
            throws IOException {
        ObjectMapper pretty = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode index = json.createObjectNode();
        index.put("format", FORMAT);
        index.put("userId", userId.toString());
        index.put("jobId", jobId.toString());
        index.put("generatedAt", generatedAt.toString());
        ObjectNode services = index.putObject("services");
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, JsonNode> part : parts.entrySet()) {
                String service = part.getKey();
                JsonNode data = part.getValue();
                ObjectNode entry = services.putObject(service);
                entry.put("status", "included");
                entry.set("generatedAt", data.path("generatedAt"));
                String dataFile = service + "/data.json";
                entry.put("data", dataFile);
                put(zip, dataFile, pretty.writeValueAsBytes(data.path("parts")));
                ArrayNode files = entry.putArray("files");
                Set<String> seen = new LinkedHashSet<>();
                for (JsonNode file : data.path("files")) {
                    String path = file.path("path").asText("");
                    if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || !seen.add(path)) {
                        throw new PartFetcher.MissingPart(service, "unsafe or repeated file path");
                    }
                    String name = service + "/" + path;
                    put(zip, name, file.path("text").asText("").getBytes(StandardCharsets.UTF_8));
                    ObjectNode listed = files.addObject();
                    listed.put("path", name);
                    listed.put("mediaType", file.path("mediaType").asText("application/octet-stream"));
                }
            }
            put(zip, "index.json", pretty.writeValueAsBytes(index));
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
