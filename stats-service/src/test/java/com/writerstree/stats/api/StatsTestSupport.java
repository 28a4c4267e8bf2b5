package com.writerstree.stats.api;

import static io.restassured.RestAssured.given;

import com.writerstree.contracts.user.v1.UserEvents.UserPreferencesChanged;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Publishing the suite's events like their producers' relays do, and reading stats like a client does. */
final class StatsTestSupport {

    private StatsTestSupport() {}

    static void publish(IntegrationEvent... events) {
        for (IntegrationEvent e : events) {
            LocalKafka.publish(e);
        }
    }

    static UserPreferencesChanged zone(UUID user, String zone, int dailyWordGoal, Instant at) {
        return new UserPreferencesChanged(
                UUID.randomUUID(), at, user, zone, Map.of("timezone", zone, "dailyWordGoal", dailyWordGoal));
    }

    static JsonPath userStats(UUID user, String period) {
        return given().auth()
                .oauth2(TestTokens.forUser(user))
                .queryParam("period", period)
                .when()
                .get("/users/me/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static JsonPath projectStats(UUID user, UUID project) {
        return given().auth()
                .oauth2(TestTokens.forUser(user))
                .when()
                .get("/projects/" + project + "/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
