package app.escalate.storage;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.Decision;
import app.escalate.commands.DraftKind;
import app.escalate.commands.EventData;
import app.escalate.commands.Guess;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Severity;
import app.escalate.commands.ShadowRoute;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.Suggestion;
import app.escalate.commands.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EventFieldsTest {
    private static final CaseId CASE = new CaseId(1);

    @Test
    void each_kind_of_event_has_one_record_and_comes_back_as_it_was_kept() {
        List<CaseEvent> samples = EventSamples.all(CASE);
        assertThat(samples.stream().map(CaseEvent::kind).distinct()).containsExactlyInAnyOrder(CaseEvent.Kind.values());
        assertThat(samples).hasSize(2 * CaseEvent.Kind.values().length);
        for (CaseEvent e : samples) {
            assertThat(EventFields.read(e.kind(), EventFields.of(e.data()))).as(e.data().toString()).isEqualTo(e.data());
        }
    }

    @Test
    void a_triage_suggestion_keeps_what_the_shadow_rules_would_have_done_and_one_kept_before_them_reads_without() {
        SuggestedTriage suggested = new SuggestedTriage(new Suggestion(Optional.of(new Guess<>("deepfake", 0.9)),
                new Guess<>(Severity.SEV2, 0.8), new Guess<>(List.of("video"), 0.7), new Guess<>("Synthetic video.", 0.85)),
                "keywords", "keywords", Optional.empty());
        for (ShadowRoute shadow : List.of(new ShadowRoute("trial-deepfake", true), new ShadowRoute("trial-hold", false))) {
            var data = new EventData.TriageSuggested(suggested, false, Optional.empty(), Optional.empty(), Optional.of(shadow));
            Map<String, String> kept = EventFields.of(data);
            assertThat(kept).containsEntry("shadow_rule", shadow.rule()).containsEntry("shadow_route", shadow.apply() ? "apply" : "hold");
            assertThat(EventFields.read(CaseEvent.Kind.TRIAGE_SUGGESTED, kept)).isEqualTo(data);
        }
        var none = new EventData.TriageSuggested(suggested, true, Optional.of("confident-deepfake"), Optional.empty());
        assertThat(EventFields.of(none)).doesNotContainKeys("shadow_rule", "shadow_route");
        assertThat(EventFields.read(CaseEvent.Kind.TRIAGE_SUGGESTED, EventFields.of(none))).isEqualTo(none);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void every_kind_of_event_is_kept_on_the_timeline_and_announced_through_the_outbox(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Outbox outbox = new Outbox(db.jdbi());
            Instant at = Samples.AT.minusSeconds(60);
            CaseId id = store.open(new NewCase("Fake CEO audio", Severity.SEV2, Optional.empty(), Optional.empty(), Optional.empty(),
                    new UserId("U0ESCMARIA"), at, false), c -> Opening.of(List.of())).id();
            List<CaseEvent> samples = EventSamples.all(id);

            store.change(id, file -> new Decision.Applied(file, samples, samples.stream()
                    .map(e -> (SlackEffect) new SlackEffect.Announce(id, e)).toList()));

            assertThat(store.timeline(id)).filteredOn(e -> e.at().equals(Samples.AT)).containsExactlyElementsOf(samples);
            List<SlackEffect> announced = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {   // one case's effects go out one at a time, in order
                OutboxEntry entry = outbox.lease(Outbox.Lane.SLACK, Samples.AT, 1, Duration.ofMinutes(1)).get(0);
                announced.add(entry.effect());
                outbox.delivered(entry, new DeliveryOutcome.Sent(), FollowUp.NONE, Samples.AT);
            }
            assertThat(announced).containsExactlyElementsOf(samples.stream().map(e -> (SlackEffect) new SlackEffect.Announce(id, e)).toList());
        }
    }

    @Test
    void events_kept_by_earlier_versions_read_back() {
        assertThat(EventFields.read(CaseEvent.Kind.ACKNOWLEDGED, Map.of("from", "", "to", "U0ESCMARIA", "after", "240")))
                .isEqualTo(new EventData.Acknowledged(Optional.of(Duration.ofMinutes(4))));
        assertThat(EventFields.read(CaseEvent.Kind.OPENED, Map.of("title", "Fake CEO audio", "severity", "SEV2", "case_type", "")))
                .isEqualTo(new EventData.Opened("Fake CEO audio", Severity.SEV2, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(EventFields.read(CaseEvent.Kind.OWNER_CHANGED, Map.of("from", "", "to", "U0ESCKENJI")))
                .isEqualTo(new EventData.OwnerChanged(Optional.empty(), new UserId("U0ESCKENJI")));
        // Confidences were kept to two places, surfaces joined with ", ".
        assertThat(EventFields.read(CaseEvent.Kind.TRIAGE_SUGGESTED, Json.read("""
                {"type": "deepfake", "type_confidence": "0.90", "severity": "SEV2", "severity_confidence": "0.80",
                 "surfaces": "video, feed", "surfaces_confidence": "0.70", "rationale": "Synthetic video.", "rationale_confidence": "0.85",
                 "source": "openai:gpt-4o-mini", "prompt_version": "triage.v1", "route": "applied", "rule": "confident-deepfake"}""")))
                .isEqualTo(new EventData.TriageSuggested(new SuggestedTriage(new Suggestion(Optional.of(new Guess<>("deepfake", 0.9)),
                        new Guess<>(Severity.SEV2, 0.8), new Guess<>(List.of("video", "feed"), 0.7), new Guess<>("Synthetic video.", 0.85)),
                        "openai:gpt-4o-mini", "triage.v1", Optional.empty()), true, Optional.of("confident-deepfake"), Optional.empty()));
        // Posts recorded before drafts were named on them.
        assertThat(EventFields.read(CaseEvent.Kind.SUMMARY_POSTED, Map.of("kind", "rca", "edited", "true", "leadership", "true")))
                .isEqualTo(new EventData.SummaryPosted(DraftKind.RCA, 0, "", true, true, Optional.empty(), Optional.empty()));
        assertThat(EventFields.read(CaseEvent.Kind.RESOLVED, Map.of("from", "mitigated", "to", "resolved", "resolution", "Removed")))
                .isEqualTo(new EventData.Resolved(CaseState.MITIGATED, "Removed", Optional.empty()));
    }
}
