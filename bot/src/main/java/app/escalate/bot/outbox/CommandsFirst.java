package app.escalate.bot.outbox;

import com.slack.api.bolt.middleware.Middleware;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Keeps deliveries from taking the CPU that acknowledgements need. Slack gives a command 3 s and
 * a responder is waiting for its answer; a channel or message can follow a moment later. While
 * requests are being answered, or were a moment ago, the worker rests after each delivery three
 * times as long as the delivery took, so it uses at most a quarter of its time; with no request
 * coming it goes at full speed. In a burst of opens on 2 cores the worker otherwise starved the
 * acks until they timed out waiting for a database connection.
 */
public final class CommandsFirst {
    /** A request this recent means more are likely coming. */
    static final Duration QUIET = Duration.ofMillis(100);
    /** Rest at most this long after one delivery, so a slow Slack call does not stall the outbox. */
    static final Duration MAX_REST = Duration.ofMillis(500);
    private static final int REST_PER_WORK = 3;

    private final AtomicInteger answering = new AtomicInteger();
    private final AtomicLong lastAnsweredNanos;
    private final LongSupplier nanoTime;

    public CommandsFirst() {
        this(System::nanoTime);
    }

    CommandsFirst(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lastAnsweredNanos = new AtomicLong(nanoTime.getAsLong() - QUIET.toNanos() - 1);
    }

    /** Bolt middleware that counts every request, over HTTP or Socket Mode, while it is being answered. */
    public Middleware middleware() {
        return (request, response, chain) -> {
            answering.incrementAndGet();
            try {
                return chain.next(request);
            } finally {
                lastAnsweredNanos.set(nanoTime.getAsLong());
                answering.decrementAndGet();
            }
        };
    }

    /** True while requests are being answered, or were a moment ago. */
    public boolean busy() {
        return answering.get() > 0 || nanoTime.getAsLong() - lastAnsweredNanos.get() <= QUIET.toNanos();
    }

    /** How long the worker should rest after a delivery that took {@code took}. */
    public Duration restAfter(Duration took) {
        if (!busy()) return Duration.ZERO;
        Duration rest = took.multipliedBy(REST_PER_WORK);
        return rest.compareTo(MAX_REST) > 0 ? MAX_REST : rest;
    }
}
