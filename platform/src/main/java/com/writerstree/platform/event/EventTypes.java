package com.writerstree.platform.event;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * A registry of event types by wire name ({@link IntegrationEvent#type()}): what a consumer can decode. Each contract
 * module builds the one of its topic from its sealed topic interface ({@code ContentEvents.TYPES}) and offers it to
 * {@link #onClassPath()} through an {@link EventContract} service.
 */
public final class EventTypes {

    private static final class Discovered {
        // the contract modules this service was built with (its pom names only the topics it produces or reads)
        static final EventTypes ALL =
                union(ServiceLoader.load(EventContract.class, EventContract.class.getClassLoader()).stream()
                        .map(provider -> provider.get().types())
                        .toList());
    }

    private final Map<String, Class<? extends IntegrationEvent>> byName;

    private EventTypes(Map<String, Class<? extends IntegrationEvent>> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * The event types of one topic: the records a sealed topic interface permits (or {@code root} itself when it is a
     * record), by simple name.
     */
    public static EventTypes of(Class<? extends IntegrationEvent> root) {
        Map<String, Class<? extends IntegrationEvent>> byName = new LinkedHashMap<>();
        Class<?>[] permitted = root.isSealed() ? root.getPermittedSubclasses() : new Class<?>[] {root};
        Arrays.stream(permitted)
                .map(type -> type.asSubclass(IntegrationEvent.class))
                .forEach(type -> add(byName, type));
        return new EventTypes(byName);
    }

    /** The types of several registries; one wire name in two of them is a contract error. */
    public static EventTypes union(List<EventTypes> registries) {
        Map<String, Class<? extends IntegrationEvent>> byName = new LinkedHashMap<>();
        registries.forEach(registry -> registry.byName.values().forEach(type -> add(byName, type)));
        return new EventTypes(byName);
    }

    /**
     * Every event type of the contract modules on the class path. None is a build error of the service (a consumer
     * would skip every event as unknown without a word), so it fails loudly instead.
     */
    public static EventTypes onClassPath() {
        if (Discovered.ALL.byName.isEmpty()) {
            throw new IllegalStateException("No event contract module on the class path (META-INF/services/"
                    + EventContract.class.getName() + "): depend on the contracts/<topic>-events you publish or read");
        }
        return Discovered.ALL;
    }

    public Optional<Class<? extends IntegrationEvent>> find(String wireName) {
        return Optional.ofNullable(byName.get(wireName));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    private static void add(
            Map<String, Class<? extends IntegrationEvent>> byName, Class<? extends IntegrationEvent> type) {
        Class<? extends IntegrationEvent> clash = byName.putIfAbsent(type.getSimpleName(), type);
        if (clash != null && clash != type) {
            throw new IllegalStateException("Two event types share the wire name " + type.getSimpleName() + ": "
                    + clash.getName() + ", " + type.getName() + " (a new major gives its types new names)");
        }
    }
}
