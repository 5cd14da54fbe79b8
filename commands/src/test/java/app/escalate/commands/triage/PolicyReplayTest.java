package app.escalate.commands.triage;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.EscCommand;
import app.escalate.commands.Guess;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What people decided on a case, as replay reads it from the case and its timeline, and the case as triage saw it. */
class PolicyReplayTest {
    private static final Instant NOW = Instant.parse("2026-11-28T03:04:00Z");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE"); // the reporter
    private static final UserId MARIA = new UserId("U0ESCMARIA"); // a responder: may steer any case
    private static final ChannelId TEAM = new ChannelId("C0TEAM");

    private final Policy policy = PolicyLoader.builtIn();
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final EscCommands commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(),
            new InMemoryDraftStore(), policy, Clock.fixed(NOW, ZoneOffset.UTC));

    /** A case opened and given this suggestion (the example policy applies a deepfake at 0.8 or more). */
    private CaseId triaged(String title, double confidence) {
        Reply reply = commands.handle("open " + title, new Invocation(CHLOE, TEAM, Optional.empty()));
        CaseId id = ((Reply.CaseOpened) reply).opened().id();
        commands.triage(id, new SuggestedTriage(new Suggestion(Optional.of(new Guess<>("deepfake", confidence)), new Guess<>(Severity.SEV2, confidence),
                new Guess<>(List.of("video"), 0.7), new Guess<>("Synthetic video.", confidence)), "keywords", "keywords", Optional.empty()));
        return id;
    }

    private void judge(CaseId id, TriageVerdict verdict) {
        Reply reply = commands.handle(new EscCommand.OnCase(Optional.of(id), new CaseAction.JudgeTriage(verdict, Optional.empty(), Optional.empty(),
                Optional.empty())), new Invocation(MARIA, TEAM, Optional.empty()));
        assertThat(reply).isNotInstanceOf(Reply.Refusal.class);
    }

    private PolicyReplay.Seen seen(CaseId id) {
        return PolicyReplay.seen(store.file(id).orElseThrow(), store.timeline(id));
    }

    @Test
    void an_applied_suggestion_left_standing_is_what_people_decided_and_triage_saw_the_case_as_opened() {
        CaseId id = triaged("Video of the minister", 0.9);

        PolicyReplay.Seen seen = seen(id);
        assertThat(seen.decided()).contains(new PolicyReplay.Decided(Optional.of("deepfake"), Severity.SEV2));
        assertThat(seen.before().caseType()).isEmpty();
        assertThat(seen.before().severity()).isEqualTo(Severity.SEV3);
        assertThat(seen.before().title()).isEqualTo("Video of the minister");
    }

    @Test
    void a_held_suggestion_no_one_has_judged_is_no_decision() {
        assertThat(seen(triaged("Video of the minister", 0.5)).decided()).isEmpty();
    }

    @Test
    void undone_dismissed_or_accepted_the_case_as_people_left_it_is_the_decision() {
        CaseId undone = triaged("Video of the minister", 0.9);
        judge(undone, TriageVerdict.UNDONE);
        CaseId dismissed = triaged("Clip of the mayor", 0.5);
        judge(dismissed, TriageVerdict.DISMISSED);
        CaseId accepted = triaged("Audio of the singer", 0.5);
        judge(accepted, TriageVerdict.ACCEPTED);

        assertThat(seen(undone).decided()).contains(new PolicyReplay.Decided(Optional.empty(), Severity.SEV3));
        assertThat(seen(dismissed).decided()).contains(new PolicyReplay.Decided(Optional.empty(), Severity.SEV3));
        assertThat(seen(accepted).decided()).contains(new PolicyReplay.Decided(Optional.of("deepfake"), Severity.SEV2));
    }

    @Test
    void another_rule_saying_the_same_is_no_change_of_outcome() {
        PolicyReplay.Seen seen = seen(triaged("Video of the minister", 0.5));
        PolicyReplay.Decided deepfake = new PolicyReplay.Decided(Optional.of("deepfake"), Severity.SEV2);
        PolicyReplay.Outcome held = new PolicyReplay.Outcome(deepfake, "keywords", Optional.empty(), false, Optional.of("unsure-needs-a-human"), Optional.empty());

        assertThat(new PolicyReplay.Compared(seen, held,
                new PolicyReplay.Outcome(deepfake, "keywords", Optional.empty(), false, Optional.of("sev2-needs-a-human"), Optional.empty())).changes()).isFalse();
        assertThat(new PolicyReplay.Compared(seen, held,
                new PolicyReplay.Outcome(deepfake, "keywords", Optional.empty(), true, Optional.of("confident-deepfake"), Optional.empty())).changes()).isTrue();
        assertThat(new PolicyReplay.Compared(seen, held, new PolicyReplay.Outcome(new PolicyReplay.Decided(Optional.of("deepfake"), Severity.SEV1),
                "keywords", Optional.empty(), false, Optional.of("unsure-needs-a-human"), Optional.empty())).changes()).isTrue();
    }
}
