package app.escalate.storage;

import app.escalate.commands.Level;
import app.escalate.commands.ShiftOverride;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SlackEffect.SwapNotice.Notice;
import app.escalate.commands.UserId;
import app.escalate.commands.swap.SwapDecision;
import app.escalate.commands.swap.SwapRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiSwapStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant FROM = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-11-25T12:00:00Z");
    private static final UserId AMARA = new UserId("U0ESCAMARA");

    private static SwapRequest draft() {
        return new SwapRequest(0, "escalations", Level.PRIMARY, AMARA, Optional.empty(), FROM, UNTIL, SwapRequest.State.OPEN,
                Optional.empty(), Optional.empty(), T0, Instant.parse("2026-11-24T21:00:00Z"), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** What a press of Cover decides when it finds the request open: the person takes it as an override. */
    private static SwapDecision cover(SwapRequest r, UserId by) {
        if (r.state() != SwapRequest.State.OPEN) return new SwapDecision.Rejected("taken");
        return new SwapDecision.Applied(r.covered(by, T0), Optional.of(new ShiftOverride(0, r.rotation(), r.level(), by, r.from(), r.until(), by, T0)),
                List.of(new SlackEffect.SwapNotice(r.id(), Notice.COVERER, by.value())));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_request_is_kept_once_with_its_message_and_of_many_presses_at_once_exactly_one_becomes_the_override(DatabaseKind kind) throws Exception {
        try (Database db = kind.open()) {
            JdbiSwapStore store = new JdbiSwapStore(db.jdbi());
            SwapRequest saved = store.open(draft(), id -> List.of(new SlackEffect.SwapNotice(id, Notice.REQUEST, "escalations")));
            assertThat(store.open(draft(), id -> List.of(new SlackEffect.SwapNotice(id, Notice.REQUEST, "escalations")))).isEqualTo(saved);
            assertThat(new Outbox(db.jdbi()).backlog()).isEqualTo(1L);
            db.jdbi().useHandle(h -> JdbiSwapStore.posted(h, saved.id(), "C0TEAM", "1764000000.000100"));
            assertThat(store.find(saved.id()).orElseThrow().message()).contains(new SwapRequest.PostedAt("C0TEAM", "1764000000.000100"));
            assertThat(store.due(Instant.parse("2026-11-24T20:59:59Z"))).isEmpty();
            assertThat(store.due(Instant.parse("2026-11-24T21:00:00Z"))).extracting(SwapRequest::id).containsExactly(saved.id());

            int presses = 8;
            ExecutorService pool = Executors.newFixedThreadPool(presses);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<SwapDecision>>> decisions = new ArrayList<>();
            for (int i = 0; i < presses; i++) {
                UserId who = new UserId("U0PRESS" + i);
                decisions.add(pool.submit(() -> {
                    go.await();
                    return store.change(saved.id(), r -> cover(r, who));
                }));
            }
            go.countDown();
            int applied = 0;
            for (Future<Optional<SwapDecision>> d : decisions) if (d.get().orElseThrow() instanceof SwapDecision.Applied) applied++;
            pool.shutdown();

            assertThat(applied).isEqualTo(1);
            SwapRequest covered = store.find(saved.id()).orElseThrow();
            assertThat(covered.state()).isEqualTo(SwapRequest.State.COVERED);
            assertThat(new JdbiOverrideStore(db.jdbi()).active(T0)).singleElement().satisfies(o -> {
                assertThat(o.id()).isEqualTo(covered.overrideId().orElseThrow());
                assertThat(o.who()).isEqualTo(covered.coverer().orElseThrow());
            });
            assertThat(new Outbox(db.jdbi()).backlog()).isEqualTo(2L);
            assertThat(store.due(UNTIL)).isEmpty();
            assertThat(store.change(99, r -> cover(r, AMARA))).isEmpty();
        }
    }
}
