package com.writerstree.stats.events;

import com.writerstree.contracts.user.v1.UserEvents.UserPreferencesChanged;
import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.platform.messaging.PurgeReceipts;
import com.writerstree.stats.domain.AnalyticsService;
import com.writerstree.stats.domain.WriterClock;
import com.writerstree.stats.domain.WritingLedger;
import com.writerstree.stats.persistence.AnalyticsRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The writer's clock (time zone and daily target, from the moment they change) and the end of an account: on
 * UserPurged the user's rows are deleted, their analytics anonymised and the purge receipt recorded, in one
 * transaction.
 * UserDeletionRequested needs nothing here: the numbers stay until UserPurged (the 30-day grace period lets the
 * account be restored with its history).
 */
@ApplicationScoped
public class UserEventsConsumer {

    static final String DAILY_WORD_GOAL = "dailyWordGoal";

    private final InboundEvents inbound;
    private final WritingLedger ledger;
    private final AnalyticsService analytics;
    private final AnalyticsRepository analyticsRows;
    private final PurgeReceipts receipts;

    public UserEventsConsumer(
            InboundEvents inbound,
            WritingLedger ledger,
            AnalyticsService analytics,
            AnalyticsRepository analyticsRows,
            PurgeReceipts receipts) {
        this.inbound = inbound;
        this.ledger = ledger;
        this.analytics = analytics;
        this.analyticsRows = analyticsRows;
        this.receipts = receipts;
    }

    @Incoming("user-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(ContentEventsConsumer.CONSUMER, json, event -> {
            if (event instanceof UserPreferencesChanged e) {
                ZoneId zone = WriterClock.zoneOrUtc(e.timezone());
                int goal = dailyWordGoal(e.preferences());
                ledger.settingsChanged(e.userId(), e.occurredAt(), zone, goal);
                analytics.recordFact(
                        e.eventId(),
                        e.userId(),
                        "settings_changed",
                        Map.of("timezone", zone.getId(), DAILY_WORD_GOAL, goal),
                        e.occurredAt());
            } else if (event instanceof UserPurged e) {
                ledger.purge(e.userId());
                analyticsRows.forget(e.userId());
                receipts.complete(e.eventId(), e.userId());
            }
        });
    }

    /** The preference as identity-service sends it (an integer >= 0); anything else means "any words". */
    static int dailyWordGoal(Map<String, Object> preferences) {
        Object value = preferences == null ? null : preferences.get(DAILY_WORD_GOAL);
        return value instanceof Number n && n.intValue() > 0 ? n.intValue() : 0;
    }
}
