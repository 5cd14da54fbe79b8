package app.escalate.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Sends signed slash commands and records how long each takes to be acknowledged (a 200). At a
 * fixed rate the load is open: latency counts from when a request was due, so a stalled server
 * cannot hide its stall by slowing the sender. At saturation, a fixed number of senders each send
 * the next request as soon as the last is answered. A reply that says the database could not be
 * reached (the bot's answer when it cannot get a connection in time) counts as a failure, not an ack.
 */
final class Load {
    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** The start of the bot's "try again" answer (see EscSlashCommand.DATABASE_DOWN). */
    private static final String NOT_DONE = "reach its database"; // the apostrophe before it may come JSON-escaped

    static final Duration WARM_UP_RUN = Duration.ofSeconds(5);
    private static final int MAX_WARM_UP_ROUNDS = 12;

    private Load() {
    }

    /**
     * Runs every command against the server until its JIT compiler has settled: on 2 cores a fresh
     * JVM spends a minute or more compiling, which would otherwise be measured as the server's own
     * cost. Settled means a round's CPU time per request is within a tenth of the round before.
     * Returns the number of rounds it took.
     */
    static int warmUp(ServerProcess server, List<Command> commands) throws InterruptedException, IOException {
        double last = Double.MAX_VALUE;
        for (int round = 1; ; round++) {
            long cpu = server.cpuMillis();
            long requests = 0;
            for (Command c : commands) requests += saturation(server.events(), Servers.SECRET, c.request(), 4, WARM_UP_RUN).requests();
            double perRequest = (double) (server.cpuMillis() - cpu) / requests;
            if (perRequest > last * 0.9 || round == MAX_WARM_UP_ROUNDS) return round;
            last = perRequest;
        }
    }

    /** What one run measured: ack latency percentiles, requests answered per second, and failures (not 200, or no answer). */
    record Result(double p50Ms, double p99Ms, double p999Ms, double perSecond, long failures, long requests) {
        static Result of(Histogram latency, long failures, long requests, long elapsedNanos) {
            return new Result(latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                    latency.getValueAtPercentile(99.9) / 1e6, latency.getTotalCount() / (elapsedNanos / 1e9), failures, requests);
        }
    }

    static Result fixedRate(URI events, String secret, IntFunction<SignedCommand> command, int perSecond, Duration length)
            throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
        Histogram latency = new ConcurrentHistogram(MAX_NANOS, 3);
        AtomicLong failures = new AtomicLong();
        int count = (int) (perSecond * length.toSeconds());
        CountDownLatch answered = new CountDownLatch(count);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            http.sendAsync(command.apply(i).to(events, secret), HttpResponse.BodyHandlers.ofString()).whenComplete((res, error) -> {
                if (error == null && acked(res)) latency.recordValue(Math.min(System.nanoTime() - due, MAX_NANOS));
                else failures.incrementAndGet();
                answered.countDown();
            });
        }
        boolean all = answered.await(60, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        threads.shutdownNow();
        return Result.of(latency, failures.get() + (all ? 0 : answered.getCount()), count, elapsed);
    }

    private static boolean acked(HttpResponse<String> res) {
        return res.statusCode() == 200 && !res.body().contains(NOT_DONE);
    }

    /** Closed loop: {@code senders} each send the next request as soon as the last is answered, for {@code length}. */
    static Result saturation(URI events, String secret, IntFunction<SignedCommand> command, int senders, Duration length)
            throws InterruptedException {
        return closedLoop(events, secret, command, senders, System.nanoTime() + length.toNanos(), Long.MAX_VALUE);
    }

    /** Closed loop, as fast as {@code senders} can, until {@code total} requests have been sent. */
    static Result send(URI events, String secret, IntFunction<SignedCommand> command, int senders, long total)
            throws InterruptedException {
        return closedLoop(events, secret, command, senders, Long.MAX_VALUE, total);
    }

    private static Result closedLoop(URI events, String secret, IntFunction<SignedCommand> command, int senders, long endNanos,
                                     long total) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Histogram latency = new ConcurrentHistogram(MAX_NANOS, 3);
        AtomicLong failures = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        Thread[] threads = new Thread[senders];
        for (int s = 0; s < senders; s++) {
            threads[s] = new Thread(() -> {
                while (System.nanoTime() < endNanos) {
                    long i = sent.getAndIncrement();
                    if (i >= total) {
                        sent.decrementAndGet();
                        return;
                    }
                    long began = System.nanoTime();
                    try {
                        HttpResponse<String> res = http.send(command.apply((int) i).to(events, secret), HttpResponse.BodyHandlers.ofString());
                        if (acked(res)) latency.recordValue(Math.min(System.nanoTime() - began, MAX_NANOS));
                        else failures.incrementAndGet();
                    } catch (java.io.IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "sender-" + s);
            threads[s].start();
        }
        for (Thread t : threads) t.join();
        return Result.of(latency, failures.get(), sent.get(), System.nanoTime() - start);
    }
}
