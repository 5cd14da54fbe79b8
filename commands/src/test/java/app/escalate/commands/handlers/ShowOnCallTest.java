package app.escalate.commands.handlers;

import app.escalate.commands.ChannelId;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Level;
import app.escalate.commands.Reply;
import app.escalate.commands.Shift;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** /esc oncall and /esc override, on the example policy at Tuesday 24 November 2026, 12:00 UTC (London's shift). */
class ShowOnCallTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId AMARA = new UserId("U0ESCAMARA");
    private static final UserId KENJI = new UserId("U0ESCKENJI");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final InMemoryOverrideStore overrides = new InMemoryOverrideStore();
    private final InMemoryCaseStore cases = new InMemoryCaseStore();
    private final EscCommands commands = new EscCommands(cases, overrides, new InMemoryHandoffStore(), new InMemoryDraftStore(), PolicyLoader.builtIn(), Clock.fixed(NOW, ZoneOffset.UTC));

    private Reply as(UserId who, ZoneId zone, String text) {
        return commands.handle(text, new Invocation(who, new ChannelId("C0TEAM"), Optional.empty(), zone));
    }

    private static String refusal(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.Refusal.class);
        return ((Reply.Refusal) reply).reason();
    }

    @Test
    void names_primary_secondary_and_the_next_handoff_for_each_rotation() {
        Reply.OnCallNow now = (Reply.OnCallNow) as(CHLOE, ZoneOffset.UTC, "oncall");

        Reply.RotationNow escalations = now.rotations().get(0);
        assertThat(escalations.name()).isEqualTo("Escalations on-call");
        assertThat(escalations.primary()).hasValueSatisfying(s -> {
            assertThat(s.who()).isEqualTo(AMARA);
            assertThat(s.until()).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));   // AMER starts 08:00 in LA
        });
        // The Global secondary's turn this week is Amara too, so the next in its order stands in.
        assertThat(escalations.secondary()).hasValueSatisfying(s -> {
            assertThat(s.who()).isNotEqualTo(AMARA);
            assertThat(s.source()).isEqualTo("Global, standing in");
        });
        assertThat(escalations.next()).hasValueSatisfying(s -> {
            assertThat(s.from()).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
            assertThat(s.source()).isEqualTo("AMER");
        });
    }

    @Test
    void an_override_read_in_the_askers_zone_changes_who_is_on_call_and_who_is_paged() {
        // Kenji, in Tokyo, takes the rest of London's afternoon: 20:58-02:00 Tokyo time is 11:58-17:00 UTC.
        Reply set = as(KENJI, TOKYO, "override <@U0ESCKENJI|kenji> 2026-11-24 20:58 2026-11-25 02:00");

        assertThat(set).isInstanceOf(Reply.OverrideSet.class);
        ShiftOverride saved = ((Reply.OverrideSet) set).override();
        assertThat(saved.from()).isEqualTo(Instant.parse("2026-11-24T11:58:00Z"));
        assertThat(saved.until()).isEqualTo(Instant.parse("2026-11-24T17:00:00Z"));
        assertThat(saved.level()).isEqualTo(Level.PRIMARY);
        Reply.RotationNow now = ((Reply.OnCallNow) as(CHLOE, ZoneOffset.UTC, "oncall")).rotations().get(0);
        assertThat(now.primary()).map(Shift::who).contains(KENJI);
        assertThat(now.overrides()).containsExactly(saved);

        as(CHLOE, ZoneOffset.UTC, "open Chatbot leaks a phone number sev2");
        assertThat(cases.effects).contains(new SlackEffect.Page(new app.escalate.commands.CaseId(1), KENJI, "primary", "Escalations on-call"));
    }

    @Test
    void the_same_override_asked_for_twice_is_set_once() {
        Reply first = as(KENJI, TOKYO, "override <@U0ESCKENJI|kenji> 2026-11-24 20:58 2026-11-25 02:00");
        Reply again = as(KENJI, TOKYO, "override <@U0ESCKENJI|kenji> 2026-11-24 20:58 2026-11-25 02:00");
        Reply secondary = as(KENJI, TOKYO, "override <@U0ESCKENJI|kenji> 2026-11-24 20:58 2026-11-25 02:00 secondary");

        assertThat(again).isEqualTo(first);
        assertThat(((Reply.OverrideSet) secondary).override().id()).isNotEqualTo(((Reply.OverrideSet) first).override().id());
        assertThat(((Reply.OnCallNow) as(CHLOE, ZoneOffset.UTC, "oncall")).rotations().get(0).overrides()).hasSize(2);
    }

    @Test
    void overrides_are_checked_and_can_be_removed_by_the_right_people() {
        assertThat(refusal(as(CHLOE, ZoneOffset.UTC, "override <@U0ESCCHLOE|chloe> 2026-11-24 13:00 2026-11-24 15:00")))
                .isEqualTo("That person is not in the Escalations on-call rotation or the `responders` group.");
        assertThat(refusal(as(AMARA, ZoneOffset.UTC, "override <@U0ESCKENJI|kenji> 2026-11-24 15:00 2026-11-24 13:00")))
                .isEqualTo("The override must end after it starts.");
        assertThat(refusal(as(AMARA, ZoneOffset.UTC, "override <@U0ESCKENJI|kenji> 2026-11-20 13:00 2026-11-21 13:00")))
                .isEqualTo("That time has already passed.");
        assertThat(refusal(as(AMARA, ZoneOffset.UTC, "override <@U0ESCKENJI|kenji> 2026-11-24 13:00 2026-12-24 13:00")))
                .startsWith("An override lasts at most 14 days");
        assertThat(refusal(as(AMARA, ZoneOffset.UTC, "override <@U0ESCKENJI|kenji> 2026-11-24 13:00 2026-11-24 15:00 primary marketing")))
                .startsWith("Name the rotation, one of `escalations`");
        assertThat(as(CHLOE, ZoneOffset.UTC, "override tomorrow")).isInstanceOf(Reply.Usage.class);
        assertThat(refusal(as(AMARA, ZoneOffset.UTC, "override <@U0ESCKENJI|kenji> 2026-11-24 09:00 2026-11-24 15:00")))
                .startsWith("An override cannot start in the past");
        assertThat(refusal(as(AMARA, ZoneId.of("America/Los_Angeles"), "override <@U0ESCKENJI|kenji> 2027-03-14 02:30 2027-03-14 05:00")))
                .isEqualTo("02:30 on 2027-03-14 does not exist in America/Los_Angeles (the clocks skip it); pick another time.");

        ShiftOverride saved = ((Reply.OverrideSet) as(AMARA, ZoneOffset.UTC,
                "override <@U0ESCKENJI|kenji> 2026-11-24 13:00 2026-11-24 15:00 secondary escalations")).override();
        assertThat(saved.level()).isEqualTo(Level.SECONDARY);

        assertThat(refusal(as(CHLOE, ZoneOffset.UTC, "override remove " + saved.id())))
                .startsWith("Only whoever set override #" + saved.id());
        assertThat(as(KENJI, ZoneOffset.UTC, "override remove " + saved.id())).isEqualTo(new Reply.OverrideRemoved(saved));
        assertThat(overrides.removed).containsExactly(saved);
        assertThat(refusal(as(KENJI, ZoneOffset.UTC, "override remove " + saved.id())))
                .isEqualTo("There is no override #" + saved.id() + " in force or to come.");
    }

    @Test
    void oncall_report_takes_a_window_and_csv_in_either_order_and_sends_the_csv_by_direct_message() {
        Reply.OnCallReport report = (Reply.OnCallReport) as(CHLOE, ZoneOffset.UTC, "oncall report");
        assertThat(report.report().period().from()).isEqualTo(NOW.minus(java.time.Duration.ofDays(30)));
        assertThat(report.csvQueued()).isFalse();
        assertThat(report.report().rows()).extracting(r -> r.user().value())
                .contains("U0ESCKENJI", "U0ESCAMARA", "U0ESCMARIA", "U0ESCLUCAS");
        assertThat(cases.effects).isEmpty();

        Reply.OnCallReport quarter = (Reply.OnCallReport) as(CHLOE, ZoneOffset.UTC, "oncall report CSV quarter");
        assertThat(quarter.report().period().from()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(quarter.csvQueued()).isTrue();
        assertThat(cases.effects).singleElement().isInstanceOfSatisfying(SlackEffect.SendFile.class, file -> {
            assertThat(file.user()).isEqualTo(CHLOE);
            assertThat(file.filename()).isEqualTo("oncall-fairness-2026-10-01-to-2026-11-24.csv");
            assertThat(file.content()).startsWith("user,primary_hours,secondary_hours,on_call_hours,");
        });

        assertThat(((Reply.OnCallReport) as(CHLOE, ZoneOffset.UTC, "oncall report 90d")).report().period().from())
                .isEqualTo(NOW.minus(java.time.Duration.ofDays(90)));
        assertThat(as(CHLOE, ZoneOffset.UTC, "oncall report 7d")).isInstanceOf(Reply.Usage.class);
        assertThat(as(CHLOE, ZoneOffset.UTC, "oncall tomorrow")).isInstanceOf(Reply.Usage.class);
        assertThat(as(CHLOE, ZoneOffset.UTC, "oncall")).isInstanceOf(Reply.OnCallNow.class);
    }
}
