package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of content-service while 50 writers save concurrently (issue #8, fault suite): after it is started again,
 * every acknowledged save is there (the stored text is the last acknowledged one, or the one whose answer was
 * lost in the kill — never an older one, never a mix), and no save was answered with a 500.
 */
@Tag("fault")
class ContentServiceKillFaultIT {

    private record Writer(String token, String projectId) {}

    private record Ack(int version, String text) {}

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyAcknowledgedSaveSurvivesAKill9() throws Exception {
        assumeTrue(Faults.managed("content-service"), "content-service was not started by deploy/stack.sh");
        List<Writer> writers = new ArrayList<>();
        for (int u = 0; u < 10; u++) { // free tier: 5 projects a user
            TestUsers.TestUser user = TestUsers.register();
            for (int p = 0; p < 5; p++) {
                writers.add(new Writer(user.token(), Gateway.createProject(user.token(), "Fault " + p, 1000)));
            }
        }
        Map<String, Ack> acked = new ConcurrentHashMap<>();
        Map<String, String> inFlight = new ConcurrentHashMap<>();
        Map<String, String> refusals = new ConcurrentHashMap<>();
        CountDownLatch everyoneSaved = new CountDownLatch(writers.size());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            for (Writer w : writers) {
                pool.submit(() -> {
                    int version = 0;
                    try {
                        while (!stop.get()) {
                            String text = "Project " + w.projectId() + ", save " + (version + 1) + ". It rained.";
                            inFlight.put(w.projectId(), text);
                            Response r;
                            try {
                                r = Gateway.saveContentRaw(w.token(), w.projectId(), text, version, null);
                            } catch (RuntimeException e) {
                                refusals.put(w.projectId(), "no answer: " + e);
                                break;
                            }
                            if (r.statusCode() != 200) {
                                refusals.put(w.projectId(), r.statusCode() + " " + r.asString());
                                break;
                            }
                            int saved = r.jsonPath().getInt("data.version");
                            acked.put(w.projectId(), new Ack(saved, text));
                            if (version == 0) {
                                // phase 1 -> 2: nobody keeps saving until every writer has one save, so a slow
                                // starter is never crowded out of its user's request budget by the others
                                everyoneSaved.countDown();
                                everyoneSaved.await(60, TimeUnit.SECONDS);
                            }
                            version = saved;
                        }
                    } finally {
                        if (version == 0 && !acked.containsKey(w.projectId())) {
                            everyoneSaved.countDown(); // refused before its first save: reported below
                        }
                    }
                    return null;
                });
            }
            assertTrue(everyoneSaved.await(60, TimeUnit.SECONDS), "every writer had a first answer");
            assertEquals(
                    writers.size(),
                    acked.size(),
                    () -> "every writer saved once before the kill; refused: " + refusals);
            Faults.kill9("content-service");
            stop.set(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "writers stopped");
        } finally {
            stop.set(true);
            pool.shutdownNow();
            Faults.start("content-service");
        }

        // back: content-service answers its health check, but the gateway's circuit to it may still be open for its
        // delay (5 s) after the kill; the reads below go through the gateway, so wait until it serves content again
        Writer probe = writers.get(0);
        org.awaitility.Awaitility.await("the gateway serves content-service again")
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> Gateway.getProject(probe.token(), probe.projectId())
                                .jsonPath()
                                .get("data.content.version")
                        != null);

        // refusals while it was down: in the envelope, never a 500
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            String answer = refusal.getValue();
            assertFalse(answer.startsWith("500"), "500 for " + refusal.getKey() + ": " + answer);
            if (!answer.startsWith("no answer")) {
                assertTrue(answer.contains("\"success\":false") && answer.contains("\"code\""), answer);
            }
        }
        int lostAnswers = 0;
        for (Writer w : writers) {
            Ack ack = acked.get(w.projectId());
            Gateway.StoredContent stored = Gateway.storedContent(w.token(), w.projectId());
            if (stored.version() == ack.version()) {
                assertEquals(ack.text(), stored.text(), "acknowledged text of " + w.projectId());
            } else {
                // the save in flight at the kill was stored, its answer lost: the next version, its exact text
                assertEquals(ack.version() + 1, stored.version(), "no acknowledged save lost: " + w.projectId());
                assertEquals(inFlight.get(w.projectId()), stored.text());
                lostAnswers++;
            }
        }
        System.out.printf(
                "content-service kill -9: %d writers, %d acknowledged saves, %d stored without answer, %d refused%n",
                writers.size(), acked.values().stream().mapToInt(Ack::version).sum(), lostAnswers, refusals.size());
    }
}
