package app.escalate.storage;

import app.escalate.commands.SlackEffect;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery side of the outbox: lease due effects, then record each as delivered (with what
 * Slack returned, in the same transaction), to retry later, or as failed for good. Safe with
 * several workers and several replicas on one database.
 */
public final class Outbox {
    private static final int MAX_ERROR = 500;

    private final Jdbi jdbi;

    public Outbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Queues one effect on its own, for Slack work that follows no change to a case (such as a reply to a click). */
    public void enqueue(SlackEffect effect, Instant at) {
        EffectCodec.Encoded encoded = EffectCodec.encode(effect);
        jdbi.useExtension(OutboxDao.class, dao -> dao.insert(EffectCodec.streamOf(effect), encoded.kind(), encoded.payload(), at));
    }

    /** Leases up to {@code limit} due stream heads until {@code now + lease}. */
    public List<OutboxEntry> lease(Instant now, int limit, Duration lease) {
        return jdbi.inTransaction(h -> {
            OutboxDao dao = h.attach(OutboxDao.class);
            List<OutboxEntry> leased = new ArrayList<>();
            for (long id : dao.dueHeads(now, limit)) {
                if (dao.lease(id, now, now.plus(lease)) == 1) leased.add(dao.row(id).entry());
            }
            return leased;
        });
    }

    public void delivered(OutboxEntry entry, DeliveryOutcome outcome, Instant at) {
        jdbi.useTransaction(h -> {
            CaseDao cases = h.attach(CaseDao.class);
            if (outcome instanceof DeliveryOutcome.ChannelCreated created) {
                cases.attachChannel(created.caseId().number(), created.channel().id().value(), created.channel().name());
            } else if (outcome instanceof DeliveryOutcome.CardPosted posted) {
                cases.recordCard(posted.caseId().number(), posted.ts());
            }
            h.attach(OutboxDao.class).done(entry.id(), at);
        });
    }

    public void retryAt(OutboxEntry entry, Instant next, String error) {
        jdbi.useExtension(OutboxDao.class, dao -> dao.retryAt(entry.id(), next, clip(error)));
    }

    public void failed(OutboxEntry entry, Instant at, String error) {
        jdbi.useExtension(OutboxDao.class, dao -> dao.failed(entry.id(), at, clip(error)));
    }

    /** Gives a leased effect back untried, so any worker may take it at once. */
    public void release(OutboxEntry entry) {
        jdbi.useExtension(OutboxDao.class, dao -> dao.release(entry.id()));
    }

    /** Effects not yet delivered. */
    public long backlog() {
        return jdbi.withExtension(OutboxDao.class, OutboxDao::pending);
    }

    /** Effects given up on (Slack refused them for good). */
    public long failedCount() {
        return jdbi.withExtension(OutboxDao.class, OutboxDao::failedCount);
    }

    private static String clip(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
