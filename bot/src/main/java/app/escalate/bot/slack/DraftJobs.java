package app.escalate.bot.slack;

import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.UserId;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.DraftKind;
import app.escalate.commands.summary.Drafts;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Drafting runs here, after Slack has had its acknowledgement: a model may take up to
 * {@code LLM_TIMEOUT}. The finished draft reaches its reviewer through the outbox.
 */
public final class DraftJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DraftJobs.class);

    private final Drafts drafts;
    private final Runnable outboxChanged;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "drafting");
        t.setDaemon(true);
        return t;
    });

    /** Tells the asker their draft could not be made (through the outbox, when it can be reached). */
    private final java.util.function.BiConsumer<UserId, Optional<String>> failed;

    private final MeterRegistry metrics;

    public DraftJobs(Drafts drafts, Runnable outboxChanged, java.util.function.BiConsumer<UserId, Optional<String>> failed,
                     MeterRegistry metrics) {
        this.drafts = drafts;
        this.metrics = metrics;
        this.outboxChanged = outboxChanged;
        this.failed = failed;
    }

    public void start(CaseId caseId, DraftKind kind, UserId requester, ChannelId channel, Optional<String> responseUrl) {
        pool.submit(() -> {
            try {
                Draft d = drafts.draft(caseId, kind, requester, channel, responseUrl);
                outboxChanged.run();
                record(d, kind);
            } catch (RuntimeException e) {
                log.warn("drafting the {} of {} failed: {}", kind.id(), caseId, e.toString());
                failed.accept(requester, responseUrl);
            }
        });
    }

    /** The model's latency; a meter problem must not turn a stored draft into a reported failure. */
    private void record(Draft d, DraftKind kind) {
        try {
            metrics.timer("escalate.llm.latency", "model", d.model(), "kind", kind.id(),
                    "fell_back", Boolean.toString(d.fallback().isPresent())).record(Duration.ofMillis(d.latencyMillis()));
        } catch (RuntimeException e) {
            log.warn("could not record the draft's latency: {}", e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
