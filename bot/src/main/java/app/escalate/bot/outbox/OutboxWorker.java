package app.escalate.bot.outbox;

import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.bot.slack.SlackDelivery;
import app.escalate.storage.Outbox;
import app.escalate.storage.OutboxEntry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Delivers outbox effects after the ack: leases what is due, performs it, and records the result.
 * One worker per {@link Outbox.Lane}: Slack calls, and jobs (triage, drafts, pins), so a slow model
 * never holds up a card update. Woken once new work has committed, and polls as well, so effects
 * left by a crash or another replica are picked up. Due effects are found several at a time (one
 * per case, each its case's next) and
 * leased one at a time, just before delivery, for longer than the slowest delivery takes, so two
 * workers do not perform the same effect; a worker that loses its lease anyway cannot record over
 * the new holder. While commands are being answered it rests between deliveries ({@link CommandsFirst}).
 * On close it goes on delivering what is due for a few seconds, so a deploy does not hold up what
 * people are waiting for.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    /**
     * How long an entry is leased at a time. The worker renews the lease every third of it while a
     * delivery is in progress (a model's answer, a minute of looking for what an earlier try did),
     * so a delivery may take as long as it needs, and an entry a dead process held is taken over
     * within this much (and a poll) of its last renewal: a page waits seconds, not minutes.
     */
    public static final Duration LEASE = Duration.ofSeconds(20);

    static final int MAX_UNEXPECTED_FAILURES = 5;
    /**
     * Due effects found per query. Finding them reads every pending row's stream, so with a
     * backlog of thousands one query per effect took most of the worker's time.
     */
    static final int BATCH = 16;
    /**
     * On shutdown, how long to go on delivering what is due: with the HTTP server's 3 s, inside the
     * 10 s an orchestrator waits after SIGTERM by default. What is left waits for the next start.
     */
    static final Duration DRAIN = Duration.ofSeconds(5);

    private final Outbox outbox;
    private final Outbox.Lane lane;
    private final Duration lease;
    private final Delivery delivery;
    private final Clock clock;
    private final Duration pollEvery;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    /** Set by {@link #close()}: deliver what is due until then, then stop. */
    private volatile long drainUntilNanos;
    private Thread thread;

    private final MeterRegistry metrics;
    private final Duration drain;
    private final CommandsFirst commandsFirst;
    private final Rest rest;
    /** Renews the lease of the entry being delivered (one at a time). */
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-lease");
        thread.setDaemon(true);
        return thread;
    });

    /** How the worker rests between deliveries; a test records it instead of sleeping. */
    interface Rest {
        void rest(Duration duration) throws InterruptedException;
    }

    /** A worker for {@code lane}, woken by every commit that queues work on {@code outbox}'s database. */
    public OutboxWorker(Outbox outbox, Outbox.Lane lane, Duration lease, Delivery delivery, Clock clock, Duration pollEvery,
                        MeterRegistry metrics, CommandsFirst commandsFirst) {
        this(outbox, lane, lease, delivery, clock, pollEvery, metrics, DRAIN, commandsFirst, duration -> Thread.sleep(duration.toMillis()));
    }

    OutboxWorker(Outbox outbox, Outbox.Lane lane, Duration lease, Delivery delivery, Clock clock, Duration pollEvery, MeterRegistry metrics,
                 Duration drain, CommandsFirst commandsFirst, Rest rest) {
        this.lane = lane;
        this.lease = lease;
        this.drain = drain;
        this.commandsFirst = commandsFirst;
        this.rest = rest;
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
        this.pollEvery = pollEvery;
        this.metrics = metrics;
        outbox.onEnqueued(this::wake);
    }

    private void count(OutboxEntry entry, String result) {
        metrics.counter("escalate.outbox.deliveries", "effect", kind(entry), "result", result).increment();
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        thread = new Thread(this::run, switch (lane) {
            case JOBS -> "job-worker";
            case PAGERS -> "pager-worker";
            case SLACK -> "outbox-worker";
        });
        thread.setDaemon(true);
        thread.start();
    }

    /** New work is in the outbox: deliver now rather than at the next poll. */
    void wake() {
        wake.release();
    }

    private void run() {
        while (running || System.nanoTime() < drainUntilNanos) {
            int delivered = 0;
            try {
                delivered = drainOnce();
            } catch (Exception | AssertionError e) {
                log.warn("outbox: cannot read the outbox ({}); trying again in {}", e.toString(), pollEvery);
            }
            if (delivered > 0) continue;
            if (!running) return; // shutting down and nothing more is due
            try {
                if (wake.tryAcquire(pollEvery.toMillis(), TimeUnit.MILLISECONDS)) wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Delivers the next due effects, if any; returns how many it tried. Each is leased just before
     * it is delivered, so its lease covers one delivery and no effect waits leased behind another;
     * when stopping past the drain time, the rest are left for any worker to take at once.
     */
    private int drainOnce() {
        int tried = 0;
        for (long id : outbox.due(lane, clock.instant(), BATCH)) {
            if (!running && System.nanoTime() >= drainUntilNanos) break;
            Optional<OutboxEntry> entry = outbox.lease(id, clock.instant(), lease);
            if (entry.isEmpty()) continue;
            long started = System.nanoTime();
            deliver(entry.get());
            tried++;
            // While draining for a shutdown nothing waits for an answer any more: no rest.
            if (running) restFor(commandsFirst.restAfter(Duration.ofNanos(System.nanoTime() - started)));
        }
        return tried;
    }

    private void restFor(Duration duration) {
        if (duration.isZero()) return;
        try {
            rest.rest(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(OutboxEntry entry) {
        DeliveryAttempt attempt;
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewal = renewer.scheduleAtFixedRate(() -> renew(entry), every, every, TimeUnit.MILLISECONDS);
        try {
            attempt = delivery.deliver(entry);
        } catch (Exception | AssertionError e) {
            log.error("outbox: delivering {} for {} failed unexpectedly", kind(entry), entry.effect().subject(), e);
            // A fault of ours, not Slack's: retry a few times, then stop holding up the rest of the case.
            attempt = entry.attempts() + 1 >= MAX_UNEXPECTED_FAILURES
                    ? new DeliveryAttempt.GiveUp("failed " + MAX_UNEXPECTED_FAILURES + " times: " + e)
                    : new DeliveryAttempt.Retry(Optional.empty(), e.toString(), true);
        } finally {
            renewal.cancel(false);
        }
        Instant now = clock.instant();
        if (attempt instanceof DeliveryAttempt.Delivered done) {
            if (!outbox.delivered(entry, done.outcome(), done.then(), now)) {
                log.warn("outbox: {} for {} was delivered after its lease ran out; another worker holds it now",
                        kind(entry), entry.effect().subject());
            }
            count(entry, "delivered");
        } else if (attempt instanceof DeliveryAttempt.Retry retry) {
            Duration wait = retry.after().orElseGet(() -> Backoff.after(entry.attempts()));
            log.info("outbox: {} for {} not delivered ({}); next try in {}", kind(entry), entry.effect().subject(),
                    retry.reason(), wait);
            outbox.retryAt(entry, now.plus(wait), retry.reason(), retry.mayBeDone());
            count(entry, "retry");
        } else if (attempt instanceof DeliveryAttempt.GiveUp giveUp) {
            log.error("outbox: {} for {} given up: {}", kind(entry), entry.effect().subject(), giveUp.reason());
            outbox.failed(entry, now, giveUp.reason(), giveUp.then());
            count(entry, "failed");
        }
    }

    /** Keeps the lease of the entry in hand; a lost lease is only logged: recording the result will say so too. */
    private void renew(OutboxEntry entry) {
        try {
            if (!outbox.renew(entry, clock.instant().plus(lease))) {
                log.warn("outbox: the lease of {} for {} was taken over while it was being delivered", kind(entry), entry.effect().subject());
            }
        } catch (RuntimeException e) {
            log.warn("outbox: cannot renew the lease of {} for {} ({})", kind(entry), entry.effect().subject(), e.toString());
        }
    }

    private static String kind(OutboxEntry entry) {
        return entry.effect().getClass().getSimpleName();
    }

    @Override
    public void close() throws InterruptedException {
        Thread t;
        synchronized (this) {
            drainUntilNanos = System.nanoTime() + drain.toNanos();
            running = false;
            t = thread;
        }
        if (t != null) {
            wake.release();
            // Drain for a while, then finish the effect in hand; past its lease another worker would redo it anyway.
            t.join(drain.plus(lease).toMillis());
        }
        renewer.shutdownNow();
    }
}
