package app.escalate.storage;

import app.escalate.commands.CaseId;
import app.escalate.commands.Effects;
import app.escalate.commands.SlackEffect;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The delivery side of the outbox: lease due effects, then record each as delivered (with what
 * Slack returned, in the same transaction), to retry later, or as failed for good. Safe with
 * several workers and several replicas on one database.
 */
public final class Outbox implements Effects {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int MAX_ERROR = 500;
    /** Pending rows read per query while looking for stream heads. */
    private static final int PAGE = 500;

    private final Jdbi jdbi;
    /** Who holds the leases this instance takes: one per process (and so per replica). */
    private final String owner = UUID.randomUUID().toString();

    /**
     * Which streams a worker takes: Slack calls, or jobs (a model's answer may take 20 s, and must
     * not hold up a card update).
     */
    public enum Lane {
        SLACK("stream NOT LIKE '" + SlackEffect.Job.STREAM_PREFIX + "%'"),
        JOBS("stream LIKE '" + SlackEffect.Job.STREAM_PREFIX + "%' AND stream NOT LIKE '" + SlackEffect.PagerCall.STREAM_PREFIX + "%'"),
        /** Pager calls, on a worker of their own: a page never waits behind a model's answer. */
        PAGERS("stream LIKE '" + SlackEffect.PagerCall.STREAM_PREFIX + "%'");

        final String where;

        Lane(String where) {
            this.where = where;
        }
    }

    public Outbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Calls {@code listener} (quickly: a wake-up) each time work queued by any store on this database has committed. */
    public void onEnqueued(Runnable listener) {
        jdbi.getConfig(OutboxSignal.class).listen(listener);
    }

    /** Queues one effect on its own, for Slack work that follows no change to a case (such as a reply to a click). */
    public void enqueue(SlackEffect effect, Instant at) {
        enqueue(List.of(effect), at);
    }

    @Override
    public void enqueue(List<SlackEffect> effects, Instant at) {
        OutboxDao.enqueue(jdbi, effects, at);
    }

    /**
     * Leases up to {@code limit} due stream heads until {@code now + lease}. A row this version
     * cannot read (say, written by a newer replica) is marked failed rather than blocking the rest.
     */
    public List<OutboxEntry> lease(Lane lane, Instant now, int limit, Duration lease) {
        List<OutboxEntry> leased = new ArrayList<>();
        for (long id : due(lane, now, limit)) lease(id, now, lease).ifPresent(leased::add);
        return leased;
    }

    /**
     * Up to {@code limit} stream heads that are due and not leased, oldest first: candidates to
     * {@link #lease(long, Instant, Duration) lease} one at a time, just before each is delivered.
     * Pending rows are read oldest first, a page at a time, and a stream's first row is its head;
     * so with a backlog of tens of thousands the usual search reads one page, not every pending row.
     * Only when the oldest heads are all waiting (backing off, or leased) does it read further.
     */
    public List<Long> due(Lane lane, Instant now, int limit) {
        return jdbi.withHandle(h -> {
            OutboxDao dao = new OutboxDao(h);
            Set<String> seen = new HashSet<>();
            List<Long> due = new ArrayList<>();
            long after = 0;
            while (true) {
                List<OutboxDao.Pending> page = dao.pendingAfter(lane.where, after, PAGE);
                for (OutboxDao.Pending p : page) {
                    if (!seen.add(p.stream()) || !p.isDue(now)) continue; // not its stream's head, or not yet
                    due.add(p.id());
                    if (due.size() == limit) return due;
                }
                if (page.size() < PAGE) return due;
                after = page.get(page.size() - 1).id();
            }
        });
    }

    /**
     * Leases one candidate until {@code now + lease}; empty when another worker got it first, it is
     * no longer due, or this version cannot read it (then it is marked failed).
     */
    public Optional<OutboxEntry> lease(long id, Instant now, Duration lease) {
        return jdbi.withHandle(h -> {
            OutboxDao dao = new OutboxDao(h);
            if (dao.lease(id, now, now.plus(lease), owner) != 1) return Optional.<OutboxEntry>empty();
            OutboxEntry.Row row = dao.row(id);
            try {
                return Optional.of(row.entry());
            } catch (RuntimeException unreadable) {
                log.error("outbox: row {} ({}) cannot be read by this version; marked failed", id, row.kind());
                dao.failed(id, now, clip("unreadable: " + unreadable), owner);
                return Optional.<OutboxEntry>empty();
            }
        });
    }

