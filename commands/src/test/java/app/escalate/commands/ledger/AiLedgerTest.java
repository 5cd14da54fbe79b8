package app.escalate.commands.ledger;

import app.escalate.commands.AiLedgerReport;
import app.escalate.commands.AiOverride;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.DraftKind;
import app.escalate.commands.EventData;
import app.escalate.commands.Guess;
import app.escalate.commands.Severity;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import app.escalate.commands.summary.Draft;
import app.escalate.config.Triage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AiLedgerTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Instant FROM = NOW.minus(Duration.ofDays(30));
    private static final UserId MARIA = new UserId("U0ESCMARIA");

    private static Draft draft(long id, long caseNumber, String version, Draft.Outcome outcome, double ratio, Instant decided) {
        return new Draft(id, new CaseId(caseNumber), DraftKind.EXEC_SUMMARY, MARIA, new ChannelId("C0CASE"), Optional.empty(), version,
                "openai:m", 100, 0, 0, "text", List.of(), Optional.empty(), decided.minusSeconds(60), Optional.of(outcome), Optional.of(MARIA),
                Optional.empty(), Optional.of(ratio), Optional.of(decided), Optional.empty());
    }

    private static CaseEvent tag(long caseNumber, String subject, String surface, String version, String mode, String label) {
        return new CaseEvent(new CaseId(caseNumber), NOW.minusSeconds(10), MARIA,
                new EventData.FailureTagged(surface, subject, version, Optional.empty(), mode, label));
    }

    private static CaseEvent suggested(long n, boolean applied) {
        return suggested(n, applied, applied ? Optional.of("confident-deepfake") : Optional.empty());
    }

    private static CaseEvent suggested(long n, boolean applied, Optional<String> rule) {
        Suggestion s = new Suggestion(Optional.of(new Guess<>("deepfake", 0.8)), new Guess<>(Severity.SEV2, 0.8), new Guess<>(List.of(), 0),
                new Guess<>("", 0));
        return new CaseEvent(new CaseId(n), NOW.minusSeconds(3600), MARIA, new EventData.TriageSuggested(
                new SuggestedTriage(s, "openai:m", "triage.v2", Optional.empty()), applied, rule, Optional.empty()));
    }

    private static CaseEvent judged(long n, TriageVerdict verdict) {
        return new CaseEvent(new CaseId(n), NOW.minusSeconds(1800), MARIA,
                new EventData.TriageJudged(verdict, "a", "b", Optional.empty(), Severity.SEV2));
    }

    @Test
    void drafts_count_per_prompt_version_in_the_window_and_each_override_counts_with_its_latest_tag() {
        List<Draft> drafts = List.of(
                draft(1, 1, "exec-summary.v1", Draft.Outcome.DISCARDED, 0, NOW.minusSeconds(100)),
                draft(2, 2, "exec-summary.v1", Draft.Outcome.EDITED, 0.2, NOW.minusSeconds(100)),
                draft(3, 3, "exec-summary.v1", Draft.Outcome.AS_IS, 0, NOW.minusSeconds(100)),
                draft(4, 4, "exec-summary.v1", Draft.Outcome.AS_IS, 0, NOW.minusSeconds(100)),
                draft(5, 5, "exec-summary.v1", Draft.Outcome.DISCARDED, 0, FROM.minusSeconds(1)));   // before the window
        List<CaseEvent> events = List.of(
                tag(1, AiOverride.draft(1), "summary", "exec-summary.v1", "tone", "Tone"),
                tag(1, AiOverride.draft(1), "summary", "exec-summary.v1", "invented-fact", "Invented fact"),   // changed: the latest stands
                tag(2, AiOverride.draft(2), "summary", "exec-summary.v1", "invented-fact", "Invented fact"));

        AiLedgerReport r = AiLedger.of(30, FROM, drafts, events, Triage.NONE, List.of());

        AiLedgerReport.Row summary = r.rows().get(0);
        assertThat(summary.surface()).isEqualTo("summary");
        assertThat(summary.version()).isEqualTo("exec-summary.v1");
        assertThat(summary.volume()).isEqualTo(4);
        assertThat(summary.acceptance()).isEqualTo(0.75);
        assertThat(summary.overrideRate()).as("the discarded and the edited one").isEqualTo(0.5);
        assertThat(summary.meanEditRatio()).isCloseTo(0.2 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(summary.modes()).containsExactly(Map.entry("Invented fact", 2));
    }

    @Test
    void triage_counts_per_version_what_people_kept_and_overrode_and_a_waiting_suggestion_is_not_judged() {
        List<CaseEvent> events = List.of(
                suggested(1, true),
                suggested(2, true), judged(2, TriageVerdict.UNDONE),
                suggested(3, false), judged(3, TriageVerdict.CHANGED),
                suggested(4, false),
                tag(3, AiOverride.TRIAGE, "triage", "openai:m triage.v2", "wrong-severity", "Wrong severity"));

        AiLedgerReport.Row triage = AiLedger.of(30, FROM, List.of(), events, Triage.NONE, List.of()).rows().get(0);

        assertThat(triage.surface()).isEqualTo("triage");
        assertThat(triage.version()).isEqualTo("openai:m triage.v2");
        assertThat(triage.volume()).isEqualTo(4);
        assertThat(triage.judged()).isEqualTo(3);
        assertThat(triage.kept()).isEqualTo(1);
        assertThat(triage.overrideRate()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(triage.modes()).containsExactly(Map.entry("Wrong severity", 1));
    }

    @Test
    void each_rule_that_applied_suggestions_at_once_counts_what_people_let_stand() {
        List<CaseEvent> events = List.of(
                suggested(1, true), suggested(2, true), judged(2, TriageVerdict.UNDONE), suggested(3, true), judged(3, TriageVerdict.ACCEPTED),
                suggested(4, false), judged(4, TriageVerdict.CHANGED),
                new CaseEvent(new CaseId(2), NOW, MARIA, new EventData.FailureTagged("triage", "triage", "openai:m triage.v2",
                        Optional.of("confident-deepfake"), "wrong-type", "Wrong type")));

        AiLedgerReport.Row rule = AiLedger.of(30, FROM, List.of(), events, Triage.NONE, List.of()).rows().stream()
                .filter(r -> r.surface().equals(AiLedger.RULE)).findFirst().orElseThrow();

        assertThat(rule.version()).isEqualTo("confident-deepfake");
        assertThat(rule.volume()).as("held suggestions are no rule's doing").isEqualTo(3);
        assertThat(rule.kept()).isEqualTo(2);
        assertThat(rule.modes()).containsExactly(Map.entry("Wrong type", 1));
    }

    @Test
    void a_case_lists_its_overrides_and_not_what_people_kept() {
        List<Draft> drafts = List.of(
                draft(1, 1, "exec-summary.v1", Draft.Outcome.DISCARDED, 0, NOW),
                draft(2, 1, "exec-summary.v1", Draft.Outcome.AS_IS, 0, NOW),
                draft(3, 2, "exec-summary.v1", Draft.Outcome.DISCARDED, 0, NOW));
        List<CaseEvent> timeline = List.of(suggested(1, false), judged(1, TriageVerdict.ACCEPTED),
                tag(1, AiOverride.draft(1), "summary", "exec-summary.v1", "tone", "Tone"));

        assertThat(AiOverrides.of(new CaseId(1), drafts, timeline)).containsExactly(
                new AiOverride("draft:1", "summary", "discarded the executive summary draft 1", "exec-summary.v1", Optional.empty(), Optional.of("tone"),
                        NOW));
        assertThat(AiOverrides.of(new CaseId(1), List.of(), List.of(suggested(1, true), judged(1, TriageVerdict.UNDONE))))
                .extracting(AiOverride::subject, AiOverride::what).containsExactly(org.assertj.core.groups.Tuple.tuple("triage", "undid the triage suggestion"));
        assertThat(AiOverride.draftId("draft:12")).contains(12L);
        assertThat(AiOverride.draftId("draft:-1")).isEmpty();
        assertThat(AiOverride.draftId("triage")).isEmpty();
    }

    @Test
    void a_cases_overrides_come_oldest_first_by_when_they_happened_and_a_long_runbook_question_is_clipped() {
        List<Draft> drafts = List.of(draft(1, 1, "exec-summary.v1", Draft.Outcome.DISCARDED, 0, NOW.minusSeconds(10)));
        List<CaseEvent> timeline = List.of(suggested(1, true), judged(1, TriageVerdict.UNDONE),   // half an hour before the draft
                new CaseEvent(new CaseId(1), NOW, MARIA, new EventData.RunbookFlagged("deepfake", "harm", "Is it real? ".repeat(160))));

        List<AiOverride> overrides = AiOverrides.of(new CaseId(1), drafts, timeline);

        assertThat(overrides).extracting(AiOverride::subject).containsExactly("triage", "draft:1", "runbook:harm");
        assertThat(overrides.get(2).what()).hasSizeLessThan(AiOverrides.QUESTION + 60);
    }
}
