package app.escalate.bench;

import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Severity;
import app.escalate.commands.UserId;
import app.escalate.storage.Database;
import app.escalate.storage.JdbiCaseStore;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /esc status ESC-1} with 1,000,000 timeline events stored (a thousand cases, a thousand
 * events each, ESC-1's among them), against the same thousand cases with no events: the bot's jar
 * on each database in turn, warmed up, then one sender at a time, so the figures are the time to
 * answer rather than time spent queueing.
 */
final class TimelineBench {
    static final int CASES = 1_000;
    static final int EVENTS = 1_000_000;
    private static final Duration RUN = Duration.ofSeconds(10);
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private TimelineBench() {
    }

    /** Latency of a status request on each database, and how long storing the million events took. */
    record Result(Load.Result withEvents, Load.Result withoutEvents, Duration fill) {
    }

    static Result measure(Path botJar, Path work) throws Exception {
        Path empty = work.resolve("timeline-empty");
        Path full = work.resolve("timeline-full");
        fill(empty, 0);
        long began = System.nanoTime();
        fill(full, EVENTS);
        Duration fill = Duration.ofNanos(System.nanoTime() - began);
        return new Result(status(botJar, full, work), status(botJar, empty, work), fill);
    }

    private static Load.Result status(Path botJar, Path database, Path work) throws Exception {
        try (LoopbackSlack slack = new LoopbackSlack();
             ServerProcess bot = Servers.bot(botJar, slack, database, work.resolve(database.getFileName() + ".log"))) {
            Command status = new Command("status", i -> new SignedCommand(Servers.MARIA, "C0TEAM", "status ESC-1", slack.responseUrl()));
            Load.warmUp(bot, List.of(status));
            return Load.saturation(bot.events(), Servers.SECRET, status.request(), 1, RUN);
        }
    }

    /** Stores the cases, then {@code events} notes spread evenly over them, in batches (faster here than generating them in SQL). */
    static void fill(Path path, int events) {
        try (Database database = Database.open("jdbc:h2:file:" + path)) {
            JdbiCaseStore store = new JdbiCaseStore(database.jdbi());
            for (int n = 1; n <= CASES; n++) {
                store.open(new NewCase("Timeline case " + n, Severity.SEV2, Optional.empty(), Optional.empty(), Optional.empty(),
                        new UserId(Servers.MARIA), START.plusSeconds(n), false), c -> Opening.of(List.of()));
            }
            database.jdbi().useTransaction(h -> {
                PreparedBatch batch = null;
                for (int i = 0; i < events; i++) {
                    if (batch == null) {
                        batch = h.prepareBatch("""
                                INSERT INTO case_events (case_number, occurred_at, actor, kind, data)
                                VALUES (:number, :at, :actor, 'NOTE_ADDED', :data)""");
                    }
                    batch.bind("number", 1 + i % CASES).bindByType("at", START.plusMillis(i), Instant.class)
                            .bind("actor", Servers.MARIA).bind("data", "{\"text\":\"Benchmark note " + i + "\"}").add();
                    if (batch.size() == 10_000) {
                        batch.execute();
                        batch = null;
                    }
                }
                if (batch != null && batch.size() > 0) batch.execute();
            });
        }
    }
}
