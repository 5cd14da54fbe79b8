package app.escalate.commands.handlers;

import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.*;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ShowStatusTest {
    private static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    private static final UserId KENJI = new UserId("U0ESCKENJI");
    private static final Invocation ELSEWHERE = new Invocation(KENJI, new ChannelId("C0TEAM"), Optional.empty());

    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final EscCommands commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(), new InMemoryDraftStore(), PolicyLoader.builtIn(), Clock.fixed(T0, ZoneOffset.UTC));

    private Case caseOf(long n, Severity severity, CaseState state, int minutesAfter, String channel) {
        Case c = new Case(new CaseId(n), "Case " + n, severity, state, Optional.empty(), Optional.empty(), KENJI, Optional.empty(),
                T0.plusSeconds(60L * minutesAfter),
                Optional.ofNullable(channel).map(id -> new CaseChannel(new ChannelId(id), "esc-" + n)),
                Optional.empty(), Optional.empty(), false);
        store.put(c);
        return c;
    }

    @Test
    void in_a_case_channel_shows_that_cases_card() {
        Case mine = caseOf(1, Severity.SEV2, CaseState.TRIAGE, 0, "C0CASE1");
        caseOf(2, Severity.SEV1, CaseState.TRIAGE, 0, "C0CASE2");

        Reply reply = commands.handle("status", new Invocation(KENJI, new ChannelId("C0CASE1"), Optional.empty()));

        assertThat(reply).isEqualTo(new Reply.CaseCard(store.file(mine.id()).orElseThrow()));
    }

    @Test
    void elsewhere_lists_open_cases_most_severe_then_oldest_first() {
        Case sev3 = caseOf(1, Severity.SEV3, CaseState.TRIAGE, 0, null);
        Case sev1Later = caseOf(2, Severity.SEV1, CaseState.INVESTIGATING, 10, null);
        Case sev1Earlier = caseOf(3, Severity.SEV1, CaseState.TRIAGE, 5, null);
        caseOf(4, Severity.SEV1, CaseState.RESOLVED, 0, null);

        Reply reply = commands.handle("status", ELSEWHERE);

        assertThat(reply).isEqualTo(new Reply.CaseList(java.util.List.of(sev1Earlier, sev1Later, sev3), 3));
    }

    @Test
    void lists_at_most_the_limit_but_counts_them_all() {
        for (int i = 1; i <= ShowStatus.LIST_LIMIT + 5; i++) caseOf(i, Severity.SEV3, CaseState.TRIAGE, i, null);

        Reply.CaseList list = (Reply.CaseList) commands.handle("status", ELSEWHERE);

        assertThat(list.cases()).hasSize(ShowStatus.LIST_LIMIT);
        assertThat(list.total()).isEqualTo(ShowStatus.LIST_LIMIT + 5);
    }

    @Test
    void a_restricted_case_is_listed_and_shown_only_to_its_members() {
        Case restricted = new Case(new CaseId(1), "Regulator request", Severity.SEV2, CaseState.TRIAGE, Optional.empty(), Optional.empty(),
                new UserId("U0ESCPRIYA"), Optional.empty(), T0, Optional.of(new CaseChannel(new ChannelId("C0LEGAL"), "esc-1")),
                Optional.empty(), Optional.empty(), true);
        store.put(restricted);
        caseOf(2, Severity.SEV3, CaseState.TRIAGE, 0, null);
        Invocation priya = new Invocation(new UserId("U0ESCPRIYA"), new ChannelId("C0TEAM"), Optional.empty());

        assertThat(((Reply.CaseList) commands.handle("status", ELSEWHERE)).cases()).extracting(Case::id).containsExactly(new CaseId(2));
        assertThat(((Reply.CaseList) commands.handle("status", priya)).cases()).extracting(Case::id)
                .containsExactly(new CaseId(1), new CaseId(2));
        assertThat(commands.handle("status ESC-1", ELSEWHERE))
                .isEqualTo(new Reply.Refusal("There is no case ESC-1 that you can see."));
        assertThat(commands.handle("status", new Invocation(KENJI, new ChannelId("C0LEGAL"), Optional.empty())))
                .isInstanceOf(Reply.CaseCard.class);
    }

    @Test
    void a_named_case_shows_its_card_anywhere_and_an_unknown_one_is_refused() {
        Case named = caseOf(7, Severity.SEV4, CaseState.TRIAGE, 0, null);

        assertThat(commands.handle("status ESC-7", ELSEWHERE)).isEqualTo(new Reply.CaseCard(store.file(named.id()).orElseThrow()));
        assertThat(commands.handle("status ESC-99", ELSEWHERE)).isEqualTo(new Reply.Refusal("There is no case ESC-99 that you can see."));
    }
}
