package app.escalate.commands.triage;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.EventData;
import app.escalate.commands.Guess;
import app.escalate.commands.Severity;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.TriageStats;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TriageStatsTest {
    private static final Instant T = Instant.parse("2026-11-28T03:04:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");

    private static CaseEvent suggested(int n, String type, String route, String source, String version) {
        return suggested(n, type, route, source, version, 0.9);
    }

    private static CaseEvent suggested(int n, String type, String route, String source, String version, double confidence) {
        Suggestion s = new Suggestion(Optional.ofNullable(type).map(t -> new Guess<>(t, confidence)), new Guess<>(Severity.SEV2, 0.95),
                new Guess<>(List.of(), 0), new Guess<>("", 0));
        return new CaseEvent(new CaseId(n), T, MARIA, new EventData.TriageSuggested(new SuggestedTriage(s, source, version, Optional.empty()),
                route.equals("applied"), Optional.empty(), Optional.empty()));
    }

    private static CaseEvent judged(int n, TriageVerdict verdict) {
        return new CaseEvent(new CaseId(n), T.plusSeconds(60), MARIA,
                new EventData.TriageJudged(verdict, "SEV2 · no type", "SEV2 · no type", Optional.empty(), Severity.SEV2));
    }

    @Test
    void kept_is_accepted_or_applied_and_not_undone_and_the_rest_are_overrides_per_prompt_version() {
        TriageStats.Report r = TriageStats.of(List.of(
                suggested(1, "deepfake", "applied", "openai:gpt-4o-mini", "triage.v1"),
                suggested(2, "deepfake", "applied", "openai:gpt-4o-mini", "triage.v1"), judged(2, TriageVerdict.UNDONE),
                suggested(3, "deepfake", "held", "openai:gpt-4o-mini", "triage.v1"), judged(3, TriageVerdict.ACCEPTED),
                suggested(4, "civic-event", "held", "openai:gpt-4o-mini", "triage.v2"), judged(4, TriageVerdict.CHANGED),
                suggested(5, null, "held", "keywords", "keywords"), judged(5, TriageVerdict.DISMISSED),
                suggested(6, "deepfake", "held", "keywords", "keywords")));

        assertThat(r.byType()).containsOnly(
                Map.entry("deepfake", new TriageStats.Tally(3, 2)),
                Map.entry("civic-event", new TriageStats.Tally(1, 0)),
                Map.entry("none", new TriageStats.Tally(1, 0)));
        assertThat(r.byPromptVersion()).containsOnly(
                Map.entry("openai:gpt-4o-mini triage.v1", new TriageStats.Tally(3, 2)),
                Map.entry("openai:gpt-4o-mini triage.v2", new TriageStats.Tally(1, 0)),
                Map.entry("keywords", new TriageStats.Tally(1, 0)));
        assertThat(r.waiting()).isEqualTo(1);
        assertThat(r.byType().get("deepfake").keptShare()).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void kept_is_counted_per_band_of_the_suggestions_confidence_the_least_sure_of_type_and_severity() {
        TriageStats.Report r = TriageStats.of(List.of(
                suggested(1, "deepfake", "applied", "keywords", "keywords", 0.95),
                suggested(2, "deepfake", "applied", "keywords", "keywords", 0.9), judged(2, TriageVerdict.UNDONE),
                suggested(3, "deepfake", "held", "keywords", "keywords", 0.75), judged(3, TriageVerdict.ACCEPTED),
                suggested(4, "deepfake", "held", "keywords", "keywords", 0.55), judged(4, TriageVerdict.CHANGED),
                suggested(5, null, "held", "keywords", "keywords"), judged(5, TriageVerdict.DISMISSED),
                suggested(6, "deepfake", "held", "keywords", "keywords", 0.3)));

        assertThat(r.byConfidence()).containsOnly(
                Map.entry(0.9, new TriageStats.Tally(2, 1)),
                Map.entry(0.7, new TriageStats.Tally(1, 1)),
                Map.entry(0.5, new TriageStats.Tally(1, 0)),
                Map.entry(0.0, new TriageStats.Tally(1, 0)));   // no type: confidence 0; the waiting one counts nowhere
        assertThat(TriageStats.band(0.69999)).isEqualTo(0.5);
        assertThat(TriageStats.band(1.0)).isEqualTo(0.9);
    }
}
