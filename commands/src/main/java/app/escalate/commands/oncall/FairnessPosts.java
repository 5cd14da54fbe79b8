package app.escalate.commands.oncall;

import app.escalate.commands.SlackEffect;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The memory of the monthly fairness posts: one per calendar month, kept so restarts and replicas post it once. */
public interface FairnessPosts {
    /** Records the post of {@code month}'s report with its effects, in one transaction; false (nothing written) when already recorded. */
    boolean monthlyPost(YearMonth month, Instant at, List<SlackEffect> effects);
}
