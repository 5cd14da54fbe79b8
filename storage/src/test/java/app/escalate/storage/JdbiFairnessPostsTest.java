package app.escalate.storage;

import app.escalate.commands.SlackEffect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiFairnessPostsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_month_is_posted_once_with_its_outbox_row_whoever_asks_again(DatabaseKind kind) {
        try (Database db = kind.open()) {
            List<SlackEffect> post = List.of(new SlackEffect.FairnessPost("escalations", ":scales: *On-call fairness*, November 2026"));

            assertThat(new JdbiFairnessPosts(db.jdbi()).monthlyPost(YearMonth.of(2026, 11), T0, post)).isTrue();
            assertThat(new JdbiFairnessPosts(db.jdbi()).monthlyPost(YearMonth.of(2026, 11), T0.plusSeconds(60), post))
                    .as("another replica, or after a restart").isFalse();
            assertThat(new JdbiFairnessPosts(db.jdbi()).monthlyPost(YearMonth.of(2026, 12), T0.plusSeconds(120), post)).isTrue();

            assertThat(new Outbox(db.jdbi()).backlog()).as("one post per month recorded").isEqualTo(2);
        }
    }
}
