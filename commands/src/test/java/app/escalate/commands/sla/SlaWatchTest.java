package app.escalate.commands.sla;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EventData;
import app.escalate.commands.HandClock;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA clocks on the example policy; a case opened Tuesday 24 November 2026 at 12:00 UTC (Amara primary until 16:00, then Maria). */
class SlaWatchTest {
    private static final Instant OPENED = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");
    private static final UserId AMARA = new UserId("U0ESCAMARA");
    private static final CaseId ESC_1 = new CaseId(1);

    private final HandClock clock = new HandClock(OPENED);
    private final Policy policy = PolicyLoader.builtIn();
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final InMemoryOverrideStore overrides = new InMemoryOverrideStore();
    private final EscCommands commands = new EscCommands(store, overrides, new InMemoryHandoffStore(), new InMemoryDraftStore(), policy, clock);
    private final SlaWatch sla = new SlaWatch(store, policy, new OnCall(policy, overrides), clock);

    private void at(Duration after) {
        clock.set(OPENED.plus(after));
        sla.sweep();
    }

    private List<CaseEvent> alerts() {
        return store.events.stream().filter(e -> e.kind() == CaseEvent.Kind.SLA_WARNING || e.kind() == CaseEvent.Kind.SLA_BREACHED).toList();
    }

    private void esc(UserId who, String text) {
        commands.handle(text, new Invocation(who, new ChannelId("C0TEAM"), Optional.empty(), java.time.ZoneOffset.UTC));
    }

    @Test
    void warnings_at_three_quarters_and_breaches_come_once_at_their_instants() {
        esc(CHLOE, "open Refund scam spreading sev2");
        store.effects.clear();

        at(Duration.ofMinutes(11));
        assertThat(alerts()).isEmpty();
        at(Duration.ofMinutes(11).plusSeconds(15));                     // 75% of the 15-minute ack clock
        at(Duration.ofMinutes(12));
        assertThat(alerts()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CaseEvent.Kind.SLA_WARNING);
            assertThat(e.data()).isEqualTo(new EventData.SlaWarning("ack", OPENED.plus(Duration.ofMinutes(15)), 75, List.of(AMARA)));
        });
        at(Duration.ofMinutes(15));                                     // the ack breach; the escalation chain does the paging
        assertThat(alerts()).extracting(CaseEvent::kind).containsExactly(CaseEvent.Kind.SLA_WARNING, CaseEvent.Kind.SLA_BREACHED);
        assertThat(store.effects).filteredOn(e -> e instanceof SlackEffect.Page).isEmpty();
        assertThat(store.effects).contains(new SlackEffect.UpdateCaseCard(ESC_1));

        esc(AMARA, "ack ESC-1");
        at(Duration.ofHours(3));                                        // 75% of the 4-hour mitigate clock
        at(Duration.ofHours(3).plusMinutes(30));
        at(Duration.ofHours(4));                                        // mitigate breached: the secondary (Amara) is on it, so the managers
        assertThat(alerts()).extracting(e -> clock(e) + " " + e.kind())
                .containsExactly("ack SLA_WARNING", "ack SLA_BREACHED", "mitigate SLA_WARNING", "mitigate SLA_BREACHED");
        assertThat(store.effects).filteredOn(e -> e instanceof SlackEffect.Page)
                .containsExactly(new SlackEffect.Page(ESC_1, new UserId("U0ESCHELEN"), "manager", "Escalations on-call"));
        at(Duration.ofHours(5));
        assertThat(alerts()).hasSize(4);
        assertThat(store.file(ESC_1).orElseThrow().slaAlerts()).contains("mitigate:breach");
    }

    @Test
    void a_case_mitigated_and_resolved_in_time_then_reopened_raises_no_breach_and_pages_nobody() {
        esc(CHLOE, "open Refund scam spreading sev2");
        esc(AMARA, "ack ESC-1");
        clock.set(OPENED.plus(Duration.ofMinutes(30)));
        esc(AMARA, "state ESC-1 mitigated");
        esc(AMARA, "resolve ESC-1 Ads removed cause:adversarial-abuse");
        clock.set(OPENED.plus(Duration.ofDays(5)));
        esc(AMARA, "reopen ESC-1");
        store.effects.clear();

        at(Duration.ofDays(5).plusMinutes(1));
        at(Duration.ofDays(5).plusMinutes(2));

        assertThat(alerts()).isEmpty();
        assertThat(store.effects).noneMatch(e -> e instanceof SlackEffect.Page || e instanceof SlackEffect.Announce);
    }

    @Test
    void a_breached_clock_moved_by_a_severity_change_is_not_breached_again() {
        esc(CHLOE, "open Refund scam spreading sev3");                 // mitigate 1 d
        esc(AMARA, "ack ESC-1");
        at(Duration.ofHours(25));
        esc(AMARA, "sev ESC-1 1 because it spread");                   // mitigate now due 1 h after opening: long past
        at(Duration.ofHours(26));

        // Mitigate once only; resolve (24 h for a SEV1) has run out too and is breached for the first time.
        assertThat(alerts()).extracting(e -> clock(e) + " " + e.kind()).containsExactly("mitigate SLA_BREACHED", "resolve SLA_BREACHED");
    }

    @Test
    void raising_the_severity_moves_the_deadlines_and_the_warnings_with_them() {
        esc(CHLOE, "open Refund scam spreading sev3");                 // ack 1 h, mitigate 1 d
        esc(AMARA, "ack ESC-1");
        at(Duration.ofMinutes(30));
        assertThat(alerts()).isEmpty();

        esc(AMARA, "sev ESC-1 1 because the press has it");                  // mitigate 1 h from the open time: 45 min is 75%
        at(Duration.ofMinutes(31));
        assertThat(alerts()).isEmpty();
        at(Duration.ofMinutes(45));
        assertThat(alerts()).singleElement().extracting(CaseEvent::data).isInstanceOfSatisfying(EventData.SlaWarning.class, w -> {
            assertThat(w.clock()).isEqualTo("mitigate");
            assertThat(w.due()).isEqualTo(OPENED.plus(Duration.ofHours(1)));
        });
        at(Duration.ofMinutes(61));
        assertThat(alerts()).extracting(CaseEvent::kind).containsExactly(CaseEvent.Kind.SLA_WARNING, CaseEvent.Kind.SLA_BREACHED);
    }

    @Test
    void a_bot_that_was_down_raises_only_the_breach_not_the_warnings_it_missed() {
        esc(CHLOE, "open Refund scam spreading sev2");
        esc(AMARA, "ack ESC-1");
        at(Duration.ofHours(6));

        assertThat(alerts()).extracting(e -> clock(e) + " " + e.kind()).containsExactly("mitigate SLA_BREACHED");
    }

    private static String clock(CaseEvent e) {
        return e.as(EventData.SlaWarning.class).map(EventData.SlaWarning::clock)
                .or(() -> e.as(EventData.SlaBreached.class).map(EventData.SlaBreached::clock)).orElseThrow();
    }
}
