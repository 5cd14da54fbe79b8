package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EscCommand;
import app.escalate.commands.EventData;
import app.escalate.commands.Guess;
import app.escalate.commands.HandClock;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The team told when people's verdicts on triage or on the duplicate flags turn against them, once per window. */
class DriftWatchTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");
    private static final UserId AMARA = new UserId("U0ESCAMARA");   // on call: steers any case
    private static final CaseId ESC_1 = new CaseId(1);

    private final HandClock clock = new HandClock(NOW);
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final InMemoryDraftStore drafts = new InMemoryDraftStore();
    private final EscCommands commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(), drafts,
            PolicyLoader.builtIn(), clock);

    private Reply esc(UserId who, String text) {
        clock.advance(Duration.ofMinutes(1));
        return commands.handle(text, new Invocation(who, new ChannelId("C0TEAM"), Optional.empty()));
    }

    private Reply click(UserId who, CaseId on, CaseAction action) {
        clock.advance(Duration.ofMinutes(1));
        return commands.handle(new EscCommand.OnCase(Optional.of(on), action), Invocation.control(who, new ChannelId("C0TEAM"), Optional.empty()));
    }

    /** A new case flagged as a duplicate of ESC-1. */
    private CaseId flagged() {
        esc(CHLOE, "open Same deepfake video again sev3");
        CaseId id = new CaseId(store.files.size());
        assertThat(commands.similarFound(id, List.of(ESC_1), Optional.of(ESC_1))).isTrue();
        return id;
    }

    private List<SlackEffect.TeamNotice> notices() {
        return drafts.effects.stream().filter(e -> e instanceof SlackEffect.TeamNotice).map(e -> (SlackEffect.TeamNotice) e).toList();
    }

    @Test
    void twenty_flags_judged_wrong_after_twenty_right_tell_the_team_once() {
        esc(CHLOE, "open Deepfake of the minister on video sev2");
        for (int i = 0; i < 20; i++) assertThat(click(AMARA, flagged(), new CaseAction.Merge(ESC_1, true))).isInstanceOf(Reply.Changed.class);
        for (int i = 0; i < 19; i++) assertThat(click(AMARA, flagged(), new CaseAction.NotDuplicate(ESC_1))).isInstanceOf(Reply.Changed.class);
        assertThat(notices()).as("39 verdicts: not yet two windows of them").isEmpty();

        click(AMARA, flagged(), new CaseAction.NotDuplicate(ESC_1));
        assertThat(notices()).hasSize(1);
        click(AMARA, flagged(), new CaseAction.NotDuplicate(ESC_1));

        assertThat(notices()).as("the next verdict says nothing more").singleElement().isEqualTo(new SlackEffect.TeamNotice(PolicyLoader.builtIn().workspace().teamChannel(),
                "Similar cases: duplicate flags judged right over the last 20 verdicts is 0%, against 100% before them. "
                        + "Check recent flags (/esc stats) and the policy's similar.duplicate_threshold."));
    }

    private static CaseEvent suggested(int n, Instant at, boolean applied) {
        Suggestion s = new Suggestion(Optional.of(new Guess<>("deepfake", 0.9)), new Guess<>(Severity.SEV2, 0.9),
                new Guess<>(List.of(), 0), new Guess<>("", 0));
        return new CaseEvent(new CaseId(n), at, CHLOE, new EventData.TriageSuggested(new SuggestedTriage(s, "keywords", "keywords", Optional.empty()),
                applied, Optional.empty(), Optional.empty()));
    }

    private static CaseEvent judged(int n, Instant at, TriageVerdict verdict) {
        return new CaseEvent(new CaseId(n), at, AMARA,
                new EventData.TriageJudged(verdict, "SEV2 · no type", "SEV2 · no type", Optional.empty(), Severity.SEV2));
    }

    @Test
    void triage_verdicts_count_in_the_order_they_were_given_and_an_applied_suggestion_as_kept_when_it_was_applied() {
        List<CaseEvent> timeline = List.of(
                suggested(1, NOW, true),                                           // kept, at once
                suggested(2, NOW.plusSeconds(1), false),                           // accepted later (4th)
                suggested(3, NOW.plusSeconds(2), true),                            // undone later (3rd)
                suggested(4, NOW.plusSeconds(3), false),                           // still waiting: not counted
                suggested(5, NOW.plusSeconds(4), true),                            // kept, at once (2nd)
                judged(3, NOW.plusSeconds(10), TriageVerdict.UNDONE),
                judged(5, NOW.plusSeconds(11), TriageVerdict.LEFT_OUT),            // on its values alone
                judged(2, NOW.plusSeconds(12), TriageVerdict.ACCEPTED));

        assertThat(DriftWatch.triageKept(timeline)).containsExactly(true, true, false, true);
    }

    @Test
    void duplicate_verdicts_count_right_when_the_cases_were_merged() {
        assertThat(DriftWatch.flagsRight(List.of(
                new CaseEvent(new CaseId(2), NOW, AMARA, new EventData.DuplicateJudged(ESC_1, true)),
                new CaseEvent(new CaseId(3), NOW, AMARA, new EventData.NoteAdded("not a verdict")),
                new CaseEvent(new CaseId(4), NOW, AMARA, new EventData.DuplicateJudged(ESC_1, false))))).containsExactly(true, false);
    }
}
