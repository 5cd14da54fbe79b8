package app.escalate.commands.handlers;

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
import app.escalate.commands.oncall.OnCall;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The escalation chain on the example policy, a case opened Tuesday 24 November 2026 at 12:00 UTC (Amara primary). */
class EscalateUnacknowledgedTest {
    private static final Instant OPENED = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");
    private static final UserId KENJI = new UserId("U0ESCKENJI");
    private static final UserId HELEN = new UserId("U0ESCHELEN");
    private static final CaseId ESC_1 = new CaseId(1);

    private final HandClock clock = new HandClock(OPENED);
    private final Policy policy = PolicyLoader.builtIn();
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final InMemoryOverrideStore overrides = new InMemoryOverrideStore();
    private final EscCommands commands = new EscCommands(store, overrides, new InMemoryHandoffStore(), new InMemoryDraftStore(), policy, clock);
    private final EscalateUnacknowledged escalation = new EscalateUnacknowledged(store, policy, new OnCall(policy, overrides), clock);

    private void open(String text) {
        commands.handle(text, new Invocation(CHLOE, new ChannelId("C0TEAM"), Optional.empty()));
    }

    private List<SlackEffect.Page> pages() {
        return store.effects.stream().filter(e -> e instanceof SlackEffect.Page).map(e -> (SlackEffect.Page) e).toList();
    }

    @Test
    void nobody_acks_so_the_secondary_then_the_managers_are_paged_each_after_the_ack_timeout() {
        open("open Refund scam spreading sev2");   // SEV2: ack within 15 minutes
        assertThat(pages()).extracting(SlackEffect.Page::user).containsExactly(new UserId("U0ESCAMARA"));

        clock.set(OPENED.plus(Duration.ofMinutes(14)));
        assertThat(escalation.sweep()).isZero();

        clock.set(OPENED.plus(Duration.ofMinutes(15)));
        assertThat(escalation.sweep()).isEqualTo(1);
        assertThat(escalation.sweep()).as("each step once").isZero();
        assertThat(pages()).extracting(SlackEffect.Page::user, SlackEffect.Page::level).last()
                .isEqualTo(org.assertj.core.groups.Tuple.tuple(KENJI, "secondary"));
        assertThat(store.effects).contains(new SlackEffect.InviteToChannel(ESC_1, List.of(KENJI)));
        assertThat(store.events).last().extracting(CaseEvent::data).isInstanceOfSatisfying(EventData.Paged.class, p -> {
            assertThat(p.user()).isEqualTo(KENJI);
            assertThat(p.unacknowledgedFor()).contains(Duration.ofMinutes(15));
        });
        assertThat(store.effects).filteredOn(e -> e instanceof SlackEffect.Announce).hasSize(1);

        clock.set(OPENED.plus(Duration.ofMinutes(30)));
        escalation.sweep();
        assertThat(pages()).extracting(SlackEffect.Page::user, SlackEffect.Page::level).last()
                .isEqualTo(org.assertj.core.groups.Tuple.tuple(HELEN, "manager"));

        clock.set(OPENED.plus(Duration.ofMinutes(45)));
        escalation.sweep();
        assertThat(store.events).last().extracting(CaseEvent::kind).isEqualTo(CaseEvent.Kind.CHAIN_ENDED);
        clock.set(OPENED.plus(Duration.ofHours(3)));
        assertThat(escalation.sweep()).isZero();
    }

    @Test
    void an_ack_stops_the_chain() {
        open("open Refund scam spreading sev2");
        commands.handle("ack ESC-1", new Invocation(new UserId("U0ESCAMARA"), new ChannelId("C0TEAM"), Optional.empty()));

        clock.set(OPENED.plus(Duration.ofHours(1)));

        assertThat(escalation.sweep()).isZero();
        assertThat(pages()).hasSize(1);
    }

    @Test
    void a_sev1_has_paged_its_secondary_already_so_the_managers_come_next() {
        open("open Election deepfake trending sev1");   // SEV1: ack within 5 minutes
        assertThat(pages()).extracting(SlackEffect.Page::level).containsExactly("primary", "secondary");

        clock.set(OPENED.plus(Duration.ofMinutes(5)));
        escalation.sweep();

        assertThat(pages()).extracting(SlackEffect.Page::user).last().isEqualTo(HELEN);
    }
}
