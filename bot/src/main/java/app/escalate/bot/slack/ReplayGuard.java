package app.escalate.bot.slack;

import app.escalate.storage.JdbiSignedRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Which signed requests were accepted before, so a replay is ignored. The process remembers the
 * signatures it accepted (for as long as a timestamp is acceptable) and records them in the
 * database:
 * <ul>
 * <li>where several replicas share the database (PostgreSQL), the record is written before the
 *     request goes on, and the database's unique key decides which replica took it; that write is
 *     waited for at most {@link #WAIT}, so a database slow to answer or gone does not spend the
 *     request's 3 seconds twice (a command that cannot reach it changes nothing anyway), and one
 *     not made then is made by the next flushes;</li>
 * <li>where only this process uses it (H2), memory decides, and the record is written in batches
 *     every {@link #FLUSH_EVERY}, so a restart still knows the last minutes' requests without an
 *     extra commit on every one.</li>
 * </ul>
 */
public final class ReplayGuard implements SlackEventsRoute.SeenRequests, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplayGuard.class);
    static final Duration WAIT = Duration.ofMillis(500);
    static final Duration FLUSH_EVERY = Duration.ofMillis(200);

    private final boolean shared;
    private final BiPredicate<String, Instant> recordOnce;
    private final Consumer<Map<String, Instant>> recordAll;
    private final Consumer<Instant> forgetBefore;
    private final Clock wall;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Map<String, Instant> unrecorded = new ConcurrentHashMap<>();
    private volatile Instant lastForgot = Instant.EPOCH;
    private final ThreadPoolExecutor writes = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(256),
            daemon("replay-guard"));
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(daemon("replay-guard-flush"));

    ReplayGuard(boolean shared, Map<String, Instant> known, BiPredicate<String, Instant> recordOnce,
                Consumer<Map<String, Instant>> recordAll, Consumer<Instant> forgetBefore, Clock wall) {
        this.shared = shared;
        this.recordOnce = recordOnce;
        this.recordAll = recordAll;
        this.forgetBefore = forgetBefore;
        this.wall = wall;
        seen.putAll(known);
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_EVERY.toMillis(), FLUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** On {@code store}; {@code shared} when other processes may use the same database. Loads what was recorded lately. */
    public static ReplayGuard on(JdbiSignedRequests store, boolean shared, Clock wall) {
        Map<String, Instant> known = Map.of();
        try {
            known = store.since(wall.instant().minus(JdbiSignedRequests.KEEP));
        } catch (RuntimeException e) {
            log.warn("the signatures of recent requests could not be read: {}", e.toString());
        }
        return new ReplayGuard(shared, known, store::firstTime, store::recordAll, store::forgetBefore, wall);
    }

    @Override
    public boolean firstTime(String signature, Instant signedAt, Instant now) {
        if (seen.putIfAbsent(signature, signedAt) != null) return false;
        if (!shared) {
            unrecorded.put(signature, signedAt);
            return true;
        }
        try {
            return CompletableFuture.supplyAsync(() -> recordOnce.test(signature, signedAt), writes)
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | RejectedExecutionException e) {
            log.warn("could not record a request's signature within {} ms; letting it through", WAIT.toMillis());
        } catch (ExecutionException e) {
            log.warn("could not record a request's signature: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Let through unrecorded: the flushes keep trying, so the other replicas learn of it when the database is back.
        unrecorded.put(signature, signedAt);
        return true;
    }

    /** Writes the signatures taken since the last flush, and forgets (here and in the database) those too old to matter. */
    void flush() {
        Instant now = wall.instant();
        Instant cutoff = now.minus(JdbiSignedRequests.KEEP);
        // Whatever the database does, memory holds no signature older than could be accepted again.
        seen.values().removeIf(at -> at.isBefore(cutoff));
        unrecorded.values().removeIf(at -> at.isBefore(cutoff));
        Map<String, Instant> batch = new LinkedHashMap<>();
        for (String signature : unrecorded.keySet()) {
            Instant at = unrecorded.remove(signature);
            if (at != null) batch.put(signature, at);
        }
        try {
            recordAll.accept(batch);
            if (now.isAfter(lastForgot.plusSeconds(30))) {
                lastForgot = now;
                forgetBefore.accept(cutoff);
            }
        } catch (RuntimeException e) {
            batch.forEach(unrecorded::putIfAbsent);   // tried again at the next flush
            log.warn("the signatures of recent requests could not be recorded: {}", e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(2, TimeUnit.SECONDS);   // a flush under way ends first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        writes.shutdownNow();
    }
}
