package app.escalate.storage;

import app.escalate.commands.CaseId;
import app.escalate.commands.MachineReporter;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Severity;
import app.escalate.commands.intake.IntakeStore;
import app.escalate.commands.intake.MachineReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiIntakeTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    private static NewCase draft() {
        return new NewCase("Deepfake cluster", Severity.SEV2, Optional.of("deepfake"), Optional.empty(), Optional.empty(),
                MachineReporter.ID, T0, false);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void of_twenty_concurrent_reports_exactly_one_opens_the_case_on_two_replicas_of_postgresql(DatabaseKind kind) throws Exception {
        String url = kind.newUrl();
        try (Database one = Database.open(url); Database two = Database.open(url)) {
            // PostgreSQL is shared by replicas; H2 is one process, so both "replicas" are the one store there.
            JdbiIntake first = new JdbiIntake(one.jdbi());
            List<IntakeStore> replicas = List.of(first, kind == DatabaseKind.H2 ? first : new JdbiIntake(two.jdbi()));
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<Callable<IntakeStore.Keyed>> reports = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                IntakeStore store = replicas.get(i % 2);
                reports.add(() -> store.openOnce("classifier", "cluster-1", Optional.empty(), draft(), c -> Opening.of(List.of())));
            }
            List<IntakeStore.Keyed> keyed = new ArrayList<>();
            try {
                for (Future<IntakeStore.Keyed> f : pool.invokeAll(reports)) keyed.add(f.get());
            } finally {
                pool.shutdown();
            }

            assertThat(keyed).filteredOn(IntakeStore.Keyed::opened).hasSize(1);
            assertThat(keyed).extracting(k -> k.found().id()).containsOnly(new CaseId(1));
            int cases = one.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cases").mapTo(Integer.class).one());
            assertThat(cases).isEqualTo(1);
            assertThat(replicas.get(1).report(new CaseId(1))).contains(new MachineReport("classifier", 1));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_released_key_opens_a_new_case_and_another_sources_key_is_its_own(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiIntake store = new JdbiIntake(db.jdbi());
            CaseId first = store.openOnce("classifier", "k", Optional.of("https://x.example/1"), draft(), c -> Opening.of(List.of())).found().id();

            assertThat(store.openOnce("other", "k", Optional.empty(), draft(), c -> Opening.of(List.of())).opened()).isTrue();
            assertThat(store.openOnce("classifier", "k", Optional.empty(), draft(), c -> Opening.of(List.of())).opened()).isFalse();
            store.release("classifier", "k", new CaseId(99));   // not the case the key names: left as it is
            assertThat(store.openOnce("classifier", "k", Optional.empty(), draft(), c -> Opening.of(List.of())).found().id()).isEqualTo(first);
            store.release("classifier", "k", first);
            IntakeStore.Keyed again = store.openOnce("classifier", "k", Optional.empty(), draft(), c -> Opening.of(List.of()));

            assertThat(again.opened()).isTrue();
            assertThat(again.found().id()).isNotEqualTo(first);
            assertThat(store.report(first)).contains(new MachineReport("classifier", 1));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_source_gets_its_rate_a_minute_shared_by_replicas(DatabaseKind kind) {
        String url = kind.newUrl();
        try (Database one = Database.open(url); Database two = Database.open(url)) {
            JdbiIntake a = new JdbiIntake(one.jdbi());
            JdbiIntake b = new JdbiIntake(two.jdbi());

            assertThat(a.take("classifier", T0, 3)).isTrue();
            assertThat(b.take("classifier", T0, 3)).isTrue();
            assertThat(a.take("other", T0, 3)).isTrue();
            assertThat(b.take("classifier", T0, 3)).isTrue();
            assertThat(a.take("classifier", T0, 3)).isFalse();
            assertThat(b.take("classifier", T0, 3)).isFalse();
            assertThat(a.take("classifier", T0.plusSeconds(60), 3)).isTrue();
        }
    }
}
