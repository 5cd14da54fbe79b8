package app.escalate.bot;

import app.escalate.bot.slack.SetupCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The set-up check ({@code doctor}'s) run once after start-up, on a thread of its own: a workspace
 * set up wrong must not delay the start nor stop the bot, but the operator should hear of it, so
 * each problem is logged as a warning and shown in {@code /healthz}'s details.
 */
final class SetupStatus implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SetupStatus.class);
    private final AtomicReference<SetupCheck.Report> report = new AtomicReference<>();
    private volatile Thread checking;
    private volatile boolean closed;

    /** Starts the check (built and run on its own thread: nothing in it can fail the start) and returns at once. */
    void check(Supplier<SetupCheck.Report> check) {
        Thread thread = new Thread(() -> {
            SetupCheck.Report found = run(check);
            // Stopped meanwhile: its calls were cut short, so what it found says nothing of the set-up.
            if (closed) return;
            report.set(logged(found));
        }, "slack-setup-check");
        thread.setDaemon(true);
        checking = thread;
        thread.start();
    }

    /** What the check found wrong: absent until it has run, an empty list when all is well. */
    Optional<List<String>> problems() {
        return Optional.ofNullable(report.get()).map(SetupCheck.Report::problems);
    }

    private static SetupCheck.Report run(Supplier<SetupCheck.Report> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return new SetupCheck.Report(List.of(SetupCheck.Finding.problem("The set-up check failed (" + e
                    + "): run java -jar escalate.jar doctor to try again.")));
        }
    }

    private static SetupCheck.Report logged(SetupCheck.Report report) {
        if (report.allOk()) log.info("Slack set-up: all {} checks passed", report.findings().size());
        report.problems().forEach(problem -> log.warn("Slack set-up: {}", problem));
        return report;
    }

    /** A check still waiting on Slack is abandoned: it is only advice. */
    @Override
    public void close() {
        closed = true;
        Thread thread = checking;
        if (thread != null) thread.interrupt();
    }
}
