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
import app.escalate.commands.Guess;
import app.escalate.commands.InMemoryCaseStore;
import app.escalate.commands.InMemoryDraftStore;
import app.escalate.commands.InMemoryHandoffStore;
import app.escalate.commands.InMemoryOverrideStore;
import app.escalate.commands.Invocation;
import app.escalate.commands.Reply;
import app.escalate.commands.Severity;
import app.escalate.commands.ShadowRoute;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.TriageState;
import app.escalate.commands.TriageStats;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Triage suggestions on a case under the example policy's rules, and people's verdicts on them. */
class TriageCaseTest {
    private static final Instant NOW = Instant.parse("2026-11-28T03:04:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA"); // a responder: may steer any case
    private static final UserId CHLOE = new UserId("U0ESCCHLOE"); // the reporter
    private static final ChannelId CHANNEL = new ChannelId("C0CASE1");
    private static final CaseId ESC_1 = new CaseId(1);

    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final EscCommands commands = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(),
            new InMemoryDraftStore(), PolicyLoader.builtIn(), Clock.fixed(NOW, ZoneOffset.UTC));

    private void aCase(Severity severity, Optional<String> type) {
        store.put(new Case(ESC_1, "Video of the minister", severity, CaseState.TRIAGE, type, Optional.empty(),
                CHLOE, Optional.empty(), NOW.minusSeconds(60), Optional.of(new CaseChannel(CHANNEL, "esc-1-video")),
                Optional.empty(), Optional.empty(), false));
    }

    private static SuggestedTriage suggested(String type, double confidence, Severity severity) {
        return new SuggestedTriage(new Suggestion(Optional.of(new Guess<>(type, confidence)), new Guess<>(severity, confidence),
                new Guess<>(List.of("video"), 0.7), new Guess<>("Synthetic video of a public figure.", confidence)),
                "openai:gpt-4o-mini", "triage.v1", Optional.empty());
    }

    private Reply judge(UserId who, TriageVerdict verdict) {
        return judge(who, new CaseAction.JudgeTriage(verdict, Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private Reply judge(UserId who, CaseAction action) {
        return commands.handle(new EscCommand.OnCase(Optional.of(ESC_1), action), new Invocation(who, CHANNEL, Optional.empty()));
    }

    private Case theCase() {
        return store.file(ESC_1).orElseThrow().details();
    }

    private CaseEvent suggestedEvent() {
        return store.events.stream().filter(e -> e.kind() == CaseEvent.Kind.TRIAGE_SUGGESTED).findFirst().orElseThrow();
    }

    private EventData.TriageSuggested suggestion() {
        return suggestedEvent().as(EventData.TriageSuggested.class).orElseThrow();
    }

    private List<EventData.TriageJudged> verdicts() {
        return store.events.stream().flatMap(e -> e.as(EventData.TriageJudged.class).stream()).toList();
    }

    @Test
    void a_confident_suggestion_the_rules_allow_is_applied_and_undo_puts_the_case_back() {
        aCase(Severity.SEV3, Optional.empty());

        assertThat(commands.triage(ESC_1, suggested("deepfake", 0.9, Severity.SEV2))).isTrue();

        assertThat(theCase().caseType()).contains("deepfake");
        assertThat(theCase().severity()).isEqualTo(Severity.SEV2);
        assertThat(theCase().surface()).contains("video");
        CaseEvent event = suggestedEvent();
        assertThat(event.actor()).isEqualTo(CHLOE);
        assertThat(event.data()).isEqualTo(new EventData.TriageSuggested(suggested("deepfake", 0.9, Severity.SEV2), true,
                Optional.of("confident-deepfake"), Optional.empty()));
        assertThat(store.effects).contains(new SlackEffect.ShowTriage(ESC_1), new SlackEffect.UpdateCaseCard(ESC_1));
        assertThat(commands.triage(ESC_1, suggested("civic-event", 0.9, Severity.SEV1))).as("once per case").isFalse();

        assertThat(judge(MARIA, TriageVerdict.ACCEPTED)).isInstanceOf(Reply.Refusal.class);
        assertThat(judge(MARIA, TriageVerdict.UNDONE)).isInstanceOf(Reply.Changed.class);

        assertThat(theCase().caseType()).isEmpty();
        assertThat(theCase().severity()).isEqualTo(Severity.SEV3);
        assertThat(theCase().surface()).isEmpty();
        assertThat(store.events).filteredOn(e -> e.kind() == CaseEvent.Kind.TRIAGE_JUDGED).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(MARIA);
            assertThat(e.data()).isEqualTo(new EventData.TriageJudged(TriageVerdict.UNDONE, "SEV2 · Deepfake / synthetic media · video",
                    "SEV3 · no type", Optional.of("deepfake"), Severity.SEV2));
        });
        assertThat(judge(MARIA, TriageVerdict.UNDONE)).as("a second click").isInstanceOf(Reply.Refusal.class);
    }

    @Test
    void a_sev1_suggestion_waits_and_accept_applies_it_once() {
        aCase(Severity.SEV3, Optional.empty());

        commands.triage(ESC_1, suggested("deepfake", 0.95, Severity.SEV1));

        assertThat(theCase().severity()).isEqualTo(Severity.SEV3);
        assertThat(suggestion().applied()).isFalse();
        assertThat(suggestion().rule()).contains("sev1-needs-a-human");
        assertThat(store.file(ESC_1).orElseThrow().triage()).get().extracting(TriageState::status).isEqualTo(TriageState.Status.HELD);

        assertThat(judge(CHLOE, TriageVerdict.ACCEPTED)).as("the reporter may not steer").isInstanceOf(Reply.Refusal.class);
        assertThat(judge(MARIA, TriageVerdict.ACCEPTED)).isInstanceOf(Reply.Changed.class);
        assertThat(theCase().severity()).isEqualTo(Severity.SEV1);
        assertThat(theCase().caseType()).contains("deepfake");
        assertThat(judge(MARIA, TriageVerdict.DISMISSED)).isInstanceOf(Reply.Refusal.class);
        assertThat(verdicts()).extracting(EventData.TriageJudged::verdict).containsExactly(TriageVerdict.ACCEPTED);
    }

    @Test
    void change_applies_the_persons_choice_and_dismiss_leaves_the_case_alone() {
        aCase(Severity.SEV3, Optional.empty());
        commands.triage(ESC_1, suggested("deepfake", 0.5, Severity.SEV2));
        assertThat(suggestion().rule()).contains("unsure-needs-a-human");

        judge(MARIA, new CaseAction.JudgeTriage(TriageVerdict.CHANGED, Optional.of("civic-event"), Optional.of(Severity.SEV1), Optional.empty()));

        assertThat(theCase().caseType()).contains("civic-event");
        assertThat(theCase().severity()).isEqualTo(Severity.SEV1);
        assertThat(verdicts()).singleElement().satisfies(j -> {
            assertThat(j.verdict()).isEqualTo(TriageVerdict.CHANGED);
            assertThat(j.to()).isEqualTo("SEV1 · Civic event · video");
            assertThat(j.suggestedType()).contains("deepfake");
        });
    }

    @Test
    void dismiss_changes_nothing_but_is_recorded() {
        aCase(Severity.SEV3, Optional.empty());
        commands.triage(ESC_1, suggested("deepfake", 0.7, Severity.SEV2));
        assertThat(suggestion().rule()).as("no rule matched").isEmpty();

        assertThat(judge(MARIA, TriageVerdict.DISMISSED)).isInstanceOf(Reply.Changed.class);

        assertThat(theCase().severity()).isEqualTo(Severity.SEV3);
        assertThat(theCase().caseType()).isEmpty();
        assertThat(verdicts()).extracting(EventData.TriageJudged::verdict).containsExactly(TriageVerdict.DISMISSED);
    }

    @Test
    void triage_never_lowers_a_severity_or_replaces_a_chosen_type_on_its_own() {
        aCase(Severity.SEV1, Optional.empty());
        commands.triage(ESC_1, suggested("deepfake", 0.9, Severity.SEV2));
        assertThat(theCase().severity()).isEqualTo(Severity.SEV1);
        assertThat(suggestion().applied()).isFalse();
        assertThat(suggestion().heldBecause()).contains("it would lower the severity from SEV1 to SEV2");

        store.events.clear();
        store.put(new Case(new CaseId(2), "Hallucinated refund", Severity.SEV3, CaseState.TRIAGE, Optional.of("llm-hallucination"),
                Optional.empty(), CHLOE, Optional.empty(), NOW, Optional.empty(), Optional.empty(), Optional.empty(), false));
        commands.triage(new CaseId(2), suggested("deepfake", 0.9, Severity.SEV2));
        assertThat(store.file(new CaseId(2)).orElseThrow().details().caseType()).contains("llm-hallucination");
        assertThat(suggestion().heldBecause()).contains("the case was opened as llm-hallucination");
    }

    @Test
    void undo_keeps_what_people_changed_since() {
        aCase(Severity.SEV3, Optional.empty());
        commands.triage(ESC_1, suggested("deepfake", 0.9, Severity.SEV2));
        assertThat(store.effects).as("the new type's checklist").contains(new SlackEffect.PostRunbook(ESC_1));
        commands.handle("sev 1", new Invocation(MARIA, CHANNEL, Optional.empty()));

        judge(MARIA, TriageVerdict.UNDONE);

        assertThat(theCase().severity()).as("raised by a person after triage").isEqualTo(Severity.SEV1);
        assertThat(theCase().caseType()).isEmpty();
        assertThat(theCase().surface()).isEmpty();
    }

    @Test
    void accept_never_lowers_a_severity_and_change_refuses_to() {
        aCase(Severity.SEV1, Optional.empty());
        commands.triage(ESC_1, suggested("deepfake", 0.9, Severity.SEV2));

        assertThat(judge(MARIA, new CaseAction.JudgeTriage(TriageVerdict.CHANGED, Optional.of("deepfake"), Optional.of(Severity.SEV3), Optional.of("1764300300.000100"))))
                .isEqualTo(new Reply.Refusal("Triage does not lower a severity. `/esc sev 3 because <reason>` does."));
        assertThat(judge(MARIA, TriageVerdict.ACCEPTED)).isInstanceOf(Reply.Changed.class);

        assertThat(theCase().severity()).isEqualTo(Severity.SEV1);
        assertThat(theCase().caseType()).contains("deepfake");
    }

    @Test
    void a_restricted_type_is_not_given_to_a_case_in_a_public_channel() {
        aCase(Severity.SEV2, Optional.empty());
        commands.triage(ESC_1, suggested("regulatory-request", 0.99, Severity.SEV2));
        assertThat(suggestion().rule()).contains("regulatory-needs-a-human");

        Reply reply = judge(MARIA, TriageVerdict.ACCEPTED);

        assertThat(reply).isInstanceOf(Reply.Refusal.class);
        assertThat(((Reply.Refusal) reply).reason()).startsWith("Regulatory request cases are restricted and need a private channel");
        assertThat(theCase().caseType()).isEmpty();
        assertThat(judge(MARIA, TriageVerdict.DISMISSED)).as("still open for a verdict").isInstanceOf(Reply.Changed.class);
    }

    private static SuggestedTriage withFields(SuggestedTriage s, Map<String, Guess<String>> fields) {
        Suggestion x = s.suggestion();
        return new SuggestedTriage(new Suggestion(x.type(), x.severity(), x.surfaces(), x.rationale(), fields), s.source(), s.promptVersion(),
                s.fellBack());
    }

    private Map<String, String> fields() {
        return store.file(ESC_1).orElseThrow().fields();
    }

    private Map<String, TriageState.Outcome> outcomes() {
        Map<String, TriageState.Outcome> out = new java.util.TreeMap<>();
        store.file(ESC_1).orElseThrow().triage().orElseThrow().fields().forEach((id, p) -> out.put(id, p.outcome()));
        return out;
    }

    private List<CaseEvent> fieldEvents() {
        return store.events.stream().filter(e -> e.kind() == CaseEvent.Kind.FIELD_SET).toList();
    }

    @Test
    void a_confident_value_is_set_by_triage_a_less_sure_one_waits_and_a_persons_value_is_never_replaced() {
        aCase(Severity.SEV2, Optional.of("deepfake"));
        judge(MARIA, new CaseAction.SetField(Optional.of("spread"), "400"));

        commands.triage(ESC_1, withFields(suggested("deepfake", 0.9, Severity.SEV2), Map.of(
                "media_url", new Guess<>("https://video.example/1", 0.85),
                "depicted", new Guess<>("Public figure", 0.7),
                "spread", new Guess<>("12000", 0.95))));

        assertThat(fields()).containsEntry("media_url", "https://video.example/1").containsEntry("spread", "400").doesNotContainKey("depicted");
        assertThat(outcomes()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("depicted", TriageState.Outcome.HELD,
                "media_url", TriageState.Outcome.APPLIED, "spread", TriageState.Outcome.KEPT)));
        assertThat(fieldEvents()).last().satisfies(e -> {
            assertThat(e.actor()).as("attributed as the suggestion is").isEqualTo(CHLOE);
            assertThat(e.data()).isEqualTo(new EventData.FieldSet("media_url", "Media URL", Optional.empty(), "https://video.example/1", true));
        });
        assertThat(store.effects).contains(new SlackEffect.UpdateCaseCard(ESC_1));

        // The suggestion itself was applied (the type was the reporter's); Accept now decides the held value alone.
        assertThat(judge(CHLOE, TriageVerdict.ACCEPTED)).as("the reporter may not steer").isInstanceOf(Reply.Refusal.class);
        assertThat(judge(MARIA, TriageVerdict.ACCEPTED)).isInstanceOf(Reply.Changed.class);
        assertThat(fields()).containsEntry("depicted", "Public figure");
        assertThat(fieldEvents()).last().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(MARIA);
            assertThat(e.data()).isEqualTo(new EventData.FieldSet("depicted", "Depicted person", Optional.empty(), "Public figure"));
        });
        assertThat(outcomes()).containsEntry("depicted", TriageState.Outcome.ACCEPTED);
        assertThat(verdicts()).as("a verdict on values is not a verdict on the suggestion").isEmpty();
        assertThat(store.file(ESC_1).orElseThrow().triage().orElseThrow().status()).isEqualTo(TriageState.Status.APPLIED);
        assertThat(judge(MARIA, TriageVerdict.ACCEPTED)).as("nothing waits now").isInstanceOf(Reply.Refusal.class);
    }

    @Test
    void shadow_rules_decide_nothing_and_what_they_would_have_done_is_only_recorded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // The example policy with two shadow rules before its live ones.
        java.nio.file.Path file = dir.resolve("policy.yml");
        try (var in = PolicyLoader.class.getResourceAsStream(PolicyLoader.BUILT_IN)) {
            String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String edited = yaml.replace("  rules:\n", """
                      rules:
                        - {name: trial-deepfake, when: {type: deepfake, at_least: 0.6}, then: apply, shadow: true, owner: U0ESCOMAR, review_by: 2027-03-31}
                        - {name: trial-sev2, when: {severity: SEV2}, then: hold, shadow: true, owner: U0ESCOMAR, review_by: 2027-03-31}
                    """);
            assertThat(edited).isNotEqualTo(yaml);
            java.nio.file.Files.writeString(file, edited);
        }
        EscCommands shadowed = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(), new InMemoryDraftStore(),
                PolicyLoader.load(file), Clock.fixed(NOW, ZoneOffset.UTC));

        // No live rule takes a deepfake at 0.7, so it waits; the shadow rule would have applied it.
        aCase(Severity.SEV3, Optional.empty());
        shadowed.triage(ESC_1, suggested("deepfake", 0.7, Severity.SEV2));
        assertThat(suggestion().applied()).isFalse();
        assertThat(suggestion().rule()).isEmpty();
        assertThat(suggestion().shadow()).contains(new ShadowRoute("trial-deepfake", true));
        assertThat(theCase().caseType()).isEmpty();
        assertThat(store.effects).containsExactly(new SlackEffect.ShowTriage(ESC_1));

        // A live rule applies this one; the first shadow rule would have too.
        store.events.clear();
        aCase(Severity.SEV3, Optional.empty());
        shadowed.triage(ESC_1, suggested("deepfake", 0.9, Severity.SEV2));
        assertThat(suggestion().rule()).contains("confident-deepfake");
        assertThat(suggestion().applied()).isTrue();
        assertThat(suggestion().shadow()).contains(new ShadowRoute("trial-deepfake", true));

        // Triage's own limits hold the shadow's answer as they hold the live one: here, the severity would be lowered.
        store.events.clear();
        aCase(Severity.SEV1, Optional.empty());
        shadowed.triage(ESC_1, suggested("deepfake", 0.9, Severity.SEV2));
        assertThat(suggestion().applied()).isFalse();
        assertThat(suggestion().shadow()).contains(new ShadowRoute("trial-deepfake", false));

        // Matched by no shadow rule: nothing recorded for them.
        store.events.clear();
        aCase(Severity.SEV3, Optional.empty());
        shadowed.triage(ESC_1, suggested("civic-event", 0.9, Severity.SEV1));
        assertThat(suggestion().rule()).contains("sev1-needs-a-human");
        assertThat(suggestion().shadow()).isEmpty();
    }

    @Test
    void a_value_a_deadline_runs_from_waits_for_a_person_however_sure_triage_is(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // The example policy with the deepfake takedown running from when the media was first seen.
        java.nio.file.Path file = dir.resolve("policy.yml");
        try (var in = PolicyLoader.class.getResourceAsStream(PolicyLoader.BUILT_IN)) {
            String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String edited = yaml.replace("{name: takedown, after: 48h, from: opened, warn_at: 12h}", "{name: takedown, after: 48h, from: first_seen, warn_at: 12h}");
            assertThat(edited).isNotEqualTo(yaml);
            java.nio.file.Files.writeString(file, edited);
        }
        EscCommands strict = new EscCommands(store, new InMemoryOverrideStore(), new InMemoryHandoffStore(), new InMemoryDraftStore(),
                PolicyLoader.load(file), Clock.fixed(NOW, ZoneOffset.UTC));
        aCase(Severity.SEV2, Optional.of("deepfake"));

        strict.triage(ESC_1, withFields(suggested("deepfake", 0.9, Severity.SEV2), Map.of(
                "first_seen", new Guess<>("2026-11-27T22:00:00Z", 0.95),
                "media_url", new Guess<>("https://video.example/1", 0.95))));

        assertThat(fields()).containsEntry("media_url", "https://video.example/1").doesNotContainKey("first_seen");
        assertThat(outcomes()).containsEntry("first_seen", TriageState.Outcome.HELD).containsEntry("media_url", TriageState.Outcome.APPLIED);
    }

    @Test
    void held_values_go_with_accept_and_a_value_set_meanwhile_stands() {
        aCase(Severity.SEV3, Optional.empty());

        commands.triage(ESC_1, withFields(suggested("deepfake", 0.95, Severity.SEV1), Map.of(
                "media_url", new Guess<>("https://video.example/1", 0.99), "spread", new Guess<>("12000", 0.9))));

        assertThat(fields()).as("a SEV1 waits, and its type's values with it").isEmpty();
        assertThat(outcomes()).containsOnly(entry("media_url", TriageState.Outcome.HELD), entry("spread", TriageState.Outcome.HELD));

        aCaseKeepsItsFile(f -> f.withField("spread", "300"));
        assertThat(judge(MARIA, TriageVerdict.ACCEPTED)).isInstanceOf(Reply.Changed.class);

        assertThat(theCase().caseType()).contains("deepfake");
        assertThat(fields()).containsOnly(entry("media_url", "https://video.example/1"), entry("spread", "300"));
        assertThat(outcomes()).containsOnly(entry("media_url", TriageState.Outcome.ACCEPTED), entry("spread", TriageState.Outcome.KEPT));
        assertThat(fieldEvents()).singleElement().extracting(CaseEvent::actor).isEqualTo(MARIA);
    }

    @Test
    void dismiss_leaves_held_values_out_and_a_value_its_field_cannot_hold_is_never_set() {
        aCase(Severity.SEV3, Optional.of("deepfake"));

        commands.triage(ESC_1, withFields(suggested("deepfake", 0.95, Severity.SEV1), Map.of(
                "media_url", new Guess<>("not a link", 0.99), "spread", new Guess<>("12000", 0.9))));

        assertThat(outcomes()).as("the bad value is dropped").containsOnly(entry("spread", TriageState.Outcome.HELD));
        assertThat(judge(MARIA, TriageVerdict.DISMISSED)).isInstanceOf(Reply.Changed.class);
        assertThat(fields()).isEmpty();
        assertThat(outcomes()).containsOnly(entry("spread", TriageState.Outcome.REJECTED));
    }

    @Test
    void values_waiting_on_an_applied_suggestion_can_be_rejected_and_undo_still_takes_the_suggestion_back() {
        aCase(Severity.SEV3, Optional.empty());
        commands.triage(ESC_1, withFields(suggested("deepfake", 0.9, Severity.SEV2), Map.of("depicted", new Guess<>("Public figure", 0.7))));
        assertThat(outcomes()).containsOnly(entry("depicted", TriageState.Outcome.HELD));

        assertThat(judge(MARIA, TriageVerdict.DISMISSED)).isInstanceOf(Reply.Changed.class);

        assertThat(fields()).isEmpty();
        assertThat(outcomes()).containsOnly(entry("depicted", TriageState.Outcome.REJECTED));
        assertThat(store.events).last().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(MARIA);
            assertThat(e.data()).isEqualTo(new EventData.TriageJudged(TriageVerdict.LEFT_OUT, "Depicted person: Public figure", "not set",
                    Optional.of("deepfake"), Severity.SEV2));
        });
        assertThat(TriageStats.of(store.events).byType()).as("the suggestion itself is still kept")
                .containsEntry("deepfake", new TriageStats.Tally(1, 1));
        assertThat(judge(MARIA, TriageVerdict.UNDONE)).isInstanceOf(Reply.Changed.class);
        assertThat(theCase().caseType()).isEmpty();
    }

    /** What someone else did to the case between the suggestion and the verdict. */
    private void aCaseKeepsItsFile(java.util.function.UnaryOperator<app.escalate.commands.CaseFile> change) {
        store.put(change.apply(store.file(ESC_1).orElseThrow()));
    }
}
