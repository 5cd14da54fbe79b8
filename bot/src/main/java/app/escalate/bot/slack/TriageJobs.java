package app.escalate.bot.slack;

import app.escalate.bot.outbox.CommandsFirst;
import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseStore;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.triage.Triager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Triage after the ack: a model can take seconds, and Slack gives the open command three. Each
 * new case (typed, from the form, or from "Escalate this message") is triaged in the background;
 * the suggestion, and anything it changes, goes to the case channel through the outbox. While
 * commands are being answered, a job waits (see {@link #waitForQuiet}).
 */
public final class TriageJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TriageJobs.class);

    private final Triager triager;
    private final EscCommands commands;
    private final CaseStore cases;
    private final Runnable outboxChanged;
    private final CommandsFirst commandsFirst;
    private final ExecutorService pool;
    static final Duration MAX_WAIT = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(20);

    public TriageJobs(Triager triager, EscCommands commands, CaseStore cases, Runnable outboxChanged, CommandsFirst commandsFirst) {
        this.commandsFirst = commandsFirst;
        this.triager = triager;
        // Keywords take a moment of CPU: one thread. A model takes seconds of waiting: two, so one slow answer holds up less.
        this.pool = Executors.newFixedThreadPool(triager.asksModel() ? 2 : 1, r -> {
            Thread t = new Thread(r, "triage");
            t.setDaemon(true);
            return t;
        });
        this.commands = commands;
        this.cases = cases;
        this.outboxChanged = outboxChanged;
    }

    public void start(CaseId id) {
        if (!triager.enabled()) return;
        pool.submit(() -> {
            try {
                waitForQuiet();
                triage(id);
            } catch (RuntimeException e) {
                log.warn("triaging {} failed: {}", id, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * In a burst of opens the acks come first: a job waits while commands are being answered, up to
     * {@link #MAX_WAIT}, so a long burst delays triage but never stops it.
     */
    private void waitForQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (commandsFirst.busy() && System.nanoTime() < deadline) Thread.sleep(POLL.toMillis());
    }

    private void triage(CaseId id) {
        Optional<Case> c = cases.find(id);
        if (c.isEmpty()) return;
        Optional<String> description = cases.timeline(id).stream().filter(e -> e.kind() == CaseEvent.Kind.OPENED).findFirst()
                .map(e -> e.get("description")).filter(d -> !d.isBlank());
        Triager.Suggested suggested = triager.suggest(c.get().title(), description, c.get().surface(), c.get().restricted());
        if (commands.triage(id, suggested)) outboxChanged.run();
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
