package app.escalate.storage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiEventLogTest {
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void an_event_is_new_once_and_forgotten_after_three_days(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiEventLog log = new JdbiEventLog(db.jdbi());

            assertThat(log.firstTime("Ev1", T0)).isTrue();
            assertThat(log.firstTime("Ev1", T0.plusSeconds(30))).as("Slack's retry").isFalse();
            assertThat(log.firstTime("Ev2", T0.plusSeconds(31))).isTrue();
            assertThat(log.firstTime("Ev3", T0.plus(Duration.ofDays(4)))).isTrue();
            assertThat(log.firstTime("Ev1", T0.plus(Duration.ofDays(4)))).as("long forgotten").isTrue();
        }
    }
}
