package com.writerstree.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.EventTypes;
import com.writerstree.platform.event.IntegrationEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compatibility checks of an event contract module (docs/CONTRACTS.md, "The recorded-events test"), run by a
 * test of the module that names its topic's registry:
 *
 * <pre>class ContentEventsCompatibilityTest extends RecordedEventsCompatibility {
 *     ContentEventsCompatibilityTest() { super(ContentEvents.TOPIC, ContentEvents.TYPES, "projectId"); }
 * }</pre>
 *
 * Its test resources hold, per released contract version, the events as that release encoded them:
 * {@code recorded/<release>/<Type>.json}. A consumer built with an older release keeps working when (a) every
 * recorded event still decodes with the current records and keeps its values, (b) the current encoding of every
 * type still holds every field a release recorded, with the same JSON type, (c) fields it does not know (added by a
 * newer producer) are ignored, (d) event types it does not know are skipped.
 */
public abstract class RecordedEventsCompatibility {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final EventTypes types;
    private final String keyField;

    /** {@code keyField}: the field every event of the topic is keyed by (its aggregate: {@code projectId}, ...). */
    protected RecordedEventsCompatibility(String topic, EventTypes types, String keyField) {
        this.topic = topic;
        this.types = types;
        this.keyField = keyField;
    }

    /** One recorded event: {@code recorded/<release>/<Type>.json}. */
    protected record Recorded(String release, String type, ObjectNode json) {
        @Override
        public String toString() {
            return release + "/" + type;
        }
    }

    @Test
    public void everyRecordedEventIsATypeOfThisTopic() {
        List<Recorded> recorded = recorded();
        assertFalse(recorded.isEmpty(), "no recorded events in src/test/resources/recorded/<release>/<Type>.json");
        for (Recorded event : recorded) {
            assertEquals(event.type(), event.json().path("type").asText(), event + ": file name and \"type\"");
            assertTrue(types.find(event.type()).isPresent(), event + ": a released event type is gone");
        }
    }

    @Test
    public void everyTypeGoesToTheTopicKeyedByItsAggregateAndIsFoundByTheServicesThatDependOnTheModule() {
        assertFalse(types.names().isEmpty());
        for (String name : types.names()) {
            Class<? extends IntegrationEvent> type = types.find(name).orElseThrow();
            IntegrationEvent sample = sample(type);
            assertEquals(topic, sample.topic(), name);
            assertEquals(parse(EventCodec.encode(sample)).path(keyField).asText(), sample.key(), name + " key");
            assertEquals(type, EventTypes.onClassPath().find(name).orElse(null), name + " through META-INF/services");
        }
    }

    @Test
    public void everyRecordedEventDecodesWithTheCurrentRecordsAndKeepsItsValues() {
        List<String> problems = new ArrayList<>();
        for (Recorded event : recorded()) {
            problems.addAll(lostValues(event, event.json()));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    public void theCurrentEncodingOfEveryTypeKeepsEveryRecordedFieldWithItsJsonType() {
        List<String> problems = new ArrayList<>();
        for (Recorded event : recorded()) {
            Class<? extends IntegrationEvent> type = types.find(event.type()).orElseThrow();
            JsonNode current = parse(EventCodec.encode(sample(type)));
            event.json().properties().forEach(field -> {
                JsonNode now = current.get(field.getKey());
                if (now == null) {
                    problems.add(event + ": field " + field.getKey() + " is no longer sent");
                } else if (!field.getValue().isNull() && !kind(now).equals(kind(field.getValue()))) {
                    problems.add(event + ": field " + field.getKey() + " was " + kind(field.getValue()) + ", is now "
                            + kind(now));
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    public void anEventOfANewerProducerWithFieldsThisBuildDoesNotKnowDecodes() {
        List<String> problems = new ArrayList<>();
        for (Recorded event : recorded()) {
            ObjectNode newer = event.json().deepCopy();
            newer.put("fieldOfANewerRelease", "ignored");
            newer.putObject("objectOfANewerRelease").putArray("items").add(1).add("two");
            problems.addAll(lostValues(event, newer));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    public void anEventTypeThisBuildDoesNotKnowDecodesToEmpty() {
        for (Recorded event : recorded()) {
            ObjectNode unknown = event.json().deepCopy();
            unknown.put("type", event.type() + "FromANewerRelease");
            assertTrue(EventCodec.decode(unknown.toString(), types).isEmpty(), event + " with an unknown type");
        }
    }

    /**
     * What decoding {@code json} (the recorded event, perhaps with more fields) with the current records loses of
     * the recorded event: its type, or a field's value.
     */
    protected List<String> lostValues(Recorded event, ObjectNode json) {
        IntegrationEvent decoded = EventCodec.decode(json.toString(), types).orElse(null);
        if (decoded == null) {
            return List.of(event + " does not decode");
        }
        if (!decoded.type().equals(event.type())) {
            return List.of(event + " decodes as " + decoded.type());
        }
        JsonNode again = parse(EventCodec.encode(decoded));
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : event.json().properties()) {
            if (!field.getValue().equals(again.get(field.getKey()))) {
                lost.add(event + ": " + field.getKey() + " was " + field.getValue() + ", decodes as "
                        + again.get(field.getKey()));
            }
        }
        return lost;
    }

    /** The recorded events of every release, from the test class path. */
    protected List<Recorded> recorded() {
        URL root = getClass().getClassLoader().getResource("recorded");
        assertNotNull(root, "no src/test/resources/recorded directory");
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .map(file -> new Recorded(
                            file.getParent().getFileName().toString(),
                            file.getFileName().toString().replaceFirst("\\.json$", ""),
                            (ObjectNode) parse(read(file))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An event of {@code type} as the current records encode it, every field set (through the canonical constructor). */
    protected static IntegrationEvent sample(Class<? extends IntegrationEvent> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            return fail(type.getName() + " is not a record");
        }
        Class<?>[] parameterTypes = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            values[i] = sampleValue(type, components[i], i);
        }
        try {
            return type.getDeclaredConstructor(parameterTypes).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a " + type.getName(), e);
        }
    }

    private static Object sampleValue(Class<?> event, RecordComponent component, int position) {
        Class<?> type = component.getType();
        if (type == UUID.class) {
            return new UUID(0x5a3d1e0000004000L, 0x8000000000000000L + position); // one per field: keys are told apart
        } else if (type == Instant.class) {
            return Instant.parse("2027-01-02T03:04:05.678Z");
        } else if (type == LocalDate.class) {
            return LocalDate.parse("2027-01-02");
        } else if (type == String.class) {
            return "sample";
        } else if (type == int.class || type == Integer.class) {
            return 7;
        } else if (type == long.class || type == Long.class) {
            return 7L;
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type == double.class || type == Double.class) {
            return 7.5;
        } else if (Map.class.isAssignableFrom(type)) {
            return Map.of("sample", "value");
        } else if (List.class.isAssignableFrom(type)) {
            return List.of("sample");
        }
        return fail("no sample value for " + event.getSimpleName() + "." + component.getName() + " (" + type.getName()
                + "): add one to RecordedEventsCompatibility");
    }

    private static String kind(JsonNode node) {
        if (node.isIntegralNumber()) {
            return "an integer";
        } else if (node.isNumber()) {
            return "a fraction";
        }
        return node.getNodeType().name().toLowerCase();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Malformed JSON: " + json, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
