package app.escalate.config;

import java.time.Duration;

/**
 * How evenly on-call is shared ({@code fairness}): {@code /esc oncall report} warns when the most
 * loaded person held more than {@code max_spread} of on-call hours beyond the least loaded, and with
 * {@code monthly_post} the team channel gets the previous calendar month's report on the first of
 * each month. Without the section: 24 hours, and no monthly post.
 */
public record FairnessPolicy(Duration maxSpread, Boolean monthlyPost) {
    public static final Duration DEFAULT_MAX_SPREAD = Duration.ofHours(24);
    public static final FairnessPolicy DEFAULT = new FairnessPolicy(null, null);

    public FairnessPolicy {
        if (maxSpread == null) maxSpread = DEFAULT_MAX_SPREAD;
        if (maxSpread.isNegative() || maxSpread.isZero()) {
            throw new IllegalArgumentException("max_spread: a duration such as 24h, longer than zero");
        }
        if (maxSpread.compareTo(Duration.ofDays(92)) > 0) {
            throw new IllegalArgumentException("max_spread: at most 92d (a quarter), got " + maxSpread.toHours() + "h");
        }
        if (monthlyPost == null) monthlyPost = false;
    }
}
