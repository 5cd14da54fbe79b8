package app.escalate.commands.triage;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.TriageStats;
import app.escalate.commands.TriageVerdict;
import app.escalate.commands.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TriageStatsTest {
    private static final Instant T = Instant.parse("2026-11-28T03:04:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");

    private static CaseEvent suggested(int n, String type, String route, String source, String version) {
        Map<String, String> data = new HashMap<>(Map.of("route", route, "source", source, "prompt_version", version));
        if (type != null) data.put("type", type);
        return CaseEvent.of(new CaseId(n), T, MARIA, CaseEvent.Kind.TRIAGE_SUGGESTED, data);
    }

    private static CaseEvent judged(int n, TriageVerdict verdict) {
        return CaseEvent.of(new CaseId(n), T.plusSeconds(60), MARIA, CaseEvent.Kind.TRIAGE_JUDGED, Map.of("verdict", verdict.id()));
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
}
