package app.escalate.storage;

import app.escalate.commands.CaseChannel;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Severity;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {
    private static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final UserId MARIA = new UserId("U0ESCMARIA");

    private static CaseId openWithEffects(JdbiCaseStore store) {
        return store.open(new NewCase("Case", Severity.SEV2, Optional.empty(), Optional.empty(), Optional.empty(), MARIA, T0, false), c -> Opening.of(List.of(
                new SlackEffect.CreateChannel(c.id(), "esc-" + c.id().number(), false),
                new SlackEffect.InviteToChannel(c.id(), List.of(MARIA)),
                new SlackEffect.PostCaseCard(c.id()),
                new SlackEffect.PinCaseCard(c.id()),
                new SlackEffect.TellReporter(c.id(), MARIA, Optional.of("http://127.0.0.1/resp"))))).id();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_case_stream_is_delivered_one_effect_at_a_time_in_order(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Outbox outbox = new Outbox(db.jdbi());
            CaseId id = openWithEffects(store);

            List<SlackEffect> delivered = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                List<OutboxEntry> due = outbox.lease(Outbox.Lane.SLACK, T0, 10, LEASE);
                assertThat(due).hasSizeLessThanOrEqualTo(1);
                if (due.isEmpty()) break;
                delivered.add(due.get(0).effect());
                outbox.delivered(due.get(0), new DeliveryOutcome.Sent(), FollowUp.NONE, T0);
            }

            assertThat(delivered).containsExactly(
                    new SlackEffect.CreateChannel(id, "esc-1", false),
                    new SlackEffect.InviteToChannel(id, List.of(MARIA)),
                    new SlackEffect.PostCaseCard(id),
                    new SlackEffect.PinCaseCard(id),
                    new SlackEffect.TellReporter(id, MARIA, Optional.of("http://127.0.0.1/resp")));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void pager_calls_have_a_lane_of_their_own_and_other_jobs_and_slack_calls_are_not_in_it(DatabaseKind kind) {
        try (Database db = kind.open()) {
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            Outbox outbox = new Outbox(db.jdbi());
            CaseId id = openWithEffects(store);
            SlackEffect.PagerCall trigger = new SlackEffect.PagerCall(id, "pagerduty", "trigger", "ESC-1", 1, Optional.of(MARIA));
            outbox.enqueue(new SlackEffect.TriageCase(id), T0);
            outbox.enqueue(trigger, T0);

            assertThat(outbox.lease(Outbox.Lane.PAGERS, T0, 10, LEASE)).extracting(OutboxEntry::effect).containsExactly(trigger);
            assertThat(outbox.lease(Outbox.Lane.JOBS, T0, 10, LEASE)).extracting(OutboxEntry::effect)
                    .containsExactly(new SlackEffect.TriageCase(id));
            assertThat(outbox.lease(Outbox.Lane.SLACK, T0, 10, LEASE)).extracting(OutboxEntry::effect)
                    .containsExactly(new SlackEffect.CreateChannel(id, "esc-1", false));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_leased_effect_is_not_handed_out_again_until_its_lease_runs_out(DatabaseKind kind) {
        try (Database db = kind.open()) {
            Outbox outbox = new Outbox(db.jdbi());
            openWithEffects(new JdbiCaseStore(db.jdbi()));

            OutboxEntry first = outbox.lease(Outbox.Lane.SLACK, T0, 10, LEASE).get(0);
            assertThat(first.mayBeDone()).isFalse();

            assertThat(outbox.lease(Outbox.Lane.SLACK, T0.plusSeconds(30), 10, LEASE)).isEmpty();
            // The first holder never reported back (its process died): Slack may have done it already.
            assertThat(outbox.lease(Outbox.Lane.SLACK, T0.plus(LEASE).plusSeconds(1), 10, LEASE)).singleElement()
                    .satisfies(again -> assertThat(again.id()).isEqualTo(first.id()))
                    .satisfies(again -> assertThat(again.mayBeDone()).isTrue());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_due_head_is_found_behind_a_long_stream_that_is_backing_off(DatabaseKind kind) {
        try (Database db = kind.open()) {
            Outbox outbox = new Outbox(db.jdbi());
            CaseId busy = new CaseId(1);
            CaseId other = new CaseId(2);
            for (int i = 0; i < 1_200; i++) outbox.enqueue(new SlackEffect.Page(busy, MARIA, "step " + i, "escalations"), T0);
            outbox.enqueue(new SlackEffect.Page(other, MARIA, "only", "escalations"), T0);
            OutboxEntry head = outbox.lease(Outbox.Lane.SLACK, T0, 1, LEASE).get(0);
            outbox.retryAt(head, T0.plusSeconds(60), "chat.postMessage: ratelimited, Retry-After 60", false);

            // ESC-1's head waits; its later effects may not go before it; ESC-2's one effect, pages behind, may.
            assertThat(outbox.lease(Outbox.Lane.SLACK, T0.plusSeconds(1), 16, LEASE)).extracting(OutboxEntry::effect)
                    .containsExactly(new SlackEffect.Page(other, MARIA, "only", "escalations"));
            assertThat(outbox.lease(Outbox.Lane.SLACK, T0.plusSeconds(61), 16, LEASE)).extracting(OutboxEntry::id).containsExactly(head.id());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_candidate_another_worker_has_put_off_is_not_leased(DatabaseKind kind) {
        try (Database db = kind.open()) {
            Outbox one = new Outbox(db.jdbi());
            Outbox other = new Outbox(db.jdbi());
            openWithEffects(new JdbiCaseStore(db.jdbi()));

            long candidate = other.due(Outbox.Lane.SLACK, T0, 16).get(0);
            OutboxEntry taken = one.lease(candidate, T0, LEASE).orElseThrow();
            one.retryAt(taken, T0.plusSeconds(60), "chat.postMessage: ratelimited, Retry-After 60", false);

            // The other worker found it due a moment ago; leasing it now must not skip the wait.
            assertThat(other.lease(candidate, T0.plusSeconds(1), LEASE)).isEmpty();
            assertThat(other.lease(candidate, T0.plusSeconds(60), LEASE)).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void after_a_timeout_or_server_error_the_next_try_knows_slack_may_have_done_it(DatabaseKind kind) {
        try (Database db = kind.open()) {
            Outbox outbox = new Outbox(db.jdbi());
            openWithEffects(new JdbiCaseStore(db.jdbi()));

            OutboxEntry first = outbox.lease(Outbox.Lane.SLACK, T0, 1, LEASE).get(0);
            outbox.retryAt(first, T0.plusSeconds(1), "conversations.create: HTTP 503", true);
            OutboxEntry second = outbox.lease(Outbox.Lane.SLACK, T0.plusSeconds(1), 1, LEASE).get(0);
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.mayBeDone()).isTrue();

            // Given back untried, it is as it was.
            outbox.release(second);
            assertThat(outbox.lease(Outbox.Lane.SLACK, T0.plusSeconds(2), 1, LEASE).get(0).mayBeDone()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_retry_waits_for_its_time_and_holds_back_the_rest_of_its_stream(DatabaseKind kind) {
        try (Database db = kind.open()) {
            Outbox outbox = new Outbox(db.jdbi());
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            openWithEffects(store);
            CaseId other = openWithEffects(store);

            List<OutboxEntry> heads = outbox.lease(Outbox.Lane.SLACK, T0, 10, LEASE);
            assertThat(heads).hasSize(2);
            outbox.retryAt(heads.get(0), T0.plusSeconds(30), "rate_limited", false);
            outbox.delivered(heads.get(1), new DeliveryOutcome.Sent(), FollowUp.NONE, T0);

            List<OutboxEntry> next = outbox.lease(Outbox.Lane.SLACK, T0.plusSeconds(1), 10, LEASE);
            assertThat(next).singleElement().satisfies(e -> assertThat(e.effect().subject()).isEqualTo(other.toString()));
            outbox.delivered(next.get(0), new DeliveryOutcome.Sent(), FollowUp.NONE, T0);

            List<OutboxEntry> afterWait = outbox.lease(Outbox.Lane.SLACK, T0.plusSeconds(30), 10, LEASE);
            assertThat(afterWait).extracting(OutboxEntry::id).contains(heads.get(0).id());
            assertThat(afterWait).filteredOn(e -> e.id() == heads.get(0).id()).singleElement()
                    .satisfies(retried -> assertThat(retried.attempts()).isEqualTo(1))
                    .satisfies(retried -> assertThat(retried.mayBeDone()).as("its first try was answered").isFalse());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_failed_effect_is_counted_and_does_not_block_its_stream(DatabaseKind kind) {
        try (Database db = kind.open()) {
            Outbox outbox = new Outbox(db.jdbi());
            openWithEffects(new JdbiCaseStore(db.jdbi()));

            outbox.failed(outbox.lease(Outbox.Lane.SLACK, T0, 10, LEASE).get(0), T0, "invalid_name", FollowUp.NONE);

            assertThat(outbox.failedCount()).isEqualTo(1);
            assertThat(outbox.backlog()).isEqualTo(4);
            assertThat(outbox.lease(Outbox.Lane.SLACK, T0, 10, LEASE)).singleElement()
                    .extracting(OutboxEntry::effect).isInstanceOf(SlackEffect.InviteToChannel.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_worker_whose_lease_ran_out_cannot_record_a_result_over_the_new_holder(DatabaseKind kind) {
        try (Database db = kind.open()) {
            Outbox slow = new Outbox(db.jdbi());
            Outbox other = new Outbox(db.jdbi());
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            CaseId id = openWithEffects(store);

            OutboxEntry stale = slow.lease(Outbox.Lane.SLACK, T0, 1, LEASE).get(0);
            OutboxEntry taken = other.lease(Outbox.Lane.SLACK, T0.plus(LEASE).plusSeconds(1), 1, LEASE).get(0);
            assertThat(taken.id()).isEqualTo(stale.id());

            assertThat(slow.delivered(stale, new DeliveryOutcome.ChannelCreated(id,
                    new CaseChannel(new ChannelId("C0STALE"), "esc-1-2")), FollowUp.NONE, T0)).isFalse();
            assertThat(slow.failed(stale, T0, "late", FollowUp.NONE)).isFalse();
            assertThat(store.find(id).orElseThrow().channel()).isEmpty();

            assertThat(other.delivered(taken, new DeliveryOutcome.ChannelCreated(id,
                    new CaseChannel(new ChannelId("C0REAL"), "esc-1")), FollowUp.NONE, T0)).isTrue();
            assertThat(store.find(id).orElseThrow().channel()).map(c -> c.id().value()).contains("C0REAL");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_row_this_version_cannot_read_is_marked_failed_and_blocks_nothing(DatabaseKind kind) {
        try (Database db = kind.open()) {
            Outbox outbox = new Outbox(db.jdbi());
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            db.jdbi().useHandle(h -> h.execute("""
                    INSERT INTO outbox (stream, kind, payload, status, attempts, created_at, next_attempt_at)
                    VALUES ('case:99', 'from_the_future', '{"case":"99"}', 'PENDING', 0, ?, ?)""",
                    java.time.OffsetDateTime.parse("2026-11-28T02:00:00Z"), java.time.OffsetDateTime.parse("2026-11-28T02:00:00Z")));
            openWithEffects(store);

            List<OutboxEntry> due = outbox.lease(Outbox.Lane.SLACK, T0, 10, LEASE);

            assertThat(due).singleElement().extracting(OutboxEntry::effect).isInstanceOf(SlackEffect.CreateChannel.class);
            assertThat(outbox.failedCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void concurrent_workers_never_lease_the_same_effect(DatabaseKind kind) throws Exception {
        try (Database db = kind.open()) {
            Outbox outbox = new Outbox(db.jdbi());
            JdbiCaseStore store = new JdbiCaseStore(db.jdbi());
            for (int i = 0; i < 20; i++) openWithEffects(store);

            List<Long> leased = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Void>> workers = new ArrayList<>();
                Instant deadline = Instant.now().plusSeconds(30);
                for (int w = 0; w < 4; w++) {
                    workers.add(() -> {
                        // Until the outbox is empty: a worker finding nothing due may just be waiting on another's lease.
                        while (outbox.backlog() > 0 && Instant.now().isBefore(deadline)) {
                            for (OutboxEntry e : outbox.lease(Outbox.Lane.SLACK, T0, 3, LEASE)) {
                                leased.add(e.id());
                                outbox.delivered(e, new DeliveryOutcome.Sent(), FollowUp.NONE, T0);
                            }
                        }
                        return null;
                    });
                }
                for (Future<Void> f : pool.invokeAll(workers)) f.get();
            } finally {
                pool.shutdownNow();
            }

            assertThat(leased).doesNotHaveDuplicates().hasSize(100);
            assertThat(outbox.backlog()).isZero();
        }
    }
}
