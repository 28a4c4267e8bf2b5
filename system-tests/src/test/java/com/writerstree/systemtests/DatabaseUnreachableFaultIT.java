package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The database goes away and comes back (issue #8, fault suite). The PostgreSQL server is shared by every stack
 * on the machine, so it is not restarted: the stack's own database stops accepting connections and its open
 * connections are terminated ({@link Faults#blockDatabase()}), which is what the services see of a restart.
 * Requests in between get 503 in the §7.1 envelope, never a 500; afterwards the services recover by
 * themselves (no restart) and what was saved before is intact. The CI variant ({@code deploy/fault.sh}) does
 * the same against its own stack's database.
 */
@Tag("fault")
class DatabaseUnreachableFaultIT {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void servicesAnswer503WhileTheDatabaseIsUnreachableAndRecoverByThemselves() throws Exception {
        TestUsers.TestUser user = TestUsers.register();
        String project = Gateway.createProject(user.token(), "Outage", 1000);
        Gateway.saveContent(user.token(), project, "Written before the outage.", 0);

        List<Supplier<Response>> requests = List.of(
                () -> Gateway.api(user.token()).get("/projects"),
                () -> Gateway.api(user.token()).get("/projects/{id}/content", project),
                () -> Gateway.saveContentRaw(user.token(), project, "Written during the outage.", 1, null));
        List<String> answers = new ArrayList<>();
        Faults.blockDatabase();
        try {
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int unavailable = 0;
            while (System.nanoTime() < until && unavailable < 3 * requests.size()) {
                for (Supplier<Response> request : requests) {
                    Response r = request.get();
                    answers.add(r.statusCode() + " " + r.asString());
                    assertTrue(r.statusCode() != 500, "a 500 while the database is unreachable: " + r.asString());
                    if (r.statusCode() == 503) {
                        assertEquals(false, r.jsonPath().getBoolean("success"), r.asString());
                        assertTrue(r.jsonPath().getString("error.code") != null, r.asString());
                        unavailable++;
                    }
                }
            }
            assertTrue(unavailable >= requests.size(), "503s while the database was unreachable: " + answers);
        } finally {
            Faults.unblockDatabase();
        }

        // recovery by themselves: within a minute every request works again
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean recovered = false;
        while (!recovered && System.nanoTime() < until) {
            recovered = Gateway.api(user.token()).get("/projects").statusCode() == 200
                    && Gateway.api(user.token())
                                    .get("/projects/{id}/content", project)
                                    .statusCode()
                            == 200;
            if (!recovered) {
                Thread.sleep(500);
            }
        }
        assertTrue(recovered, "the services did not recover by themselves");
        Gateway.StoredContent stored = Gateway.storedContent(user.token(), project);
        assertEquals(1, stored.version(), "the save refused during the outage was not stored");
        assertEquals("Written before the outage.", stored.text());
        Gateway.saveContent(user.token(), project, "Written after the outage.", 1);
    }

    // Redis down and S3 down: RedisDownFaultIT and S3DownFaultIT (the stack's own engines, REDIS_PORT / S3_PORT).
}
