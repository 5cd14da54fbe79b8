package app.escalate.bot.jobs;

import app.escalate.bot.intake.CallBacks;
import app.escalate.bot.paging.Pagers;
import app.escalate.bot.outbox.Delivery;
import app.escalate.bot.outbox.DeliveryAttempt;
import app.escalate.bot.search.SimilarCases;
import app.escalate.bot.slack.PinnedMessages;
import app.escalate.bot.slack.ZonedCommands;
import app.escalate.commands.Case;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseStore;
import app.escalate.commands.EventData;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.SuggestedTriage;
import app.escalate.commands.handlers.EscCommands;
import app.escalate.commands.summary.Draft;
import app.escalate.commands.summary.Drafts;
import app.escalate.commands.triage.Triager;
import app.escalate.config.Policy;
import app.escalate.storage.FollowUp;
import app.escalate.storage.OutboxEntry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Runs the jobs a decision queued (triage of a new case, a draft, a pinned message, an override in
 * the person's zone), after the ack and across a crash. A job may run twice (its worker died before
 * recording it done), so each does its work once: a case triaged already is not asked about again,
 * a draft request finds the draft it wrote, a pinned message is recorded once, an override is set
 * once. A job that keeps failing is tried {@link #MAX_TRIES} times (each may wait for a model),
 * then whoever asked is told.
 */
public final class JobRunner implements Delivery {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    static final int MAX_TRIES = 3;
    /** The indexer looks for new events twice a second. */
    private static final Duration INDEX_WAIT = Duration.ofSeconds(1);
    static final int SIMILAR_TRIES = 600;

    private final Triager triager;
    private final EscCommands commands;
    private final CaseStore cases;
    private final Drafts drafts;
    private final PinnedMessages pins;
    private final ZonedCommands overrides;
    private final Policy policy;
    private final MeterRegistry metrics;
    private final CallBacks callBacks;
    private final SimilarCases similar;
    private final Pagers pagers;

    public JobRunner(Triager triager, EscCommands commands, CaseStore cases, Drafts drafts, PinnedMessages pins,
                     ZonedCommands overrides, Policy policy, MeterRegistry metrics, CallBacks callBacks, SimilarCases similar, Pagers pagers) {
        this.pagers = pagers;
        this.similar = similar;
        this.callBacks = callBacks;
        this.overrides = overrides;
        this.triager = triager;
        this.commands = commands;
        this.cases = cases;
        this.drafts = drafts;
        this.pins = pins;
        this.policy = policy;
        this.metrics = metrics;
    }

    @Override
    public DeliveryAttempt deliver(OutboxEntry entry) {
        if (!(entry.effect() instanceof SlackEffect.Job job)) throw new AssertionError("not a job: " + entry.effect());
        // A source's callback is never given up on: it is retried however long the source is down.
        if (job instanceof SlackEffect.CallBack change) return callBacks.deliver(change);
        // A pager is tried for as long as it takes (each try on the timeline), or given up on a refusal retrying cannot change.
        if (job instanceof SlackEffect.PagerCall call) return pagers.deliver(call, entry.attempts() + 1);
        if (job instanceof SlackEffect.SuggestSimilar similarJob) return suggestSimilar(similarJob, entry.attempts());
        try {
            return run(job, entry.id());
        } catch (RuntimeException e) {
            if (entry.attempts() + 1 < MAX_TRIES) return new DeliveryAttempt.Retry(Optional.empty(), e.toString(), true);
            return new DeliveryAttempt.GiveUp("failed " + MAX_TRIES + " times: " + e, whenGivenUp(job));
        }
    }

    private DeliveryAttempt run(SlackEffect.Job job, long entryId) {
        if (job instanceof SlackEffect.TriageCase t) return triage(t);
        if (job instanceof SlackEffect.WriteDraft w) return draft(w, entryId);
        if (job instanceof SlackEffect.RecordPin p) return pins.record(p);
        if (job instanceof SlackEffect.ZonedCommand o) return overrides.apply(o);
        throw new AssertionError("no runner for " + job);
    }

    /** Asks for a suggestion only while the case has none: a second run records nothing more. */
    private DeliveryAttempt triage(SlackEffect.TriageCase job) {
        Optional<CaseFile> file = cases.file(job.caseId());
        if (file.isEmpty() || file.get().triage().isPresent()) return DeliveryAttempt.sent();
        Case c = file.get().details();
        Optional<String> description = cases.timeline(c.id()).stream().flatMap(e -> e.as(EventData.Opened.class).stream()).findFirst()
                .flatMap(EventData.Opened::description).filter(d -> !d.isBlank());
        boolean modelAllowed = policy.mayUseModel(c.caseType(), c.restricted());
        SuggestedTriage suggested = triager.suggest(c.title(), description, c.surface(), c.caseType(), modelAllowed);
        commands.triage(c.id(), suggested, triager.shadow(suggested, c.title(), description, c.surface(), c.caseType(), modelAllowed));
        return DeliveryAttempt.sent();
    }

    /**
     * Finds and shows the cases like one just opened, once: a second run finds them shown. Waits,
     * a second at a time, while the search index has not taken the case in (a restart loading it, a
     * backfill), and tries again after a failure; after {@link #SIMILAR_TRIES} of either (about ten
     * minutes: an index that never takes the case in, a model that would not load) it gives up, and
     * the case simply has no similar cases shown.
     */
    private DeliveryAttempt suggestSimilar(SlackEffect.SuggestSimilar job, int attempts) {
        boolean last = attempts + 1 >= SIMILAR_TRIES;
        try {
            Optional<CaseFile> file = cases.file(job.caseId());
            if (file.isEmpty()) return DeliveryAttempt.sent();
            if (!similar.ready(job.caseId())) {
                String why = "the search index has not taken " + job.caseId() + " in";
                return last ? new DeliveryAttempt.GiveUp(why + " after " + SIMILAR_TRIES + " tries")
                        : new DeliveryAttempt.Retry(Optional.of(INDEX_WAIT), why + " yet", false);
            }
            SimilarCases.Found found = similar.find(file.get());
            commands.similarFound(job.caseId(), found.similar(), found.duplicateOf());
            return DeliveryAttempt.sent();
        } catch (RuntimeException e) {
            return last ? new DeliveryAttempt.GiveUp("failed " + SIMILAR_TRIES + " times: " + e) : new DeliveryAttempt.Retry(Optional.of(INDEX_WAIT), e.toString(), false);
        }
    }

    /** The draft for this queued request: written once, whatever number of times the job runs. */
    private DeliveryAttempt draft(SlackEffect.WriteDraft job, long entryId) {
        Draft d = drafts.draft(job.caseId(), job.kind(), job.requester(), job.channel(), job.responseUrl(), "outbox:" + entryId);
        try {
            metrics.timer("escalate.llm.latency", "model", d.model(), "kind", job.kind().id(),
                    "fell_back", Boolean.toString(d.fallback().isPresent())).record(Duration.ofMillis(d.latencyMillis()));
        } catch (RuntimeException e) {
            log.warn("could not record the draft's latency: {}", e.toString()); // a meter problem must not fail a stored draft
        }
        return DeliveryAttempt.sent();
    }

    /** Whoever asked for a draft that could not be made is told so where they asked. */
    private static FollowUp whenGivenUp(SlackEffect.Job job) {
        if (job instanceof SlackEffect.WriteDraft w && w.responseUrl().isPresent()) {
            return FollowUp.effects(new SlackEffect.Respond(w.requester(), w.responseUrl().get(), "The " + w.kind().label().toLowerCase()
                    + " for " + w.caseId() + " could not be drafted (the database may be unreachable). Nothing was posted; try again in a minute."));
        }
        if (job instanceof SlackEffect.ZonedCommand o) return ZonedCommands.givenUp(o);
        return FollowUp.NONE;
    }
}
