package app.escalate.commands.handlers;

import app.escalate.commands.Case;
import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EscCommand;
import app.escalate.commands.EventData;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped deepfake tree walked on a case, with the built-in policy's people. */
class WalkRunbookTest {
    private static final Instant NOW = Instant.parse("2026-11-28T03:04:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");
    private static final ChannelId CHANNEL = new ChannelId("C0CASE1");
    private static final CaseId ESC_1 = new CaseId(1);

    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final EscCommands commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(),
            new InMemoryDraftStore(), PolicyLoader.builtIn(), Clock.fixed(NOW, ZoneOffset.UTC));

    private void aCase(Optional<String> type) {
        store.put(new Case(ESC_1, "Deepfake of a candidate on video surfaces", Severity.SEV2, CaseState.TRIAGE, type, Optional.empty(),
                CHLOE, Optional.empty(), NOW.minusSeconds(600), Optional.of(new CaseChannel(CHANNEL, "esc-1-deepfake")),
                Optional.empty(), Optional.empty(), false));
    }

    private Reply by(UserId who, CaseAction action) {
        return commands.handle(new EscCommand.OnCase(Optional.empty(), action), new Invocation(who, CHANNEL, Optional.empty()));
    }

    @Test
    void theTreeIsWalkedToItsActionsWithEachAnswerOnTheTimeline() {
        aCase(Optional.of("deepfake"));

        assertThat(commands.handle("runbook", new Invocation(MARIA, CHANNEL, Optional.empty()))).isInstanceOf(Reply.Changed.class);
        assertThat(store.effects).contains(new SlackEffect.AskRunbook(ESC_1, "person"));

        by(MARIA, new CaseAction.AnswerRunbook("person", 0));   // a public figure or candidate
        by(MARIA, new CaseAction.AnswerRunbook("election", 0)); // election period
        by(MARIA, new CaseAction.AnswerRunbook("spread", 0));   // viral

        var file = store.file(ESC_1).orElseThrow();
        assertThat(file.details().severity()).isEqualTo(Severity.SEV1);
        assertThat(file.stakeholders()).contains("policy", "comms", "leadership");
        assertThat(file.tasks()).extracting(Task::text).containsExactly(
                "Turn on the civic-event playbook for the affected regions", "Share hashes with partner platforms and record each response");
        assertThat(file.runbookAt()).isEmpty();
        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.RUNBOOK_ANSWERED)
                .extracting(e -> e.actor().value() + " " + e.as(EventData.RunbookAnswered.class).orElseThrow().answer())
                .containsExactly("U0ESCMARIA A public figure or candidate", "U0ESCMARIA Yes, election period",
                        "U0ESCMARIA Viral (trending, thousands of shares an hour)");
        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.RUNBOOK_ANSWERED).last()
                .satisfies(e -> assertThat(e.as(EventData.RunbookAnswered.class).orElseThrow().end()).isTrue());
        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.SEVERITY_CHANGED).singleElement()
                .satisfies(e -> assertThat(e.as(EventData.SeverityChanged.class).orElseThrow().reason()).hasValueSatisfying(
                        reason -> assertThat(reason).startsWith("runbook: Is an election within 60 days")));
        assertThat(store.effects).contains(new SlackEffect.AskRunbook(ESC_1, "election"), new SlackEffect.AskRunbook(ESC_1, "spread"));
    }

    @Test
    void aSecondClickOnAnAnsweredQuestionChangesNothing() {
        aCase(Optional.of("deepfake"));
        by(MARIA, new CaseAction.StartRunbook());
        by(MARIA, new CaseAction.AnswerRunbook("person", 1)); // a private individual: one task
        int events = store.events.size();

        Reply again = by(MARIA, new CaseAction.AnswerRunbook("person", 1));

        assertThat(again).isInstanceOfSatisfying(Reply.Refusal.class, r -> assertThat(r.reason()).contains("no longer open"));
        assertThat(store.events).hasSize(events);
        assertThat(store.file(ESC_1).orElseThrow().tasks()).hasSize(1);
    }

    @Test
    void aQuestionTheEditedPolicyNoLongerHasIsRefusedWithAWayOn() {
        aCase(Optional.of("deepfake"));
        store.put(store.file(ESC_1).orElseThrow().withRunbookAt(Optional.of("removed-question")));
        assertThat(by(MARIA, new CaseAction.AnswerRunbook("removed-question", 0))).isInstanceOfSatisfying(Reply.Refusal.class,
                r -> assertThat(r.reason()).contains("has changed").contains("`/esc runbook`"));
    }

    @Test
    void aCaseWithoutATreeSaysWhichTypesHaveOne() {
        aCase(Optional.empty());
        assertThat(by(MARIA, new CaseAction.StartRunbook())).isInstanceOfSatisfying(Reply.Refusal.class,
                r -> assertThat(r.reason()).contains("no case type").contains("`deepfake`").contains("`llm-hallucination`"));
    }

    @Test
    void onlyPeopleWhoMaySteerTheCaseAnswer() {
        aCase(Optional.of("deepfake"));
        by(MARIA, new CaseAction.StartRunbook());
        assertThat(by(CHLOE, new CaseAction.AnswerRunbook("person", 0))).isInstanceOf(Reply.Refusal.class);
        assertThat(store.file(ESC_1).orElseThrow().runbookAt()).contains("person");
    }
}
