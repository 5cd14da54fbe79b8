package app.escalate.storage;

import app.escalate.commands.HandoffDigest;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.handoff.NewShiftReminder;
import app.escalate.commands.handoff.ShiftReminder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiShiftReminderStoreTest {
    private static final Instant STARTS = Instant.parse("2026-11-24T16:00:00Z");
    private static final Instant AT = STARTS.minus(Duration.ofHours(1));
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId KENJI = new UserId("U0ESCKENJI");

    private static HandoffDigest preview(UserId incoming) {
        HandoffDigest.Header header = new HandoffDigest.Header("escalations", "Escalations on-call", Optional.of(new UserId("U0ESCAMARA")),
                incoming, STARTS, STARTS.minus(Duration.ofHours(8)), false, false, Optional.empty(), List.of());
        HandoffDigest.Section<HandoffDigest.CaseLine> none = new HandoffDigest.Section<>(List.of(), 0);
        return new HandoffDigest(header, 0, 1, none, List.of(), new HandoffDigest.Section<>(List.of(), 0),
                new HandoffDigest.Section<>(List.of(), 0), new HandoffDigest.Section<>(List.of(), 0), none, List.of(), AT);
    }

    private static NewShiftReminder reminder(UserId person) {
        return new NewShiftReminder("escalations", STARTS, person, AT, preview(person),
                id -> List.of(new SlackEffect.PostShiftReminder(id, person.value())));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_reminder_is_recorded_once_with_its_preview_and_its_message(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiShiftReminderStore store = new JdbiShiftReminderStore(db.jdbi());
            Outbox outbox = new Outbox(db.jdbi());
            assertThat(store.reminded("escalations", STARTS, MARIA)).isFalse();

            assertThat(store.record(reminder(MARIA))).isTrue();
            assertThat(new JdbiShiftReminderStore(db.jdbi()).record(reminder(MARIA))).as("another replica, same shift and person").isFalse();

            assertThat(store.reminded("escalations", STARTS, MARIA)).isTrue();
            assertThat(store.reminded("escalations", STARTS, KENJI)).isFalse();
            assertThat(outbox.backlog()).isEqualTo(1);
            ShiftReminder saved = store.find(1).orElseThrow();
            assertThat(saved.person()).isEqualTo(MARIA);
            assertThat(saved.startsAt()).isEqualTo(STARTS);
            assertThat(saved.remindedAt()).isEqualTo(AT);
            assertThat(saved.preview()).isEqualTo(preview(MARIA));

            assertThat(store.record(reminder(KENJI))).as("an override put someone else on the same shift").isTrue();
            assertThat(outbox.backlog()).isEqualTo(2);
        }
    }
}
