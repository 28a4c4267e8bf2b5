package com.writerstree.stats.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnalyticsScrubberTest {

    private static final UUID USER = UUID.fromString("6f1c2b0e-1d2a-4c3b-9e8f-0a1b2c3d4e5f");

    @Test
    void stringsAndKeysNamingTheUserOrAnAddressGo() {
        String json = "{\"zoom\":2,\"to\":\"Ann.Lee@Example.org\",\"note\":\"user "
                + USER.toString().toUpperCase() + " said hi\",\""
                + USER.toString().replace("-", "") + "\":true,\"nested\":{\"list\":[\"ok\",\"mail me: a@b.co\",3]}}";
        assertEquals(
                "{\"zoom\":2,\"to\":\"[removed]\",\"note\":\"[removed]\",\"nested\":{\"list\":[\"ok\",\"[removed]\",3]}}",
                AnalyticsScrubber.scrub(json, USER));
    }

    @Test
    void dataWithoutTheUserIsKeptAsItIs() {
        assertEquals(
                "{\"projectId\":\"00000000-0000-0000-0000-000000000001\",\"at\":\"10:00\",\"flag\":false}",
                AnalyticsScrubber.scrub(
                        "{\"projectId\":\"00000000-0000-0000-0000-000000000001\",\"at\":\"10:00\",\"flag\":false}",
                        USER));
        assertEquals("{}", AnalyticsScrubber.scrub(null, USER));
        assertEquals("{}", AnalyticsScrubber.scrub("not json", USER));
    }
}
