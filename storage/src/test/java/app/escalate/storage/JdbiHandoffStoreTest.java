package app.escalate.storage;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.Handoff;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Severity;
import app.escalate.commands.SlaClock;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.commands.Watch;
import app.escalate.commands.handoff.HandoffDecision;
import app.escalate.commands.handoff.HandoffEvent;
import app.escalate.commands.handoff.HandoffNote;
import app.escalate.commands.handoff.NewHandoff;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiHandoffStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId AMARA = new UserId("U0ESCAMARA");

    private static HandoffDigest digest(Instant due) {
        HandoffDigest.Header header = new HandoffDigest.Header("escalations", "Escalations on-call", Optional.of(AMARA), MARIA, due,
                due.minus(Duration.ofHours(7)), false, true, Optional.of(AMARA), List.of(new UserId("U0ESCHELEN")));
        HandoffDigest.CaseLine line = new HandoffDigest.CaseLine(7, 1, "Deepfake of a minister", "investigating", Optional.of(AMARA),
                due.minus(Duration.ofHours(2)), Optional.of("C0ESC7"),
                Optional.of(new SlaClock.Status("mitigate", due.minus(Duration.ofHours(1)), SlaClock.Standing.BREACHED)), true, true,
                Optional.of("Ask the host for logs"), List.of("Media URL"));
        return new HandoffDigest(header, 1, 2, new HandoffDigest.Section<>(List.of(line), 1),
                List.of(new HandoffDigest.SeverityGroup(1, new HandoffDigest.Section<>(List.of(line), 1))),
                new HandoffDigest.Section<>(List.of(new HandoffDigest.ChangeLine(due.minusSeconds(60), 7, "Deepfake of a minister",
                        "opened as SEV1", AMARA)), 3),
                new HandoffDigest.Section<>(List.of(new HandoffDigest.TaskLine(7, 1, "Ask the host for logs", Optional.empty())), 1),
                new HandoffDigest.Section<>(List.of(new HandoffDigest.WaitingLine(7, 1, "Deepfake of a minister", List.of("legal"),
                        List.of("#1 Take it down (waiting on policy)"))), 1),
                new HandoffDigest.Section<>(List.of(line), 1),
                List.of(new HandoffDigest.NoteLine(AMARA, "Legal call at 09:00", due.minusSeconds(600))), due);
    }

    private static NewHandoff pending(Instant due) {
        return new NewHandoff("escalations", due, Optional.of(AMARA), MARIA, false, false, Handoff.Status.PENDING,
                Optional.of(digest(due)), Optional.of(digest(due)),
                id -> List.of(new SlackEffect.PostHandoff(id, "escalations", false), new SlackEffect.PostHandoff(id, MARIA.value(), true)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_handoff_is_recorded_once_with_its_snapshot_and_effects_and_a_stale_sweep_records_nothing(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiHandoffStore store = new JdbiHandoffStore(db.jdbi());
            Outbox outbox = new Outbox(db.jdbi());
            assertThat(store.checkedUntil("escalations")).isEmpty();
            assertThat(store.record("escalations", Optional.empty(), T0.minusSeconds(60), List.of())).isTrue();
            assertThat(store.record("escalations", Optional.empty(), T0.minusSeconds(30), List.of()))
                    .as("a second replica's first sweep").isFalse();

            Optional<Instant> seen = store.checkedUntil("escalations");
            assertThat(store.record("escalations", seen, T0, List.of(pending(T0)))).isTrue();
            assertThat(store.record("escalations", seen, T0.plusSeconds(1), List.of(pending(T0))))
                    .as("another replica that read the same mark").isFalse();
            assertThat(store.record("escalations", store.checkedUntil("escalations"), T0.plusSeconds(2), List.of(pending(T0))))
                    .as("a later sweep that sees the same instant again").isTrue();
            assertThat(store.latest("escalations")).get().extracting(Handoff::dueAt).isEqualTo(T0);

            Handoff h = store.pending().get(0);
            assertThat(store.pending()).hasSize(1);
            assertThat(h.incoming()).isEqualTo(MARIA);
            assertThat(h.outgoing()).contains(AMARA);
            assertThat(h.dueAt()).isEqualTo(T0);
            assertThat(store.digest(h.id(), false)).contains(digest(T0));
            assertThat(store.checkedUntil("escalations")).contains(T0.plusSeconds(2));
            assertThat(outbox.backlog()).isEqualTo(2);
            assertThat(store.events(h.id())).extracting(HandoffEvent::kind).containsExactly(HandoffEvent.Kind.POSTED);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void two_replicas_sweeping_at_the_same_moment_record_the_handoff_once(DatabaseKind kind) throws Exception {
        try (Database db = kind.open()) {
            JdbiHandoffStore one = new JdbiHandoffStore(db.jdbi());
            JdbiHandoffStore two = new JdbiHandoffStore(db.jdbi());
            one.record("escalations", Optional.empty(), T0.minusSeconds(60), List.of());
            Optional<Instant> seen = one.checkedUntil("escalations");
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Boolean>> results = List.of(
                        pool.submit(() -> {
                            together.await();
                            return one.record("escalations", seen, T0.plusMillis(1), List.of(pending(T0)));
                        }),
                        pool.submit(() -> {
                            together.await();
                            return two.record("escalations", seen, T0.plusMillis(2), List.of(pending(T0)));
                        }));
                assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(true, false);
            } finally {
                pool.shutdownNow();
            }
            assertThat(one.pending()).hasSize(1);
            assertThat(new Outbox(db.jdbi()).backlog()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void acceptance_is_stored_and_the_next_handoff_supersedes_a_pending_one(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiHandoffStore store = new JdbiHandoffStore(db.jdbi());
            store.record("escalations", Optional.empty(), T0.minusSeconds(60), List.of());
            store.record("escalations", Optional.of(T0.minusSeconds(60)), T0, List.of(pending(T0)));
            long first = store.pending().get(0).id();
            Optional<HandoffDecision> accepted = store.change(first, h -> new HandoffDecision.Applied(h.accepted(MARIA, T0.plusSeconds(90)),
                    List.of(new HandoffEvent(h.id(), T0.plusSeconds(90), Optional.of(MARIA), HandoffEvent.Kind.ACCEPTED, "accepted")),
                    List.of()));
            assertThat(accepted).get().isInstanceOf(HandoffDecision.Applied.class);
            assertThat(store.find(first).orElseThrow().acceptedAt()).contains(T0.plusSeconds(90));
            assertThat(store.change(999, h -> new HandoffDecision.Rejected("x"))).isEmpty();

            Instant next = T0.plus(Duration.ofHours(8));
            store.record("escalations", Optional.of(T0), next, List.of(pending(next)));
            long second = store.pending().get(0).id();
            Instant third = next.plus(Duration.ofHours(8));
            store.record("escalations", Optional.of(next), third, List.of(pending(third)));

            assertThat(store.find(first).orElseThrow().status()).isEqualTo(Handoff.Status.ACCEPTED);
            assertThat(store.find(second).orElseThrow().status()).isEqualTo(Handoff.Status.SUPERSEDED);
            assertThat(store.pending()).extracting(Handoff::dueAt).containsExactly(third);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void notes_are_kept_per_rotation_and_open_case_files_are_read_in_bulk_with_their_watch_flag(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiHandoffStore store = new JdbiHandoffStore(db.jdbi());
            store.addNote(new HandoffNote(Optional.of("escalations"), AMARA, "Legal call at 09:00", T0));
            store.addNote(new HandoffNote(Optional.of("other"), AMARA, "not ours", T0));
            store.addNote(new HandoffNote(Optional.empty(), MARIA, "for everyone", T0.plusSeconds(1)));
            assertThat(store.notes("escalations", T0, T0.plusSeconds(60))).extracting(HandoffNote::text)
                    .containsExactly("Legal call at 09:00", "for everyone");
            assertThat(store.notes("escalations", T0.plusSeconds(60), T0.plusSeconds(120))).isEmpty();

            JdbiCaseStore cases = new JdbiCaseStore(db.jdbi());
            Case a = cases.open(new NewCase("Deepfake", Severity.SEV1, Optional.empty(), Optional.empty(), Optional.empty(), AMARA, T0, false),
                    c -> Opening.of(List.of()));
            Case b = cases.open(new NewCase("Scam ads", Severity.SEV3, Optional.empty(), Optional.empty(), Optional.empty(), MARIA, T0, true),
                    c -> Opening.of(List.of()));
            cases.change(a.id(), f -> new Decision.Applied(f.withWatch(Optional.of(new Watch(AMARA, T0)))
                    .withTasks(List.of(new Task(1, "Ask the host", Optional.of(MARIA), AMARA, T0, Optional.empty(), Optional.empty())))
                    .withStakeholder("legal", Set.of(new UserId("U0ESCPRIYA"))),
                    List.of(new CaseEvent(a.id(), T0.plusSeconds(5), AMARA, new EventData.SeverityChanged(Severity.SEV2, Severity.SEV1, Optional.empty()))),
                    List.of()));

            List<CaseFile> open = cases.openFiles();
            assertThat(open).extracting(CaseFile::id).containsExactly(a.id(), b.id());
            assertThat(open.get(0).watch()).contains(new Watch(AMARA, T0));
            assertThat(open.get(0).tasks()).extracting(Task::text).containsExactly("Ask the host");
            assertThat(open.get(0).stakeholders()).containsExactly("legal");
            assertThat(open.get(0).members()).contains(AMARA, new UserId("U0ESCPRIYA"));
            assertThat(open.get(1).details().restricted()).isTrue();
            assertThat(open.get(1).watch()).isEmpty();
            assertThat(cases.file(a.id()).orElseThrow()).isEqualTo(open.get(0));
            assertThat(cases.events(T0, T0.plusSeconds(60), Set.of(CaseEvent.Kind.OPENED, CaseEvent.Kind.SEVERITY_CHANGED)))
                    .extracting(CaseEvent::kind).containsExactly(CaseEvent.Kind.OPENED, CaseEvent.Kind.OPENED, CaseEvent.Kind.SEVERITY_CHANGED);
            assertThat(cases.events(T0, T0.plusSeconds(60), Set.of(CaseEvent.Kind.RESOLVED))).isEmpty();

            cases.change(a.id(), f -> new Decision.Applied(f.withWatch(Optional.empty()),
                    List.of(new CaseEvent(a.id(), T0.plusSeconds(9), AMARA, new EventData.Unwatched())), List.of()));
            assertThat(cases.file(a.id()).orElseThrow().watch()).isEmpty();
        }
    }

}
