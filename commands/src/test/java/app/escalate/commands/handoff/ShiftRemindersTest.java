package app.escalate.commands.handoff;

import app.escalate.commands.ChannelId;
import app.escalate.commands.HandClock;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Level;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shift reminders on the example policy ({@code remind_before: 1h}). On Tuesday 24 November 2026
 * Amara holds London's shift until Los Angeles (Maria this week) takes over at 16:00 UTC; Kenji
 * takes Tokyo's at 23:00 UTC.
 */
class ShiftRemindersTest {
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId KENJI = new UserId("U0ESCKENJI");
    private static final UserId AMARA = new UserId("U0ESCAMARA");
    private static final UserId PRIYA = new UserId("U0ESCPRIYA");
    private static final Instant LA_MORNING = Instant.parse("2026-11-24T16:00:00Z");

    private final HandClock clock = new HandClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final Policy policy = PolicyLoader.builtIn();
    private final InMemoryCaseStore cases = new InMemoryCaseStore();
    private final InMemoryHandoffStore handoffs = new InMemoryHandoffStore();
    private final InMemoryOverrideStore overrides = new InMemoryOverrideStore();
    private final Reminders store = new Reminders();
    private final ShiftReminders reminders = new ShiftReminders(store, new HandoffDigests(cases, handoffs, policy),
            new OnCall(policy, overrides), clock);
    private final EscCommands commands = new EscCommands(cases, overrides, handoffs, new InMemoryDraftStore(), policy, clock);

    @Test
    void the_incoming_person_is_reminded_once_an_hour_before_their_shift_with_a_preview_of_its_digest() {
        open(AMARA, "open Refund scam spreading sev2");
        open(PRIYA, "open Subpoena for account records type:regulatory-request");

        runUntil(Instant.parse("2026-11-24T14:59:45Z"));
        assertThat(store.saved).isEmpty();

        runUntil(Instant.parse("2026-11-24T15:30:00Z"));

        assertThat(store.saved).singleElement().satisfies(r -> {
            assertThat(r.rotation()).isEqualTo("escalations");
            assertThat(r.person()).isEqualTo(MARIA);
            assertThat(r.startsAt()).isEqualTo(LA_MORNING);
            assertThat(r.remindedAt()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
            HandoffDigest preview = r.preview();
            assertThat(preview.header().incoming()).isEqualTo(MARIA);
            assertThat(preview.header().outgoing()).contains(AMARA);
            assertThat(preview.header().dueAt()).isEqualTo(LA_MORNING);
            // What Maria's own digest will show: the open case, and the restricted one only as a count.
            assertThat(preview.bySeverity()).flatExtracting(g -> g.cases().shown()).extracting(HandoffDigest.CaseLine::title)
                    .containsExactly("Refund scam spreading");
            assertThat(preview.restrictedHidden()).isEqualTo(1);
        });
        assertThat(store.effects).containsExactly(new SlackEffect.PostShiftReminder(1, MARIA.value()));
    }

    @Test
    void nobody_is_reminded_twice_and_each_boundary_gets_its_own_reminder() {
        runUntil(Instant.parse("2026-11-25T00:00:00Z"));

        assertThat(store.saved).extracting(ShiftReminder::person, ShiftReminder::startsAt, ShiftReminder::remindedAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MARIA, LA_MORNING, Instant.parse("2026-11-24T15:00:00Z")),
                org.assertj.core.groups.Tuple.tuple(KENJI, Instant.parse("2026-11-24T23:00:00Z"), Instant.parse("2026-11-24T22:00:00Z")));
        assertThat(store.refusedTwice).isZero();
    }

    @Test
    void a_reminder_due_while_the_bot_was_down_is_sent_late_but_not_once_the_shift_has_begun() {
        clock.set(Instant.parse("2026-11-24T15:50:00Z"));
        reminders.sweep();
        assertThat(store.saved).extracting(ShiftReminder::person, ShiftReminder::remindedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MARIA, Instant.parse("2026-11-24T15:50:00Z")));

