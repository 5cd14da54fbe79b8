package app.escalate.bot.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between tries when Slack gave no Retry-After: 1 s doubling to 5 min, with ±20 % jitter
 * so a backlog does not retry in lock-step. Persisted as the row's next attempt time, so it
 * survives restarts (which an in-memory retry library would not).
 */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(5);

    private Backoff() {
    }

    static Duration after(int attemptsSoFar) {
        long base = FIRST.toMillis() << Math.min(attemptsSoFar, 20);
        long capped = Math.min(base, MAX.toMillis());
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (capped * jitter));
    }
}
