package app.escalate.storage;

import app.escalate.commands.SlackEffect;
import app.escalate.commands.oncall.FairnessPosts;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** {@link FairnessPosts} on Jdbi: the month's row and its outbox effects commit together, or (already there) not at all. */
public final class JdbiFairnessPosts implements FairnessPosts {
    private final Jdbi jdbi;

    public JdbiFairnessPosts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean monthlyPost(YearMonth month, Instant at, List<SlackEffect> effects) {
        return Sql.once(jdbi, h -> {
            h.createUpdate("INSERT INTO fairness_posts (for_month, posted_at) VALUES (:month, :at)")
                    .bind("month", month.toString()).bind("at", at).execute();
            new OutboxDao(h).enqueueAll(effects, at);
            return true;
        });
    }
}
