package app.escalate.storage;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseNotFound;
import app.escalate.commands.CaseState;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Resolution;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changes to a case, kept exactly, on both databases. */
class CaseChangesTest {
    private static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    private static final UserId MARIA = new UserId("U0ESCMARIA");
    private static final UserId KENJI = new UserId("U0ESCKENJI");
    private static final UserId PRIYA = new UserId("U0ESCPRIYA");

    private static CaseId open(JdbiCaseStore store, boolean restricted) {
        return store.open(new NewCase("Fake CEO audio", Severity.SEV2, Optional.empty(), Optional.of("web"), Optional.empty(), MARIA, T0, restricted), c -> Opening.of(List.of())).id();
    }

    private static CaseEvent event(CaseId id, UserId actor, EventData data, Instant at) {
        return new CaseEvent(id, at, actor, data);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void every_field_a_change_can_touch_is_kept(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            CaseId id = open(store, false);
            Instant at = T0.plusSeconds(60);

            Decision decision = store.change(id, file -> {
                Case c = file.details().withSeverity(Severity.SEV1).withOwner(KENJI).acknowledgedBy(KENJI, at)
                        .resolvedWith(new Resolution("Removed", Optional.of("third-party"), KENJI, at));
                Task task = new Task(1, "Call the host", Optional.of(PRIYA), KENJI, at, Optional.of(KENJI), Optional.of(at));
                CaseFile after = file.with(c).withTasks(List.of(task)).withStakeholder("legal", Set.of(PRIYA));
                return new Decision.Applied(after, List.of(event(id, KENJI, new EventData.Resolved(CaseState.TRIAGE, "Removed", Optional.empty()), at)),
                        List.of(new SlackEffect.UpdateCaseCard(id)));
            });

            CaseFile stored = store.file(id).orElseThrow();
            assertThat(decision).isInstanceOf(Decision.Applied.class);
            // Storage keeps the people the decision names; acting (Kenji's event) makes no one a member here.
            assertThat(stored).isEqualTo(((Decision.Applied) decision).after());
            assertThat(stored.details().state()).isEqualTo(CaseState.RESOLVED);
            assertThat(stored.members()).containsExactlyInAnyOrder(MARIA, PRIYA);
            assertThat(store.timeline(id)).extracting(CaseEvent::kind).containsExactly(CaseEvent.Kind.OPENED, CaseEvent.Kind.RESOLVED);
            assertThat(new Outbox(db.jdbi()).backlog()).isEqualTo(1);
            assertThat(store.casesWithMember(PRIYA)).containsExactly(id);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_rejected_change_writes_nothing(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            CaseId id = open(store, true);
            CaseFile before = store.file(id).orElseThrow();

            assertThat(store.change(id, file -> new Decision.Rejected("no"))).isEqualTo(new Decision.Rejected("no"));

            assertThat(store.file(id)).contains(before);
            assertThat(before.details().restricted()).isTrue();
            assertThat(store.timeline(id)).hasSize(1);
            assertThatThrownBy(() -> store.change(new CaseId(99), file -> new Decision.Rejected("no"))).isInstanceOf(CaseNotFound.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void concurrent_changes_queue_on_the_case_instead_of_losing_each_other(DatabaseKind kind) throws Exception {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            CaseId id = open(store, false);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Decision>> results = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Instant at = T0.plusSeconds(i);
                    results.add(pool.submit(() -> store.change(id, file -> {
                        int next = file.tasks().size() + 1;
                        Task task = new Task(next, "Task " + next, Optional.empty(), KENJI, at, Optional.empty(), Optional.empty());
                        List<Task> tasks = new ArrayList<>(file.tasks());
                        tasks.add(task);
                        return new Decision.Applied(file.withTasks(tasks), List.of(event(id, KENJI, new EventData.TaskAdded(tasks.size(), "Ask the host", Optional.empty()), at)),
                                List.of());
                    })));
                }
                for (Future<Decision> result : results) assertThat(result.get()).isInstanceOf(Decision.Applied.class);
            } finally {
                pool.shutdownNow();
            }

            assertThat(store.file(id).orElseThrow().tasks()).extracting(Task::number)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
            assertThat(store.timeline(id)).hasSize(21);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void an_announced_event_survives_the_outbox_round_trip(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Outbox outbox = new Outbox(db.jdbi());
            CaseId id = open(store, false);
            CaseEvent said = new CaseEvent(id, T0, KENJI,
                    new EventData.SeverityChanged(Severity.SEV2, Severity.SEV1, Optional.of("on the news & \"trending\"")));
            List<SlackEffect> effects = List.of(new SlackEffect.Announce(id, said), new SlackEffect.BriefGroup(id, "legal", List.of(PRIYA)),
                    new SlackEffect.UpdateCaseCard(id), new SlackEffect.SetChannelTopic(id), new SlackEffect.PostRunbook(id));
            store.change(id, file -> new Decision.Applied(file, List.of(said), effects));

            List<SlackEffect> delivered = new ArrayList<>();
            for (int i = 0; i < effects.size(); i++) {
                OutboxEntry entry = outbox.lease(Outbox.Lane.SLACK, T0, 1, Duration.ofMinutes(1)).get(0);
                delivered.add(entry.effect());
                outbox.delivered(entry, new DeliveryOutcome.Sent(), FollowUp.NONE, T0);
            }
            assertThat(delivered).isEqualTo(effects);
        }
    }
}
