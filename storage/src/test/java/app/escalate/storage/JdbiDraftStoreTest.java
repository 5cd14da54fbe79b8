package app.escalate.storage;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.ChannelId;
import app.escalate.commands.DraftKind;
import app.escalate.commands.EventData;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.DraftDecision;
import app.escalate.commands.summary.NewDraft;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiDraftStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final UserId CHLOE = new UserId("U0ESCCHLOE");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_draft_keeps_its_costs_and_findings_and_its_decision_commits_with_the_case_event_and_effects(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore cases = new JdbiCaseStore(db.jdbi());
            Case c = cases.open(new NewCase("Deepfake", Severity.SEV1, Optional.empty(), Optional.empty(), Optional.empty(), CHLOE, T0, false),
                    x -> Opening.of(List.of()));
            JdbiDraftStore store = new JdbiDraftStore(db.jdbi());
            Outbox outbox = new Outbox(db.jdbi());

            Draft d = store.save(new NewDraft(c.id(), DraftKind.EXEC_SUMMARY, CHLOE, new ChannelId("C0ESC1"), Optional.of("https://hooks.slack.com/r"),
                    "exec-summary.v1", "openai:fake", 1234, 800, 95, "Bottom line: ESC-1 is SEV1.",
                    List.of("says SEV2, case is SEV1", "removed a mention of someone not on the case (U0X)"), Optional.empty(), T0),
                    "job:1", saved -> List.of(new SlackEffect.ShowDraft(saved.id())));

            assertThat(store.find(d.id())).contains(d);
            assertThat(d.findings()).hasSize(2);
            assertThat(d.latencyMillis()).isEqualTo(1234);
            assertThat(outbox.backlog()).isEqualTo(1);

            Instant decided = T0.plus(Duration.ofMinutes(3));
            Optional<DraftDecision> decision = store.decide(d.id(), x -> new DraftDecision.Applied(
                    x.decided(Draft.Outcome.EDITED, CHLOE, Optional.of("Bottom line: ESC-1 is SEV1!"), Optional.of(0.04), decided),
                    List.of(new CaseEvent(c.id(), decided, CHLOE, new EventData.SummaryPosted(DraftKind.EXEC_SUMMARY, x.id(), "C0ESC1", false, true,
                            Optional.empty(), Optional.empty()))),
                    List.of(new SlackEffect.PostDraft(x.id(), "C0ESC1", false), new SlackEffect.PostDraft(x.id(), "esc-leadership", true))));

            assertThat(decision).get().isInstanceOf(DraftDecision.Applied.class);
            Draft after = store.find(d.id()).orElseThrow();
            assertThat(after.outcome()).contains(Draft.Outcome.EDITED);
            assertThat(after.editRatio()).contains(0.04);
            assertThat(after.postedText()).contains("Bottom line: ESC-1 is SEV1!");
            assertThat(outbox.backlog()).isEqualTo(3);
            assertThat(cases.timeline(c.id())).extracting(CaseEvent::kind).containsExactly(CaseEvent.Kind.OPENED, CaseEvent.Kind.SUMMARY_POSTED);
            assertThat(store.decided(DraftKind.EXEC_SUMMARY)).containsExactly(after);
            assertThat(store.decided(DraftKind.RCA)).isEmpty();
            assertThat(store.lastPosted(c.id(), DraftKind.EXEC_SUMMARY)).contains(decided);
            assertThat(store.decide(999, x -> new DraftDecision.Rejected("x"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_reminder_and_an_alert_are_recorded_once(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore cases = new JdbiCaseStore(db.jdbi());
            Case c = cases.open(new NewCase("Deepfake", Severity.SEV1, Optional.empty(), Optional.empty(), Optional.empty(), CHLOE, T0, false),
                    x -> Opening.of(List.of()));
            JdbiDraftStore store = new JdbiDraftStore(db.jdbi());
            Instant due = T0.plus(Duration.ofMinutes(30));

            assertThat(store.lastReminded(c.id())).isEmpty();
            assertThat(store.remind(c.id(), due, due.plusSeconds(5), List.of(new SlackEffect.ExecUpdateDue(c.id(), Duration.ofMinutes(30))))).isTrue();
            assertThat(store.remind(c.id(), due, due.plusSeconds(9), List.of(new SlackEffect.ExecUpdateDue(c.id(), Duration.ofMinutes(30))))).isFalse();
            assertThat(store.lastReminded(c.id())).contains(due.plusSeconds(5));

            assertThat(store.lastAlertAt(DraftKind.EXEC_SUMMARY)).isZero();
            assertThat(store.alert(DraftKind.EXEC_SUMMARY, 40, T0, List.of(new SlackEffect.TeamNotice("escalations", "low")))).isTrue();
            assertThat(store.alert(DraftKind.EXEC_SUMMARY, 40, T0, List.of(new SlackEffect.TeamNotice("escalations", "low")))).isFalse();
            assertThat(store.lastAlertAt(DraftKind.EXEC_SUMMARY)).isEqualTo(40);
            assertThat(new Outbox(db.jdbi()).backlog()).isEqualTo(2);
        }
    }
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_drift_alert_is_raised_once_per_watch_and_count_and_remembered(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiDraftStore store = new JdbiDraftStore(db.jdbi());
            List<SlackEffect> notice = List.of(new SlackEffect.TeamNotice("escalations", "AI triage: kept fell"));

            assertThat(store.lastDriftAlertAt("triage")).isZero();
            assertThat(store.driftAlert("triage", 40, T0, notice)).isTrue();
            assertThat(store.driftAlert("triage", 40, T0.plusSeconds(1), notice)).as("once").isFalse();
            assertThat(store.driftAlert("duplicate-flags", 40, T0, notice)).as("each watch its own").isTrue();
            assertThat(store.driftAlert("triage", 60, T0.plusSeconds(60), notice)).isTrue();

            assertThat(new JdbiDraftStore(db.jdbi()).lastDriftAlertAt("triage")).isEqualTo(60);
            assertThat(store.lastDriftAlertAt("duplicate-flags")).isEqualTo(40);
            assertThat(store.lastAlertAt(DraftKind.EXEC_SUMMARY)).as("drafts' alerts are apart").isZero();
            assertThat(new Outbox(db.jdbi()).backlog()).isEqualTo(3);
        }
    }
}