    /**
     * Keeps the lease of an entry still being delivered until {@code until}: a worker renews it
     * while it works, so a short lease is enough and a dead worker's entry is taken over soon.
     * False when the lease is no longer this worker's (another took the entry over).
     */
    public boolean renew(OutboxEntry entry, Instant until) {
        return jdbi.withHandle(h -> new OutboxDao(h).renew(entry.id(), until, owner)) == 1;
    }

    /**
     * Records a delivery and what Slack returned, with the work that was to follow it (a
     * confirmation, say), in one transaction. False when this worker's lease had already run out
     * and another took the effect over: then nothing is written.
     */
    public boolean delivered(OutboxEntry entry, DeliveryOutcome outcome, FollowUp then, Instant at) {
        return jdbi.inTransaction(h -> {
            OutboxDao dao = new OutboxDao(h);
            if (dao.done(entry.id(), at, owner) != 1) return false;
            follow(h, then, at);
            CaseDao cases = new CaseDao(h);
            if (outcome instanceof DeliveryOutcome.ChannelCreated created) {
                cases.attachChannel(created.caseId().number(), created.channel().id().value(), created.channel().name());
            } else if (outcome instanceof DeliveryOutcome.CardPosted posted) {
                cases.recordCard(posted.caseId().number(), posted.ts());
            } else if (outcome instanceof DeliveryOutcome.SimilarPosted posted) {
                cases.recordSimilar(posted.caseId().number(), posted.ts());
            } else if (outcome instanceof DeliveryOutcome.SwapPosted posted) {
                JdbiSwapStore.posted(h, posted.swapId(), posted.channel(), posted.ts());
            }
            return true;
        });
    }

    /**
     * Records a try that did not go through, to be tried again at {@code next}. {@code mayBeDone}:
     * Slack may have done it anyway (a timeout or a server error), so the next try looks first.
     */
    public boolean retryAt(OutboxEntry entry, Instant next, String error, boolean mayBeDone) {
        return jdbi.withHandle(h -> new OutboxDao(h).retryAt(entry.id(), next, clip(error), mayBeDone, owner)) == 1;
    }

    /** Records an effect given up on, with what is to follow that (telling whoever asked), in one transaction. */
    public boolean failed(OutboxEntry entry, Instant at, String error, FollowUp then) {
        return jdbi.inTransaction(h -> {
            OutboxDao dao = new OutboxDao(h);
            if (dao.failed(entry.id(), at, clip(error), owner) != 1) return false;
            follow(h, then, at);
            return true;
        });
    }

    private static void follow(org.jdbi.v3.core.Handle h, FollowUp then, Instant at) {
        TimelineDao timeline = new TimelineDao(h);
        then.events().forEach(timeline::append);
        new OutboxDao(h).enqueueAll(then.effects(), at);
    }

    /** Gives a leased effect back untried, so any worker may take it at once. */
    public void release(OutboxEntry entry) {
        jdbi.useHandle(h -> new OutboxDao(h).release(entry.id(), owner));
    }

    /** Effects not yet delivered. */
    public long backlog() {
        return jdbi.withHandle(h -> new OutboxDao(h).pending());
    }

    /** Effects given up on (Slack refused them for good). */
    public long failedCount() {
        return jdbi.withHandle(h -> new OutboxDao(h).failedCount());
    }

    /** A case whose channel or card Slack refused for good: what was refused, and Slack's error. */
    public record CaseRefusal(CaseId caseId, String effect, String error) {
    }

    /** What makes a case visible in Slack: its channel, the people in it, its card. */
    private static final List<String> SHOWING_A_CASE = List.of("create_channel", "invite", "post_card", "pin_card", "update_card");

    /** How many cases have had their channel or card refused by Slack for good. */
    public long refusedCaseCount() {
        return jdbi.withHandle(h -> new OutboxDao(h).failedCases(SHOWING_A_CASE));
    }

    /**
     * The newest {@code limit} cases whose channel or card Slack refused for good, each with its first
     * refusal (the cause: a channel refused takes the card and the invites with it).
     */
    public List<CaseRefusal> refusedCases(int limit) {
        Map<CaseId, CaseRefusal> first = new LinkedHashMap<>();
        for (String[] row : jdbi.withHandle(h -> new OutboxDao(h).failed(SHOWING_A_CASE, 50 * limit))) {
            if (!row[0].startsWith("case:")) continue;
            CaseId id = new CaseId(Long.parseLong(row[0].substring("case:".length())));
            if (!first.containsKey(id) && first.size() == limit) continue;
            first.put(id, new CaseRefusal(id, row[1], row[2] == null ? "" : row[2]));   // newest first: the last seen is the first refused
        }
        return List.copyOf(first.values());
    }

    private static String clip(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
