package app.escalate.bot.outbox;

import app.escalate.bot.slack.DeliveryAttempt;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers outbox effects after the ack: leases what is due, performs it, and records the result.
 * Woken at once by new work, and polls as well, so effects left by a crash or another replica are
 * picked up. A lease outlives any one Slack call, so an effect is never performed by two workers at once.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    /** Longer than any one delivery (Slack calls time out after 10 s), short enough to recover quickly from a crash. */
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 20;

    private final Outbox outbox;
    private final SlackDelivery delivery;
    private final Clock clock;
    private final Duration pollEvery;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    private final MeterRegistry metrics;

    public OutboxWorker(Outbox outbox, SlackDelivery delivery, Clock clock, Duration pollEvery, MeterRegistry metrics) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
        this.pollEvery = pollEvery;
        this.metrics = metrics;
        Gauge.builder("escalate.outbox.backlog", outbox, Outbox::backlog)
                .description("Slack effects waiting to be delivered").register(metrics);
        Gauge.builder("escalate.outbox.failed", outbox, Outbox::failedCount)
                .description("Slack effects Slack refused for good").register(metrics);
    }

    private void count(OutboxEntry entry, String result) {
        metrics.counter("escalate.outbox.deliveries", "effect", kind(entry), "result", result).increment();
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        thread = new Thread(this::run, "outbox-worker");
        thread.setDaemon(true);
        thread.start();
    }

    /** New work is in the outbox: deliver now rather than at the next poll. */
    public void wake() {
        wake.release();
    }

    private void run() {
        while (running) {
            int delivered = 0;
            try {
                delivered = drainOnce();
            } catch (RuntimeException e) {
                log.warn("outbox: cannot read the outbox ({}); trying again in {}", e.toString(), pollEvery);
            }
            if (delivered > 0) continue;
            try {
                if (wake.tryAcquire(pollEvery.toMillis(), TimeUnit.MILLISECONDS)) wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Delivers what is due now; returns how many effects it tried. */
    public int drainOnce() {
        List<OutboxEntry> due = outbox.lease(clock.instant(), BATCH, LEASE);
        for (int i = 0; i < due.size(); i++) {
            if (!running && thread != null) {
                // Shutting down: hand the rest back now rather than when their leases run out.
                due.subList(i, due.size()).forEach(outbox::release);
                break;
            }
            deliver(due.get(i));
        }
        return due.size();
    }

    private void deliver(OutboxEntry entry) {
        DeliveryAttempt attempt;
        try {
            attempt = delivery.deliver(entry.effect());
        } catch (RuntimeException e) {
            log.error("outbox: delivering {} failed unexpectedly", entry.effect(), e);
            attempt = new DeliveryAttempt.Retry(Optional.empty(), e.toString());
        }
        Instant now = clock.instant();
        if (attempt instanceof DeliveryAttempt.Delivered done) {
            outbox.delivered(entry, done.outcome(), now);
            count(entry, "delivered");
        } else if (attempt instanceof DeliveryAttempt.Retry retry) {
            Duration wait = retry.after().orElseGet(() -> Backoff.after(entry.attempts()));
            log.info("outbox: {} for {} not delivered ({}); next try in {}", kind(entry), entry.effect().caseId(),
                    retry.reason(), wait);
            outbox.retryAt(entry, now.plus(wait), retry.reason());
            count(entry, "retry");
        } else if (attempt instanceof DeliveryAttempt.GiveUp giveUp) {
            log.error("outbox: {} for {} refused by Slack: {}", kind(entry), entry.effect().caseId(), giveUp.reason());
            outbox.failed(entry, now, giveUp.reason());
            count(entry, "failed");
        }
    }

    private static String kind(OutboxEntry entry) {
        return entry.effect().getClass().getSimpleName();
    }

    @Override
    public void close() throws InterruptedException {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            wake.release();
            t.join(Duration.ofSeconds(10).toMillis());
        }
    }
}
