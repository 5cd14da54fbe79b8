package app.escalate.commands.handlers;

import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.*;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OpenCaseTest {
    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final Invocation IN_TEAM_CHANNEL =
            new Invocation(MARIA, new ChannelId("C0TEAM"), Optional.of("https://hooks.example/resp"));

    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final EscCommands commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(), new InMemoryDraftStore(), PolicyLoader.builtIn(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void opening_records_the_case_and_queues_channel_invite_card_pin_and_link_in_that_order() {
        Reply reply = commands.handle("open Deepfake video of a candidate spreading sev1", IN_TEAM_CHANNEL);

        Case opened = store.get(1);
        assertThat(opened.id()).isEqualTo(new CaseId(1));
        assertThat(opened.severity()).isEqualTo(Severity.SEV1);
        assertThat(opened.state()).isEqualTo(CaseState.TRIAGE);
        assertThat(opened.reporter()).isEqualTo(MARIA);
        assertThat(opened.openedAt()).isEqualTo(NOW);
        assertThat(reply).isEqualTo(new Reply.CaseOpened(opened, "esc-1-deepfake-video-of-a-candidate-spreading"));
        // Friday 19:00 in Los Angeles: the weekend rotation's people are on call, and a SEV1 pages both levels.
        UserId lucas = new UserId("U0ESCLUCAS");
        UserId amara = new UserId("U0ESCAMARA");
        assertThat(store.effects).containsExactly(
                new SlackEffect.CreateChannel(opened.id(), "esc-1-deepfake-video-of-a-candidate-spreading", false),
                new SlackEffect.InviteToChannel(opened.id(), List.of(MARIA, lucas, amara)),
                new SlackEffect.PostCaseCard(opened.id()),
                new SlackEffect.PinCaseCard(opened.id()),
                new SlackEffect.SetChannelTopic(opened.id()),
                new SlackEffect.Page(opened.id(), lucas, "primary", "Escalations on-call"),
                new SlackEffect.Page(opened.id(), amara, "secondary", "Escalations on-call"),
                new SlackEffect.TellReporter(opened.id(), MARIA, Optional.of("https://hooks.example/resp")),
                new SlackEffect.TriageCase(opened.id()),
                new SlackEffect.SuggestSimilar(opened.id()));
        assertThat(store.events).extracting(CaseEvent::kind)
                .containsExactly(CaseEvent.Kind.OPENED, CaseEvent.Kind.PAGED, CaseEvent.Kind.PAGED);
        assertThat(store.file(opened.id()).orElseThrow().members()).containsExactlyInAnyOrder(MARIA, lucas, amara);
    }

    @Test
    void below_sev1_only_the_primary_is_paged() {
        commands.handle("open Ads for a scam app sev2", IN_TEAM_CHANNEL);

        assertThat(store.effects).filteredOn(e -> e instanceof SlackEffect.Page).singleElement()
                .isEqualTo(new SlackEffect.Page(new CaseId(1), new UserId("U0ESCLUCAS"), "primary", "Escalations on-call"));
    }

    @Test
    void severity_defaults_to_sev3_or_to_the_case_types_default() {
        commands.handle("open Ads for a scam app", IN_TEAM_CHANNEL);
        commands.handle("open Election rumour type:civic-event", IN_TEAM_CHANNEL);
        commands.handle("open Election rumour type:civic-event sev4", IN_TEAM_CHANNEL);

        assertThat(store.cases()).extracting(Case::severity).containsExactly(Severity.SEV3, Severity.SEV1, Severity.SEV4);
        assertThat(store.get(2).caseType()).contains("civic-event");
    }

    @Test
    void a_case_type_with_a_runbook_posts_it_and_a_restricted_type_gets_a_private_channel() {
        commands.handle("open Regulator asks for account data type:regulatory-request", IN_TEAM_CHANNEL);

        Case opened = store.get(1);
        assertThat(opened.restricted()).isTrue();
        assertThat(store.effects).contains(new SlackEffect.CreateChannel(opened.id(), "esc-1-regulator-asks-for-account-data", true),
                new SlackEffect.PostRunbook(opened.id()));
    }

    @Test
    void an_unknown_case_type_is_refused_and_nothing_is_recorded() {
        Reply reply = commands.handle("open Something odd type:aliens", IN_TEAM_CHANNEL);

        assertThat(reply).isInstanceOf(Reply.Refusal.class);
        assertThat(((Reply.Refusal) reply).reason()).contains("`aliens`", "`deepfake`", "`regulatory-request`");
        assertThat(store.cases()).isEmpty();
        assertThat(store.effects).isEmpty();
    }

    @Test
    void unreadable_text_gets_the_usage_and_changes_nothing() {
        assertThat(commands.handle("opne Outage", IN_TEAM_CHANNEL))
                .isEqualTo(new Reply.Usage(Optional.of("I don't know `opne`.")));
        assertThat(commands.handle("", IN_TEAM_CHANNEL)).isEqualTo(new Reply.Usage(Optional.empty()));
        assertThat(store.cases()).isEmpty();
    }
}
