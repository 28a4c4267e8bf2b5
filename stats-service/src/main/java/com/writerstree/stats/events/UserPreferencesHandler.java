package com.writerstree.stats.events;

import com.writerstree.contracts.user.v1.UserEvents.UserPreferencesChanged;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.messaging.userdata.UserEventHandler;
import com.writerstree.stats.domain.AnalyticsService;
import com.writerstree.stats.domain.WriterClock;
import com.writerstree.stats.domain.WritingLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Map;

/**
 * user-events, through the shared consumer of platform-messaging ({@code writerstree.user-data.shared}): the writer's
 * clock (time zone and daily target, from the moment they change). The end of an account is
 * {@link com.writerstree.stats.domain.UserStatsData}'s: UserDeletionRequested needs nothing here (the numbers stay
 * until UserPurged; the 30-day grace period lets the account be restored with its history).
 */
@ApplicationScoped
public class UserPreferencesHandler implements UserEventHandler {

    static final String DAILY_WORD_GOAL = "dailyWordGoal";

    private final WritingLedger ledger;
    private final AnalyticsService analytics;

    public UserPreferencesHandler(WritingLedger ledger, AnalyticsService analytics) {
        this.ledger = ledger;
        this.analytics = analytics;
    }

    @Override
    public void handle(IntegrationEvent event) {
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
        }
    }

    /** The preference as identity-service sends it (an integer >= 0); anything else means "any words". */
    static int dailyWordGoal(Map<String, Object> preferences) {
        Object value = preferences == null ? null : preferences.get(DAILY_WORD_GOAL);
        return value instanceof Number n && n.intValue() > 0 ? n.intValue() : 0;
    }
}
