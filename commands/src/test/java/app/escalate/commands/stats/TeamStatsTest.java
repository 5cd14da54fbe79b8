package app.escalate.commands.stats;

import app.escalate.commands.Acknowledgement;
import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.EventData;
import app.escalate.commands.Resolution;
import app.escalate.commands.Severity;
import app.escalate.commands.TeamStats;
import app.escalate.commands.UserId;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures of a seeded month, worked out by hand. */
class TeamStatsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final UserId AMARA = new UserId("U0ESCAMARA");

    private final List<Case> cases = new ArrayList<>();
    private final List<CaseEvent> events = new ArrayList<>();

    /** A case opened {@code daysAgo}, acked after {@code ackMin}, mitigated after {@code mitigateMin}, resolved after {@code resolveMin} (negative: not yet). */
    private void seed(Severity sev, String type, String surface, int daysAgo, int ackMin, int mitigateMin, int resolveMin, boolean restricted) {
        CaseId id = new CaseId(cases.size() + 1);
        Instant opened = NOW.minus(Duration.ofDays(daysAgo));
        Optional<Acknowledgement> ack = ackMin < 0 ? Optional.empty() : Optional.of(new Acknowledgement(AMARA, opened.plus(Duration.ofMinutes(ackMin))));
        Optional<Resolution> res = resolveMin < 0 ? Optional.empty()
                : Optional.of(new Resolution("done", Optional.empty(), AMARA, opened.plus(Duration.ofMinutes(resolveMin))));
        cases.add(new Case(id, "x", sev, resolveMin < 0 ? CaseState.INVESTIGATING : CaseState.RESOLVED, Optional.of(type), Optional.of(surface),
                AMARA, Optional.of(AMARA), opened, Optional.empty(), ack, res, restricted));
        if (mitigateMin >= 0) {
            events.add(new CaseEvent(id, opened.plus(Duration.ofMinutes(mitigateMin)), AMARA, new EventData.StateChanged(CaseState.INVESTIGATING, CaseState.MITIGATED)));
        }
    }

    @Test
    void volumes_times_compliance_and_drivers_of_a_seeded_month() {
        // SEV1: ack 5 min, mitigate 1 h. SEV2: ack 15 min, mitigate 4 h.
        seed(Severity.SEV1, "deepfake", "video", 20, 3, 50, 300, false);               // ack met, mitigate met
        seed(Severity.SEV1, "deepfake", "Video", 10, 8, 90, -1, true);                 // both missed; restricted, still counted
        seed(Severity.SEV2, "deepfake", "ads", 5, 10, 200, 1000, false);               // both met
        seed(Severity.SEV2, "llm-hallucination", "assistant", 2, 20, -1, -1, false);   // ack missed; 4 h passed unmitigated: missed
        seed(Severity.SEV2, "advertiser-integrity", "ads", 1, -1, -1, -1, false);      // nothing yet: both clocks ran out, missed

        TeamStats.Report r = TeamStats.of(Duration.ofDays(30), cases, events, PolicyLoader.builtIn(), NOW);

        assertThat(r.total()).isEqualTo(5);
        assertThat(r.bySeverity()).containsExactly(Map.entry("SEV1", 2), Map.entry("SEV2", 3));
        assertThat(r.byType()).containsEntry("Deepfake / synthetic media", 3).containsEntry("LLM hallucination", 1)
                .containsEntry("Advertiser integrity", 1);
        assertThat(r.bySurface()).containsEntry("video", 1).containsEntry("(restricted)", 1).containsEntry("ads", 2).containsEntry("assistant", 1);
        assertThat(r.topDrivers()).containsExactly("Deepfake / synthetic media (60%)", "Advertiser integrity (20%)", "LLM hallucination (20%)");
        // Acks after 3, 8, 10 and 20 minutes: median (nearest rank) 8, p90 20.
        assertThat(r.toAck()).isEqualTo(new TeamStats.Times(4, Optional.of(Duration.ofMinutes(8)), Optional.of(Duration.ofMinutes(20))));
        // Mitigated after 50, 90 and 200 minutes.
        assertThat(r.toMitigate()).isEqualTo(new TeamStats.Times(3, Optional.of(Duration.ofMinutes(90)), Optional.of(Duration.ofMinutes(200))));
        assertThat(r.toResolve().count()).isEqualTo(2);
        assertThat(r.ackCompliance()).containsEntry("SEV1", new TeamStats.Compliance(1, 2)).containsEntry("SEV2", new TeamStats.Compliance(1, 3));
        assertThat(r.mitigateCompliance()).containsEntry("SEV1", new TeamStats.Compliance(1, 2)).containsEntry("SEV2", new TeamStats.Compliance(1, 3));
    }

    private void field(int caseNumber, int minutesAfter, String field, String label, String value) {
        Case c = cases.get(caseNumber - 1);
        events.add(new CaseEvent(c.id(), c.openedAt().plus(Duration.ofMinutes(minutesAfter)), AMARA,
                new EventData.FieldSet(field, label, Optional.empty(), value)));
    }

    @Test
    void choice_fields_are_counted_by_the_value_each_case_last_had_per_type_and_other_fields_are_not() {
        seed(Severity.SEV1, "deepfake", "video", 20, 3, 50, 300, false);
        seed(Severity.SEV2, "deepfake", "video", 10, 3, 50, -1, true);
        seed(Severity.SEV2, "llm-hallucination", "assistant", 2, 20, -1, -1, false);
        seed(Severity.SEV2, "deepfake", "video", 40, 3, 50, -1, false);   // opened before the window: not counted
        cases.remove(3);
        field(1, 5, "depicted", "Depicted person", "Unknown");
        field(1, 9, "depicted", "Depicted person", "Public figure");
        field(2, 5, "depicted", "Depicted person", "Public figure");
        field(3, 5, "surfaces", "Surfaces", "search, assistant");
        field(3, 6, "model", "Model", "assistant-large");   // text: not counted
        events.add(new CaseEvent(new CaseId(4), NOW.minus(Duration.ofDays(1)), AMARA,
                new EventData.FieldSet("depicted", "Depicted person", Optional.empty(), "Private person")));

        TeamStats.Report r = TeamStats.of(Duration.ofDays(30), cases, events, PolicyLoader.builtIn(), NOW);

        assertThat(r.byChoice()).containsOnlyKeys("Depicted person (Deepfake / synthetic media)", "Surfaces (LLM hallucination)");
        assertThat(r.byChoice().get("Depicted person (Deepfake / synthetic media)")).containsExactly(Map.entry("Public figure", 2));
        assertThat(r.byChoice().get("Surfaces (LLM hallucination)")).containsExactly(Map.entry("assistant", 1), Map.entry("search", 1));
    }
}
