package app.escalate.bot.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks whether a signed request was seen before, but waits at most {@link #WAIT} for the answer:
 * a database slow to answer or gone must not spend the request's 3 seconds twice (once here, once
 * in the command). Without an answer the request goes on: a command that cannot reach the database
 * cannot change anything either, and says so.
 */
public final class ReplayGuard implements SlackEventsRoute.SeenRequests, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplayGuard.class);
    static final Duration WAIT = Duration.ofMillis(500);

    private final SlackEventsRoute.SeenRequests seen;
    private final ThreadPoolExecutor checks = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(256), runnable -> {
        Thread thread = new Thread(runnable, "replay-guard");
        thread.setDaemon(true);
        return thread;
    });

    public ReplayGuard(SlackEventsRoute.SeenRequests seen) {
        this.seen = seen;
    }

    @Override
    public boolean firstTime(String signature, Instant signedAt, Instant now) {
        try {
            return CompletableFuture.supplyAsync(() -> seen.firstTime(signature, signedAt, now), checks)
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | RejectedExecutionException e) {
            log.warn("could not check a request against those seen within {} ms; letting it through", WAIT.toMillis());
            return true;
        } catch (ExecutionException e) {
            log.warn("could not check a request against those seen: {}", e.getCause().toString());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