        Reminders afterTheStart = new Reminders();
        clock.set(Instant.parse("2026-11-24T16:00:01Z"));
        new ShiftReminders(afterTheStart, new HandoffDigests(cases, handoffs, policy), new OnCall(policy, overrides), clock).sweep();
        assertThat(afterTheStart.saved).isEmpty();
    }

    @Test
    void an_override_over_the_boundary_reminds_whoever_will_really_take_over() {
        overrides.add(new ShiftOverride(0, "escalations", Level.PRIMARY, KENJI, Instant.parse("2026-11-24T16:00:00Z"),
                Instant.parse("2026-11-24T20:00:00Z"), KENJI, clock.instant()));

        runUntil(Instant.parse("2026-11-24T19:30:00Z"));

        // Kenji instead of Maria at 16:00, then Maria when his override ends.
        assertThat(store.saved).extracting(ShiftReminder::person, ShiftReminder::startsAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(KENJI, LA_MORNING),
                org.assertj.core.groups.Tuple.tuple(MARIA, Instant.parse("2026-11-24T20:00:00Z")));
    }

    @Test
    void an_override_set_after_the_reminder_gets_the_new_person_their_own() {
        runUntil(Instant.parse("2026-11-24T15:10:00Z"));
        overrides.add(new ShiftOverride(0, "escalations", Level.PRIMARY, KENJI, LA_MORNING,
                Instant.parse("2026-11-24T20:00:00Z"), KENJI, clock.instant()));

        runUntil(Instant.parse("2026-11-24T15:20:00Z"));

        assertThat(store.saved).extracting(ShiftReminder::person, ShiftReminder::startsAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MARIA, LA_MORNING),
                org.assertj.core.groups.Tuple.tuple(KENJI, LA_MORNING));
    }

    @Test
    void a_rotation_without_remind_before_reminds_nobody() {
        Policy without = policy(yaml -> yaml.replaceAll("    remind_before: 1h[^\\n]*\\n", ""));
        Reminders none = new Reminders();
        ShiftReminders sweep = new ShiftReminders(none, new HandoffDigests(cases, handoffs, without), new OnCall(without, overrides), clock);

        clock.set(Instant.parse("2026-11-24T15:30:00Z"));
        sweep.sweep();

        assertThat(none.saved).isEmpty();
    }

    @Test
    void whoever_carries_on_into_the_weekend_is_reminded_of_it_too() {
        // Maria's turn of weekends falls on the one after her AMER week: at 17:00 on Friday she carries on.
        Policy mariasWeekend = policy(yaml -> yaml.replace("primary: [U0ESCMARIA, U0ESCAMARA, U0ESCKENJI, U0ESCLUCAS]",
                "primary: [U0ESCAMARA, U0ESCKENJI, U0ESCLUCAS, U0ESCMARIA]"));
        Reminders weekend = new Reminders();
        ShiftReminders sweep = new ShiftReminders(weekend, new HandoffDigests(cases, handoffs, mariasWeekend),
                new OnCall(mariasWeekend, overrides), clock);

        clock.set(Instant.parse("2026-11-28T00:00:00Z"));   // Friday 16:00 in Los Angeles, Maria on call
        sweep.sweep();
        clock.advance(Duration.ofMinutes(30));
        sweep.sweep();

        assertThat(weekend.saved).singleElement().satisfies(r -> {
            assertThat(r.person()).isEqualTo(MARIA);
            assertThat(r.startsAt()).isEqualTo(Instant.parse("2026-11-28T01:00:00Z"));
            assertThat(r.preview().header().weekend()).isTrue();
            assertThat(r.preview().header().outgoing()).contains(MARIA);
        });
    }

    private static Policy policy(java.util.function.UnaryOperator<String> edit) {
        try (var in = PolicyLoader.class.getResourceAsStream(PolicyLoader.BUILT_IN)) {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("policy", ".yml");
            try {
                java.nio.file.Files.writeString(file, edit.apply(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                return PolicyLoader.load(file);
            } finally {
                java.nio.file.Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void open(UserId by, String text) {
        commands.handle(text, new Invocation(by, new ChannelId("C0TEAM"), Optional.empty(), ZoneOffset.UTC));
    }

    /** Sweeps every 15 seconds, as the scheduler does, until {@code until}. */
    private void runUntil(Instant until) {
        while (clock.instant().isBefore(until)) {
            reminders.sweep();
            clock.advance(Duration.ofSeconds(15));
        }
    }

    /** A list-backed store, unique on (rotation, start, person) as the table is. */
    private static final class Reminders implements ShiftReminderStore {
        final List<ShiftReminder> saved = new ArrayList<>();
        final List<SlackEffect> effects = new ArrayList<>();
        int refusedTwice;

        @Override
        public boolean reminded(String rotation, Instant startsAt, UserId person) {
            return saved.stream().anyMatch(r -> r.rotation().equals(rotation) && r.startsAt().equals(startsAt) && r.person().equals(person));
        }

        @Override
        public boolean record(NewShiftReminder n) {
            if (reminded(n.rotation(), n.startsAt(), n.person())) {
                refusedTwice++;
                return false;
            }
            long id = saved.size() + 1;
            saved.add(new ShiftReminder(id, n.rotation(), n.startsAt(), n.person(), n.remindedAt(), n.preview()));
            effects.addAll(n.effects().apply(id));
            return true;
        }

        @Override
        public Optional<ShiftReminder> find(long id) {
            return saved.stream().filter(r -> r.id() == id).findFirst();
        }
    }
}
