package app.escalate.bot.outbox;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.commands.CaseId;
import app.escalate.commands.UserId;
import app.escalate.commands.SlackEffect;
import app.escalate.storage.Database;
import app.escalate.storage.DeliveryOutcome;
import app.escalate.storage.Outbox;
import app.escalate.storage.OutboxEntry;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxWorkerTest {
    private final Database database = Database.open("jdbc:h2:mem:outbox-worker-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    private final Outbox outbox = new Outbox(database.jdbi());
    /** What the worker does with each entry; each test sets it. */
    private volatile Delivery delivery = entry -> DeliveryAttempt.sent();
    private final List<SlackEffect> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> rests = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void close() {
        database.close();
    }

    /** What {@link CommandsFirst} reads as the time, moved by the test. */
    private final AtomicLong nanos = new AtomicLong(System.nanoTime());
    private final CommandsFirst commandsFirst = new CommandsFirst(nanos::get);

    private OutboxWorker worker(Duration drain) {
        return new OutboxWorker(outbox, Outbox.Lane.SLACK, OutboxWorker.LEASE, entry -> delivery.deliver(entry), Clock.systemUTC(), Duration.ofMillis(50), new SimpleMeterRegistry(), drain,
                commandsFirst, rests::add);
    }

    @Test
    void whileACommandIsBeingAnsweredTheWorkerRestsAfterEachDeliveryAndOtherwiseDoesNot() throws Exception {
        delivery = entry -> {
            pause(() -> Thread.sleep(20));
            return DeliveryAttempt.sent();
        };
        CountDownLatch answering = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        Thread command = new Thread(() -> {
            try {
                commandsFirst.middleware().apply(null, Response.ok(), request -> {
                    answering.countDown();
                    answered.await(20, TimeUnit.SECONDS);
                    return Response.ok();
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        command.start();
        assertThat(answering.await(10, TimeUnit.SECONDS)).isTrue();
        Instant now = Instant.now();
        for (int n = 1; n <= 3; n++) outbox.enqueue(step(n, 0), now);
        try (OutboxWorker worker = worker(OutboxWorker.DRAIN)) {
            worker.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> outbox.backlog() == 0);
            assertThat(rests).hasSize(3).allSatisfy(rest -> assertThat(rest).isGreaterThanOrEqualTo(Duration.ofMillis(60)));

            answered.countDown();
            command.join(10_000);
            nanos.addAndGet(CommandsFirst.QUIET.toNanos() + 1);   // no request for a while
            rests.clear();
            for (int n = 1; n <= 3; n++) outbox.enqueue(step(n, 1), now);
            worker.wake();
            await().atMost(Duration.ofSeconds(20)).until(() -> outbox.backlog() == 0);
        }
        assertThat(rests).isEmpty();
    }

    @Test
    void aBacklogOverManyCasesIsDeliveredWholeAndInOrderWithinEachCase() throws Exception {
        delivery = entry -> {
            delivered.add(entry.effect());
            return DeliveryAttempt.sent();
        };
        Instant now = Instant.now();
        for (int step = 0; step < 3; step++) {
            for (int n = 1; n <= 40; n++) outbox.enqueue(step(n, step), now);
        }
        try (OutboxWorker worker = worker(OutboxWorker.DRAIN)) {
            worker.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> outbox.backlog() == 0);
        }
        assertThat(delivered).hasSize(120);
        for (int n = 1; n <= 40; n++) {
            CaseId id = new CaseId(n);
            assertThat(delivered.stream().filter(e -> e instanceof SlackEffect.OnCase on && on.caseId().equals(id)).toList())
                    .containsExactly(step(n, 0), step(n, 1), step(n, 2));
        }
    }

    @Test
    void stoppingPastTheDrainLeavesWhatItHasNotStartedForAnyWorker() throws Exception {
        CountDownLatch inHand = new CountDownLatch(1);
        CountDownLatch stopping = new CountDownLatch(1);
        delivery = entry -> {
            delivered.add(entry.effect());
            inHand.countDown();
            pause(() -> stopping.await(10, TimeUnit.SECONDS));
            pause(() -> Thread.sleep(300)); // past the drain time below
            return DeliveryAttempt.sent();
        };
        Instant now = Instant.now();
        for (int n = 1; n <= 3; n++) outbox.enqueue(step(n, 0), now);
        OutboxWorker worker = worker(Duration.ofMillis(100));
        worker.start();
        assertThat(inHand.await(10, TimeUnit.SECONDS)).isTrue();
        Thread closing = new Thread(() -> {
            try {
                worker.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closing.start();
        stopping.countDown();
        closing.join(10_000);

        assertThat(delivered).hasSize(1);
        // Another replica takes the other two at once, not after the two-minute lease.
        List<OutboxEntry> left = new Outbox(database.jdbi()).lease(Outbox.Lane.SLACK, Instant.now(), 16, OutboxWorker.LEASE);
        assertThat(left).extracting(OutboxEntry::effect).hasSize(2).doesNotContainAnyElementsOf(delivered);
        assertThat(outbox.backlog()).isEqualTo(2);
    }

    private interface Wait {
        void run() throws InterruptedException;
    }

    /** A delivery that takes time, as a Slack call does. */
    private static void pause(Wait wait) {
        try {
            wait.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_delivery_longer_than_the_lease_keeps_it_renewed_so_no_one_else_takes_the_effect() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        delivery = entry -> {
            started.countDown();
            pause(() -> finish.await(20, TimeUnit.SECONDS));
            delivered.add(entry.effect());
            return DeliveryAttempt.sent();
        };
        Duration lease = Duration.ofMillis(300);
        outbox.enqueue(step(1, 0), Instant.now());
        Outbox another = new Outbox(database.jdbi());   // another process's worker on the same database
        try (OutboxWorker worker = new OutboxWorker(outbox, Outbox.Lane.SLACK, lease, entry -> delivery.deliver(entry), Clock.systemUTC(),
                Duration.ofMillis(50), new SimpleMeterRegistry(), OutboxWorker.DRAIN, commandsFirst, rests::add)) {
            worker.start();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Instant leasedUntil = Instant.now().plus(lease);
            // Past the first lease, three times over: still renewed by the worker delivering it.
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(leasedUntil.plus(lease.multipliedBy(3))));
            assertThat(another.lease(Outbox.Lane.SLACK, Instant.now(), 16, lease)).as("leased by another while being delivered").isEmpty();
            finish.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.backlog() == 0);
        }
        assertThat(delivered).hasSize(1);
    }

    @Test
    void an_effect_a_dead_worker_held_is_taken_over_once_its_lease_runs_out() {
        Duration lease = Duration.ofMillis(300);
        outbox.enqueue(step(1, 0), Instant.now());
        Outbox dead = new Outbox(database.jdbi());
        assertThat(dead.lease(Outbox.Lane.SLACK, Instant.now(), 16, lease)).hasSize(1);   // leased, then its process died: never renewed
        delivery = entry -> {
            delivered.add(entry.effect());
            return DeliveryAttempt.sent();
        };
        Instant leasedAt = Instant.now();
        try (OutboxWorker worker = new OutboxWorker(outbox, Outbox.Lane.SLACK, lease, entry -> delivery.deliver(entry), Clock.systemUTC(),
                Duration.ofMillis(50), new SimpleMeterRegistry(), OutboxWorker.DRAIN, commandsFirst, rests::add)) {
            worker.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.backlog() == 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(Duration.between(leasedAt, Instant.now())).isGreaterThanOrEqualTo(lease.minusMillis(50));
        assertThat(delivered).hasSize(1);
    }

    private static SlackEffect step(int caseNumber, int step) {
        return new SlackEffect.Page(new CaseId(caseNumber), new UserId("U0ESCMARIA"), "step " + step, "escalations");
    }
}
