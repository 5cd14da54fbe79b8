package app.escalate.storage;

import app.escalate.commands.Level;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiOverrideStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId KENJI = new UserId("U0ESCKENJI");
    private static final UserId MARIA = new UserId("U0ESCMARIA");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void overrides_are_kept_listed_while_they_matter_and_removed_for_good(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiOverrideStore store = new JdbiOverrideStore(db.jdbi());
            ShiftOverride past = store.add(new ShiftOverride(0, "escalations", Level.PRIMARY, KENJI, T0.minusSeconds(7200), T0.minusSeconds(3600), MARIA, T0));
            ShiftOverride coming = store.add(new ShiftOverride(0, "escalations", Level.SECONDARY, KENJI, T0.plusSeconds(3600), T0.plusSeconds(7200), MARIA, T0));

            assertThat(coming.id()).isGreaterThan(past.id());
            assertThat(store.active(T0)).containsExactly(coming);
            assertThat(store.active(T0.minusSeconds(86_400))).containsExactly(past, coming);

            assertThat(store.remove(coming.id(), KENJI, T0)).contains(coming);
            assertThat(store.remove(coming.id(), KENJI, T0)).isEmpty();
            assertThat(store.active(T0)).isEmpty();
            ShiftOverride running = store.add(new ShiftOverride(0, "escalations", Level.PRIMARY, KENJI, T0.minusSeconds(600), T0.plusSeconds(600), MARIA, T0));
            assertThat(store.remove(running.id(), MARIA, T0)).contains(running);
            assertThat(store.active(T0.minusSeconds(3600))).singleElement().satisfies(o -> {
                assertThat(o.id()).isEqualTo(running.id());
                assertThat(o.until()).isEqualTo(T0);   // ended now; the ten minutes served stay on record
            });
            String removedBy = db.jdbi().withHandle(h -> h.createQuery("SELECT removed_by FROM oncall_overrides WHERE id = :id")
                    .bind("id", coming.id()).mapTo(String.class).one());
            assertThat(removedBy).as("kept for audit").isEqualTo(KENJI.value());
        }
    }
}
