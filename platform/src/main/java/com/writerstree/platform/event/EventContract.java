package com.writerstree.platform.event;

/**
 * The service ({@link java.util.ServiceLoader}) a contract module registers in
 * {@code META-INF/services/com.writerstree.platform.event.EventContract}: its topic's event types, so that a service
 * decodes exactly the topics whose contract modules it depends on.
 */
public interface EventContract {

    EventTypes types();
}
